// The ID number check (GB 11643-1999, ISO 7064 MOD 11-2) and its use where the applicant is saved.
import { describe, expect, it } from 'vitest';
import { idCheckDigit, idNumberProblem } from '../../shared/case/id-number';
import { ApplicantSchema } from '../../shared/case/schema';

describe('GB 11643 ID numbers', () => {
  it("computes the check digit (the standard's worked example 11010519491231002X)", () => {
    expect(idCheckDigit('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
    expect(idNumberProblem('510104199203150028')).toBeNull();
  });

  it.each([
    ['510104199203150027', 'check_digit'],
    ['51010419920315002', 'length'],
    ['5101041992031500281', 'length'],
    ['51010419920315002A', 'characters'],
    ['510104199202300021', 'birth_date'],
  ] as const)('%s → %s', (id, problem) => {
    expect(idNumberProblem(id)).toBe(problem);
  });

  it('an empty number is not checked (the field is optional); a wrong one is refused with a Chinese message', () => {
    const base = { name: '周晓雯', phone: '', address: '' };
    expect(ApplicantSchema.safeParse({ ...base, idNumber: '' }).success).toBe(true);
    const bad = ApplicantSchema.safeParse({ ...base, idNumber: '510104199203150027' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('校验位');
  });
});
