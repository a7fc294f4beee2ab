// The rule: no plain-number arithmetic in shared/money. Money and rates go through
// Decimal; a JS number may only count days or index arrays, and then the line says so
// with `// number-ok: <reason>`. This walks every arithmetic BinaryExpression
// (+ - * / % ** and their compound assignments) with the TypeScript type checker and
// fails on any whose operand is a number (or any). `+` with a string operand is text
// concatenation, not arithmetic, and is allowed.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const moneyDir = path.join(root, 'shared', 'money');
const moneyFiles = readdirSync(moneyDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => path.join(moneyDir, f));

const ARITHMETIC = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.PlusToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.AsteriskToken,
  ts.SyntaxKind.SlashToken,
  ts.SyntaxKind.PercentToken,
  ts.SyntaxKind.AsteriskAsteriskToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
  ts.SyntaxKind.AsteriskAsteriskEqualsToken,
]);
const CONCAT = new Set<ts.SyntaxKind>([ts.SyntaxKind.PlusToken, ts.SyntaxKind.PlusEqualsToken]);
const NUMBER_OK = /\/\/\s*number-ok:\s*\S/;

function some(type: ts.Type, flags: ts.TypeFlags): boolean {
  if (type.isUnion()) return type.types.some((t) => some(t, flags));
  return (type.flags & flags) !== 0;
}

/** file:line: text for every plain-number arithmetic expression without a number-ok reason. */
export function findNumberArithmetic(program: ts.Program, files: readonly string[]): string[] {
  const checker = program.getTypeChecker();
  const found: string[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) throw new Error(`not in program: ${file}`);
    const lines = sf.text.split('\n');
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node) && ARITHMETIC.has(node.operatorToken.kind)) {
        const left = checker.getTypeAtLocation(node.left);
        const right = checker.getTypeAtLocation(node.right);
        const numeric = (t: ts.Type) => some(t, ts.TypeFlags.NumberLike | ts.TypeFlags.Any);
        const text = (t: ts.Type) => some(t, ts.TypeFlags.StringLike);
        const concatenation = CONCAT.has(node.operatorToken.kind) && (text(left) || text(right));
        if ((numeric(left) || numeric(right)) && !concatenation) {
          const opLine = sf.getLineAndCharacterOfPosition(node.operatorToken.getStart(sf)).line;
          const startLine = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
          const ok = [opLine, startLine].some((l) => NUMBER_OK.test(lines[l] ?? ''));
          if (!ok) found.push(`${path.relative(root, file)}:${opLine + 1}: ${node.getText(sf)}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

const FIXTURE = path.join(root, 'test', 'money', '__virtual_float_fixture__.ts');
const FIXTURE_TEXT = [
  "import Decimal from 'decimal.js';",
  'const price = 0.1;',
  'const qty = 3;',
  'export const bad = price * qty;',
  'export let acc = 0;',
  'acc += price;',
  "export const fine = new Decimal('0.1').times(qty);",
  "export const label = '第' + qty + '期';",
  'export const days = qty - 1; // number-ok: a day count',
  'export const noReason = qty - 1; // number-ok:',
  'export const viaAny = (JSON.parse("1") as any) / 2;',
].join('\n');

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noUncheckedIndexedAccess: true,
  resolveJsonModule: true,
  esModuleInterop: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
  lib: ['lib.es2023.d.ts'],
};

function makeProgram(): ts.Program {
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) =>
    path.resolve(name) === FIXTURE ? ts.createSourceFile(name, FIXTURE_TEXT, lang) : getSourceFile(name, lang, onError, create);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === FIXTURE || fileExists(name);
  return ts.createProgram({ rootNames: [...moneyFiles, FIXTURE], options, host });
}

describe('no float arithmetic on money in shared/money', () => {
  const program = makeProgram();

  it('type-checks, so operand types are real (not error types)', () => {
    expect(moneyFiles.length).toBeGreaterThanOrEqual(6);
    const errors = moneyFiles.flatMap((f) => ts.getPreEmitDiagnostics(program, program.getSourceFile(f)));
    expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  }, 60_000);

  it('the rule catches violations (fixture)', () => {
    expect(findNumberArithmetic(program, [FIXTURE])).toEqual([
      'test/money/__virtual_float_fixture__.ts:4: price * qty',
      'test/money/__virtual_float_fixture__.ts:6: acc += price',
      'test/money/__virtual_float_fixture__.ts:10: qty - 1',
      'test/money/__virtual_float_fixture__.ts:11: (JSON.parse("1") as any) / 2',
    ]);
  }, 60_000);

  it('shared/money/*.ts has none', () => {
    expect(findNumberArithmetic(program, moneyFiles)).toEqual([]);
  }, 60_000);
});
