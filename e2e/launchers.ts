// How e2e specs get a window: the loopback harness in Chromium, or Electron itself.
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** The Electron executable, if this machine has one (none can be downloaded here). */
export function electronBinary(): string | null {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidates: string[] = [];
  if (override) candidates.push(path.join(override, process.platform === 'win32' ? 'electron.exe' : 'electron'));
  const pathFile = path.join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (fs.existsSync(pathFile)) {
    candidates.push(path.join(ROOT, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim()));
  }
  return candidates.find((c) => fs.existsSync(c)) ?? null;
}
