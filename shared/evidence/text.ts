// Is this byte string text, and what does it say? UTF-8 (with or without BOM), UTF-16
// with a BOM, else GB18030 (a superset of GBK / GB2312, what Chinese Windows and many
// bank exports write). Isomorphic: TextDecoder exists in Node and in the browser.

/** Decoded text, or null when the bytes are not text (NULs, or undecodable). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } | null {
  if (bytes.length === 0) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return tryDecode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return tryDecode(bytes.subarray(2), 'utf-16be');
  const sample = bytes.subarray(0, 65536);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return null;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) controls++;
  }
  if (controls > sample.length / 100) return null;
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return tryDecode(body, 'utf-8') ?? tryDecode(body, 'gb18030');
}

function tryDecode(bytes: Uint8Array, encoding: string): { text: string; encoding: string } | null {
  try {
    // A text cut off mid-character at the sample's end is still text: decode non-fatally
    // and count replacement characters instead of failing on the first.
    const text = new TextDecoder(encoding, { fatal: encoding === 'utf-8' && bytes.length < 4 }).decode(bytes);
    let bad = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
    if (bad > Math.max(2, text.length / 200)) return null;
    return { text, encoding };
  } catch {
    return null;
  }
}

/** The MIME type a text's first characters suggest. */
export function sniffTextType(text: string): string {
  const head = text
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^<!doctype html|^<html[\s>]/i.test(head)) return 'text/html';
  if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head)) return 'image/svg+xml';
  if (/^<\?xml/i.test(head)) return 'application/xml';
  if (looksLikeEmail(head)) return 'message/rfc822';
  return 'text/plain';
}

const EMAIL_HEADERS = /^(?:from|to|subject|date|received|return-path|message-id|mime-version|delivered-to|x-[\w-]+|content-type|cc|reply-to|sender):/i;

function looksLikeEmail(head: string): boolean {
  const lines = head.split(/\r?\n/).slice(0, 40);
  let headers = 0;
  let hasFromOrSubject = false;
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) continue; // folded header line
    if (!EMAIL_HEADERS.test(line)) return false;
    headers++;
    if (/^(?:from|subject):/i.test(line)) hasFromOrSubject = true;
  }
  return headers >= 2 && hasFromOrSubject;
}
