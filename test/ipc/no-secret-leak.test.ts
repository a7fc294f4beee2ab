import fs from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { makeServices } from '../helpers/services';
import { cli } from '../helpers/cli';
import { tmpDir } from '../helpers/tmp';

// Distinctive passphrases so that any leak is unmistakable.
const SECRET = 'SECRET-pass-秘密口令-1f9c';
const NEXT = 'NEXT-SECRET-新口令-77aa';
const WRONG = 'WRONG-SECRET-错误口令-0b0b';

describe('the passphrase never appears in any log, error, output or file name', () => {
  it('across the app services (every log line, every envelope)', async () => {
    const sut = await makeServices();
    const seen: string[] = [];
    const call = async (channel: string, args: unknown) => {
      seen.push(JSON.stringify(await sut.dispatch(channel, args)));
    };
    await call('vault:create', { passphrase: SECRET.slice(0, 5) });
    await call('vault:create', { passphrase: SECRET, junk: SECRET });
    await call('vault:create', { passphrase: SECRET });
    await call('vault:lock', {});
    await call('vault:unlock', { passphrase: WRONG });
    await call('vault:unlock', { passphrase: WRONG });
    await call('vault:unlock', { passphrase: WRONG });
    await call('vault:unlock', { passphrase: SECRET });
    await new Promise((r) => setTimeout(r, 1100));
    await call('vault:unlock', { passphrase: SECRET });
    await call('vault:changePassphrase', { current: WRONG, next: NEXT });
    await call('vault:changePassphrase', { current: SECRET, next: NEXT });
    await call('vault:changePassphrase', { current: NEXT, next: 1234 });
    await call('vault:backup', {});
    await sut.services.dispose();
    const everything = [...seen, ...sut.logs, JSON.stringify(sut.events), ...listFiles(sut.dataDir)].join('\n');
    expect(sut.logs.length).toBeGreaterThan(0); // the malformed calls were logged…
    for (const secret of [SECRET, NEXT, WRONG, SECRET.slice(0, 5)]) expect(everything).not.toContain(secret); // …without values
    // Settings on disk hold no secret either.
    for (const f of listFiles(sut.dataDir).filter((f) => f.endsWith('.json'))) {
      const text = fs.readFileSync(f, 'utf8');
      for (const secret of [SECRET, NEXT, WRONG]) expect(text).not.toContain(secret);
    }
  });

  it('across the CLI (stdout and stderr, with and without --json)', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'v.xsv');
    const nf = path.join(dir, 'n.txt');
    fs.writeFileSync(nf, NEXT);
    const runs = [
      cli(['init', '--vault', file], { env: { XIESHANG_PASSPHRASE: SECRET } }),
      cli(['init', '--vault', file, '--json'], { env: { XIESHANG_PASSPHRASE: SECRET } }),
      cli(['passwd', '--vault', file, '--new-passphrase-file', nf], { env: { XIESHANG_PASSPHRASE: WRONG } }),
      cli(['passwd', '--vault', file, '--new-passphrase-file', nf, '--json'], { env: { XIESHANG_PASSPHRASE: WRONG } }),
      cli(['passwd', '--vault', file, '--new-passphrase-file', nf], { env: { XIESHANG_PASSPHRASE: SECRET } }),
      cli(['init', '--vault', path.join(dir, 'x.xsv'), '--passphrase', SECRET]),
    ];
    const all = runs.map((r) => r.stdout + r.stderr).join('\n');
    for (const secret of [SECRET, NEXT, WRONG]) expect(all).not.toContain(secret);
  });

  it('across the CLI error paths of issue 13 (passphrase files refused, restore, not-a-vault, recovery)', () => {
    const dir = tmpDir();
    const file = path.join(dir, 'v.xsv');
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, `${SECRET}\n`.repeat(5000)); // above the 64 KiB cap
    const short = path.join(dir, 'short.txt');
    fs.writeFileSync(short, SECRET.slice(0, 5));
    const photo = path.join(dir, 'photo.xsv');
    fs.writeFileSync(photo, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(SECRET.repeat(200))]));
    const env = { XIESHANG_PASSPHRASE: SECRET };
    expect(cli(['init', '--vault', file], { env }).status).toBe(0);
    const backup = path.join(dir, 'b.xsv');
    expect(cli(['backup', '--vault', file, '--out', backup], { env }).status).toBe(0);
    const runs = [
      cli(['list', '--vault', file, '--passphrase-file', big]),
      cli(['list', '--vault', file, '--passphrase-file', big, '--json']),
      cli(['passwd', '--vault', file, '--new-passphrase-file', short], { env }),
      cli(['restore', '--vault', file, '--from', backup], { env: { XIESHANG_PASSPHRASE: WRONG } }),
      cli(['restore', '--vault', file, '--from', photo, '--json'], { env }),
      cli(['list', '--vault', photo], { env }),
      cli(['case', 'import', big, '--vault', file], { env }),
      cli(['import-sms', dir, '--vault', file], { env: { XIESHANG_PASSPHRASE: WRONG } }),
    ];
    expect(runs.every((r) => r.status !== 0)).toBe(true);
    const all = runs.map((r) => r.stdout + r.stderr).join('\n');
    for (const secret of [SECRET, NEXT, WRONG, SECRET.slice(0, 5)]) expect(all).not.toContain(secret);
  });
});

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}
