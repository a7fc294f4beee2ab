// Enough of MIME (RFC 5322 / 2045 / 2047) to show an email as plain text: the main
// headers decoded, and the first text/plain part (or a text/html part reduced to its
// words). The HTML is never rendered anywhere. Isomorphic.

export interface EmailText {
  subject: string;
  from: string;
  to: string;
  date: string;
  body: string;
}

const decoderFor = (charset: string): InstanceType<typeof TextDecoder> => {
  try {
    return new TextDecoder(charset.trim().toLowerCase() || 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
};

function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

function base64Bytes(s: string): Uint8Array {
  const clean = s.replace(/[^A-Za-z0-9+/]/g, '');
  const table = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    buffer = (buffer << 6) | table.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

function quotedPrintableBytes(s: string, header = false): Uint8Array {
  const src = header ? s.replace(/_/g, ' ') : s.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
      out.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = src.charCodeAt(i);
      if (code < 0x80) out.push(code);
      else for (const b of new TextEncoder().encode(ch)) out.push(b);
    }
  }
  return Uint8Array.from(out);
}

/** "=?UTF-8?B?5YKs5qy+?=" → "催款" (RFC 2047 encoded words, adjacent ones joined). */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_all, charset: string, enc: string, text: string) =>
      decoderFor(charset.replace(/\*.*$/, '')).decode(enc.toUpperCase() === 'B' ? base64Bytes(text) : quotedPrintableBytes(text, true)),
    );
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function param(header: string, name: string): string | null {
  const m = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function decodeBody(part: Part): string {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const charset = param(type, 'charset') ?? 'utf-8';
  const encoding = (part.headers.get('content-transfer-encoding') ?? '').toLowerCase();
  let bytes: Uint8Array;
  if (encoding === 'base64') bytes = base64Bytes(part.body);
  else if (encoding === 'quoted-printable') bytes = quotedPrintableBytes(part.body);
  else bytes = latin1Bytes(part.body);
  return decoderFor(charset).decode(bytes);
}

/** Words of an HTML body, for reading and searching; the markup is dropped, never run. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function findText(part: Part, depth = 0): { text: string; html: boolean } | null {
  const type = (part.headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/') && depth < 8) {
    const boundary = param(part.headers.get('content-type') ?? '', 'boundary');
    if (!boundary) return null;
    const pieces = part.body.split(`--${boundary}`).slice(1);
    let html: { text: string; html: boolean } | null = null;
    for (const piece of pieces) {
      if (piece.startsWith('--')) break;
      const found = findText(splitPart(piece.replace(/^\r?\n/, '')), depth + 1);
      if (found && !found.html) return found;
      if (found && !html) html = found;
    }
    return html;
  }
  if (type.startsWith('text/html')) return { text: htmlToText(decodeBody(part)), html: true };
  if (type.startsWith('text/')) return { text: decodeBody(part), html: false };
  return null;
}

/** Parses a raw message (its bytes read as latin1, so every byte survives to be decoded). */
export function parseEmail(rawLatin1: string): EmailText {
  const top = splitPart(rawLatin1);
  const header = (name: string) => decodeHeader(top.headers.get(name) ?? '');
  const found = findText(top);
  return { subject: header('subject'), from: header('from'), to: header('to'), date: top.headers.get('date') ?? '', body: (found?.text ?? '').trim() };
}

/** Email Date header (RFC 5322) → epoch ms, or null. */
export function emailDateMs(date: string): number | null {
  if (!date) return null;
  const ms = Date.parse(date.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isFinite(ms) ? ms : null;
}
