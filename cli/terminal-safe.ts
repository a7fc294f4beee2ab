// What the CLI prints may carry names from the outside world (a call recording named with an
// escape sequence, an SMS body): control characters must never reach the terminal raw, or
// a file name could move the cursor, rewrite the screen or set the window title.
// C0 controls (but newline and tab), DEL, C1 controls (0x9B is a one-byte CSI) and the
// bidirectional overrides that make text read differently from what it is.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Human text: each unsafe character shown as a visible escape (\x1b, \u202e). */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** JSON: JSON.stringify escapes C0 already; C1 and bidi controls are escaped too (still valid JSON, same value). */
export function terminalSafeJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
