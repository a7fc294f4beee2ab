// docs/case.schema.json is generated from the zod schema (scripts/gen-case-schema.mjs);
// this fails while the committed file differs, so the documentation cannot drift.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseJsonSchema, caseJsonSchemaText } from '../../shared/case/json-schema';

const FILE = path.resolve(__dirname, '../../docs/case.schema.json');

describe('docs/case.schema.json', () => {
  it('matches the zod schema exactly (regenerate with: node scripts/gen-case-schema.mjs)', () => {
    expect(fs.readFileSync(FILE, 'utf8')).toBe(caseJsonSchemaText());
  });

  it('documents every top-level section and the money, rate and date formats', () => {
    const schema = caseJsonSchema() as { properties: Record<string, any>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual([
      'format',
      'version',
      'applicant',
      'creditors',
      'accounts',
      'snapshots',
      'hardship',
      'finances',
      'plans',
      'agreements',
      'lpr',
      'contacts',
      'agents',
      'sides',
      'rounds',
      'payments',
      'settings',
      'billColumnMaps',
    ]);
    for (const optional of ['contacts', 'agents', 'sides', 'rounds', 'payments', 'settings', 'billColumnMaps']) expect(schema.required).not.toContain(optional);
    expect(schema.properties.accounts.items.properties.overdueConvention.enum).toEqual(['creditor', 'inclusive']);
    expect(schema.properties.accounts.items.required).not.toContain('rateConfirmed');
    expect(Object.keys(schema.properties.agreements.items.properties.terms.properties)).toContain('noNewCards');
    const account = schema.properties.accounts.items.properties;
    expect(account.principal.pattern).toBe('^\\d{1,9}\\.\\d{2}$');
    expect(account.penalty.properties.dailyRate.pattern).toBe('^\\d+(\\.\\d{1,12})?$');
    expect(account.dueDate.anyOf[0].pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
    expect(schema.properties.plans.items.properties.installments).toMatchObject({ type: 'integer', minimum: 1, maximum: 60 });
  });
});
