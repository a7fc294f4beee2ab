// Arguments shaped like a zod schema, for driving IPC channels: objects with the schema's
// keys, strings matching its regex and within its lengths, numbers around its bounds, enum
// members, literals, unions — and, mixed in at every level, values of the wrong kind. Most
// cases then pass validation and reach the handler; the rest test the refusal.
import fc from 'fast-check';
import type { z } from 'zod';

type Def = { type: string; [k: string]: unknown };
type Check = { check?: string; format?: string; pattern?: RegExp; maximum?: number; minimum?: number; value?: number };

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): Check[] => ((d.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);

/** Anything JSON can carry (what a hostile renderer can send). */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('', '../../../../etc/passwd', '\u0000', 'a'.repeat(70_000), -1, 1e308, Number.MAX_SAFE_INTEGER + 2, '__proto__', { __proto__: { polluted: 1 } }),
);

function stringArb(d: Def): fc.Arbitrary<string> {
  const checks = checksOf(d);
  const max = checks.find((c) => c.check === 'max_length')?.maximum;
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const pattern = checks.find((c) => c.format === 'regex')?.pattern;
  const plain = fc.string({
    unit: fc.oneof(fc.constant('x'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('证', '據', '\u202e', '\n', '%', '/', '\\')),
    minLength: min,
    maxLength: Math.min(max ?? 200, 200),
  });
  if (!pattern) return fc.oneof(plain, fc.constantFrom('2024-02-30', '2024-13-01', '0', '-1', '1e999', 'NaN'));
  let matching: fc.Arbitrary<string>;
  try {
    matching = fc.stringMatching(pattern).filter((s) => s.length <= (max ?? 10_000) && s.length >= min);
  } catch {
    matching = plain;
  }
  return fc.oneof({ weight: 4, arbitrary: matching }, { weight: 1, arbitrary: plain });
}

function numberArb(d: Def): fc.Arbitrary<number> {
  const checks = checksOf(d);
  const int = checks.some((c) => c.format === 'safeint' || c.format === 'int32');
  const lo = checks.find((c) => c.check === 'greater_than')?.value ?? -1e6;
  const hi = checks.find((c) => c.check === 'less_than')?.value ?? 1e9;
  const inRange = int ? fc.integer({ min: Math.max(lo, Number.MIN_SAFE_INTEGER), max: Math.min(hi, Number.MAX_SAFE_INTEGER) }) : fc.double({ min: lo, max: hi, noNaN: true });
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(lo, hi, 0, -0, lo - 1, hi + 1, 0.5) });
}

/** An arbitrary of values shaped by `schema` (depth-limited). */
export function shapedBy(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const wrong = garbage;
  const shaped = ((): fc.Arbitrary<unknown> => {
    if (depth > 6) return fc.constant(null);
    switch (d.type) {
      case 'object': {
        const shape = d.shape as Record<string, z.ZodType>;
        const rec: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, v] of Object.entries(shape)) rec[k] = shapedBy(v, depth + 1);
        const optional = Object.keys(shape).filter((k) => ['optional', 'default', 'prefault'].includes(defOf(shape[k]!).type));
        return fc.record(rec, { requiredKeys: Object.keys(shape).filter((k) => !optional.includes(k)) });
      }
      case 'string':
        return stringArb(d);
      case 'number':
        return numberArb(d);
      case 'int':
        return fc.integer();
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'undefined':
      case 'void':
        return fc.constant(undefined);
      case 'literal':
        return fc.constantFrom(...(d.values as unknown[]));
      case 'enum':
        return fc.constantFrom(...Object.values(d.entries as Record<string, unknown>));
      case 'array':
        return fc.array(shapedBy(d.element as z.ZodType, depth + 1), { maxLength: 5 });
      case 'tuple':
        return fc.tuple(...(d.items as z.ZodType[]).map((i) => shapedBy(i, depth + 1)));
      case 'record':
        return fc.dictionary(fc.string({ maxLength: 12 }), shapedBy(d.valueType as z.ZodType, depth + 1), { maxKeys: 4 });
      case 'union':
        return fc.oneof(...(d.options as z.ZodType[]).map((o) => shapedBy(o, depth + 1)));
      case 'intersection':
        return shapedBy(d.left as z.ZodType, depth + 1);
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
      case 'nonoptional':
        return shapedBy(d.innerType as z.ZodType, depth + 1);
      case 'pipe':
        return shapedBy(d.in as z.ZodType, depth + 1);
      case 'lazy':
        return shapedBy((d.getter as () => z.ZodType)(), depth + 1);
      default:
        return wrong;
    }
  })();
  return fc.oneof({ weight: 12, arbitrary: shaped }, { weight: 1, arbitrary: wrong });
}
