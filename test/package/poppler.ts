// Thin wrappers over the poppler / qpdf command-line tools the tests check packages with.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export function pdftotext(file: string, layout = false): string {
  return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

export function pdfsig(file: string): { status: number; out: string } {
  const r = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}

export function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? NaN);
}

export function pdfinfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of execFileSync('pdfinfo', [file], { encoding: 'utf8' }).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

/** Renders every page at low resolution; returns the standard deviation of each page's pixels. */
export async function pageDeviations(file: string, dir: string, dpi = 18): Promise<number[]> {
  const prefix = path.join(dir, 'page');
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', file, prefix]);
  const pages = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('page-') && f.endsWith('.png'))
    .sort();
  const out: number[] = [];
  for (const p of pages) {
    const stats = await sharp(path.join(dir, p)).stats();
    out.push(stats.channels[0]!.stdev);
  }
  return out;
}

/** Extracts every image as stored (pdfimages -all); returns the files. */
export function pdfimagesAll(file: string, dir: string): string[] {
  const prefix = path.join(dir, 'img');
  execFileSync('pdfimages', ['-all', file, prefix]);
  return fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('img-'))
    .sort()
    .map((f) => path.join(dir, f));
}

export function attachments(file: string): string[] {
  const out = execFileSync('pdfdetach', ['-list', '-enc', 'UTF-8', file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(1)
    .map((l) => l.replace(/^\s*\d+:\s*/, '').trim())
    .filter(Boolean);
}

export function saveAttachment(file: string, index: number, to: string): Buffer {
  execFileSync('pdfdetach', ['-save', String(index), '-o', to, file]);
  return fs.readFileSync(to);
}

/** qpdf's JSON view of the file (objects, outlines, pages). */
export function qpdfJson(file: string): {
  outlines: { title: string; kids: unknown[] }[];
  pages: unknown[];
  qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
} {
  return JSON.parse(execFileSync('qpdf', ['--json=2', file], { encoding: 'utf8', maxBuffer: 256 << 20 }));
}

export function qpdfCheck(file: string): { status: number; out: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}
