// The CLI's last line of defence against names carrying terminal escapes (issue 13).
import { describe, it, expect } from 'vitest';
import { terminalSafe, terminalSafeJson } from '../../cli/terminal-safe';

describe('terminal-safe output', () => {
  it('shows C0, C1 and bidi controls as visible escapes; keeps newlines, tabs and Chinese', () => {
    expect(terminalSafe('通话\u001b]0;x\u0007\n\t录音\u009b2J\u202e')).toBe('通话\\x1b]0;x\\x07\n\t录音\\x9b2J\\u202e');
  });
  it('JSON stays valid and carries the same value, without raw C1 or bidi controls', () => {
    const value = { name: 'a\u009bb\u202ec\u001b' };
    const safe = terminalSafeJson(JSON.stringify(value));
    expect(safe).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(JSON.parse(safe)).toEqual(value);
  });
});
