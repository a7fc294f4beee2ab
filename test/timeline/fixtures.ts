// Test material for the timeline: SMS backups as "SMS Backup & Restore" writes them, WAV
// files with a real duration (a valid header and samples), AMR files, real vaults.
import path from 'node:path';
import { Vault } from '../../main/vault/vault';
import '../../main/vault/features';
import { monoWav16 } from '../../main/demo/wav';
import { beijingLocalToMs } from '../../shared/time/beijing';
import { tmpDir, PASS } from '../helpers/tmp';

export { PASS };

export function makeVault(actor: 'cli' | 'app' = 'cli'): { vault: Vault; file: string; dir: string } {
  const dir = tmpDir('xieshang-timeline-');
  const file = path.join(dir, 'v.xsv');
  return { vault: Vault.create(file, PASS, { actor }), file, dir };
}

export interface Sms {
  address?: string;
  /** Epoch ms, or omitted (no date attribute). */
  date?: number | string;
  type?: string;
  body?: string;
  contactName?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '&#10;');

export function smsLine(m: Sms): string {
  const attrs = [
    'protocol="0"',
    m.address !== undefined ? `address="${esc(m.address)}"` : '',
    m.date !== undefined ? `date="${m.date}"` : '',
    `type="${m.type ?? '1'}"`,
    'subject="null"',
    m.body !== undefined ? `body="${esc(m.body)}"` : '',
    'toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="0" sub_id="1"',
    `readable_date="${typeof m.date === 'number' ? new Date(m.date).toISOString() : ''}"`,
    `contact_name="${esc(m.contactName ?? '(Unknown)')}"`,
  ].filter(Boolean);
  return `  <sms ${attrs.join(' ')} />`;
}

export function smsXml(messages: Sms[], opts: { encoding?: string; prolog?: boolean } = {}): string {
  const prolog = opts.prolog === false ? '' : `<?xml version='1.0' encoding='${opts.encoding ?? 'UTF-8'}' standalone='yes' ?>\n`;
  return `${prolog}<!--File Created By SMS Backup & Restore v10.20.002-->\n<smses count="${messages.length}" backup_set="a1b2" backup_date="1729300000000" type="full">\n${messages.map(smsLine).join('\n')}\n</smses>\n`;
}

export const bj = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => beijingLocalToMs(y, mo, d, h, mi, s);

/** A mono 16-bit PCM WAV of `seconds` (samples vary with `seed`, so files differ). */
export function wav(seconds: number, seed = 1, rate = 8000): Buffer {
  return monoWav16(rate, Math.round(seconds * rate), (i) => Math.round(Math.sin((i * seed) / 10) * 8000));
}

/** An AMR-NB file of `frames` 20 ms frames (mode 0). */
export function amr(frames: number, seed = 0): Buffer {
  const parts = [Buffer.from('#!AMR\n')];
  for (let i = 0; i < frames; i++) {
    const f = Buffer.alloc(13, (i + seed) & 0xff);
    f[0] = 0x04;
    parts.push(f);
  }
  return Buffer.concat(parts);
}

let gbkTable: Map<string, Buffer> | null = null;
/** Text → GBK bytes, from the inverse of the platform's own GBK decoder (no encoder ships with Node). */
export function encodeGbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Buffer.from([lead, trail]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, Buffer.from([lead, trail]));
      }
    }
  }
  const out: Buffer[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(Buffer.from(ch, 'latin1'));
    else {
      const b = gbkTable.get(ch);
      if (!b) throw new Error(`not in GBK: ${ch}`);
      out.push(b);
    }
  }
  return Buffer.concat(out);
}
