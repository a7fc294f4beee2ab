// The process-boundary rules of DESIGN.md ("Processes and folders"), checked on the
// TypeScript AST of every source file (comments and strings never count):
//   - renderer/ and preload/ never import main/ or cli/;
//   - shared/ imports no Node-only module, no DOM-only module, no process folder, and never
//     touches window./document. (it must run in main, the worker, the CLI and the renderer);
//   - main/ never imports renderer/, preload/ or cli/ (the CLI is a client of main, not a library);
//   - only main/ and preload/ import 'electron'.
// Type-only imports count too: a type from main/ in the renderer still couples them.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export interface ImportRef {
  specifier: string;
  line: number;
}

export interface Violation {
  file: string;
  line: number;
  rule: string;
  detail: string;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const NATIVE_OR_NODE_PACKAGES = [/^better-sqlite3/, /^electron$/, /^electron\//, /^@electron\//, /^sharp$/, /^bindings$/];
const DOM_ONLY_PACKAGES = [/^react-dom(\/|$)/];
const DOM_GLOBALS = new Set(['window', 'document', 'localStorage', 'sessionStorage']);

/** The top-level folder a repo-relative path lives in ('main', 'shared', …). */
export function areaOf(relPath: string): string {
  return relPath.split(/[\\/]/)[0] ?? '';
}

function isNodeOnly(specifier: string): boolean {
  if (specifier.startsWith('node:')) return true;
  const bare = specifier.split('/')[0] ?? specifier;
  return NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(bare) || NATIVE_OR_NODE_PACKAGES.some((re) => re.test(specifier));
}

function parse(fileName: string, source: string): ts.SourceFile {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
}

const lineOf = (sf: ts.SourceFile, node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

/** import/export … from, import x = require(), import('x') types, require(), import(): every module a file names. */
export function importsOf(fileName: string, source: string): ImportRef[] {
  const sf = parse(fileName, source);
  const refs: ImportRef[] = [];
  const add = (lit: ts.Node | undefined) => {
    if (lit && ts.isStringLiteralLike(lit)) refs.push({ specifier: lit.text, line: lineOf(sf, lit) });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isDynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      if (isRequire || isDynamicImport) add(node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return refs;
}

/** window.x, document.x, window['x'], globalThis.window… (code only, not comments). */
export function domGlobalUses(fileName: string, source: string): { name: string; line: number }[] {
  const sf = parse(fileName, source);
  const uses: { name: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const base = node.expression;
      if (ts.isIdentifier(base) && DOM_GLOBALS.has(base.text)) uses.push({ name: base.text, line: lineOf(sf, node) });
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(base) && base.text === 'globalThis' && DOM_GLOBALS.has(node.name.text)) {
        uses.push({ name: `globalThis.${node.name.text}`, line: lineOf(sf, node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return uses;
}

/** The area a relative import lands in, or null for a package import. */
function targetArea(relPath: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(relPath.replace(/\\/g, '/')), specifier));
  return target.startsWith('..') ? '(outside the repo)' : areaOf(target);
}

export function checkFile(relPath: string, source: string): Violation[] {
  const area = areaOf(relPath);
  const out: Violation[] = [];
  const flag = (line: number, rule: string, detail: string) => out.push({ file: relPath, line, rule, detail });

  for (const { specifier, line } of importsOf(relPath, source)) {
    const to = targetArea(relPath, specifier);
    if ((area === 'renderer' || area === 'preload') && (to === 'main' || to === 'cli')) {
      flag(line, `${area}/ must not import ${to}/`, specifier);
    }
    if (area === 'main' && (to === 'renderer' || to === 'preload' || to === 'cli')) {
      flag(line, `main/ must not import ${to}/`, specifier);
    }
    if (area === 'shared') {
      if (to !== null && to !== 'shared') flag(line, 'shared/ imports only shared/ and packages', specifier);
      if (to === null && isNodeOnly(specifier)) flag(line, 'shared/ must not import a Node-only module', specifier);
      if (to === null && DOM_ONLY_PACKAGES.some((re) => re.test(specifier))) flag(line, 'shared/ must not import a DOM-only module', specifier);
    }
    if ((specifier === 'electron' || specifier.startsWith('electron/')) && area !== 'main' && area !== 'preload') {
      flag(line, "only main/ and preload/ may import 'electron'", specifier);
    }
    // The vault worker runs in a worker thread (and in the CLI): Electron is not there.
    if ((specifier === 'electron' || specifier.startsWith('electron/')) && area === 'main' && /^main\/(vault|demo)\//.test(relPath.replace(/\\/g, '/'))) {
      flag(line, "main/vault/ must not import 'electron'", specifier);
    }
  }
  if (area === 'shared') {
    for (const use of domGlobalUses(relPath, source)) flag(use.line, 'shared/ must not use DOM globals', use.name);
  }
  return out;
}

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', 'native', 'release', 'test-results', 'playwright-report', '.tmp']);
/** Output folders at the top only (`xieshang demo --out demo`); main/demo/ is source and is scanned. */
const SKIP_AT_ROOT = new Set(['demo']);

export function listSourceFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const skip = SKIP_DIRS.has(entry.name) || entry.name.startsWith('.') || (dir === root && SKIP_AT_ROOT.has(entry.name));
        if (!skip) walk(path.join(dir, entry.name));
      } else if (/\.(ts|tsx|mts|cts)$/.test(entry.name)) {
        files.push(path.relative(root, path.join(dir, entry.name)));
      }
    }
  };
  walk(root);
  return files.sort();
}

export function scanRepo(root: string): { files: string[]; violations: Violation[] } {
  const files = listSourceFiles(root);
  const violations = files.flatMap((rel) => checkFile(rel.split(path.sep).join('/'), fs.readFileSync(path.join(root, rel), 'utf8')));
  return { files, violations };
}
