// The ID number is masked wherever it is shown unless the user asks to see it:
// 110101199001011234 → 110***********1234 (first 3 and last 4 kept; short numbers keep less).
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s === '') return '';
  if (s.length <= 4) return '*'.repeat(s.length);
  if (s.length <= 8) return `${'*'.repeat(s.length - 2)}${s.slice(-2)}`;
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}
