// Timeline benchmark (issue 5): importing a 100,000-message "SMS Backup & Restore" file
// (messages per second, peak RSS) against a reference — the same file parsed by saxes
// without storing anything, and plain reading of its bytes — and the timeline query plus
// first render of 10,000 entries in the harness (see e2e-render below). Figures only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SaxesParser } from 'saxes';
import { Vault } from '../main/vault/vault';
import '../main/vault/features';
import { importSmsBackup } from '../main/vault/timeline/sms-import';
import { decodeText, fileSource } from '../main/vault/timeline/xml-text';
import { listTimeline } from '../main/vault/timeline/queries';
import type { BenchRow } from './report';

const PASS = 'benchmark passphrase 口令';
const BEIJING = 8 * 3_600_000;

const SENDERS = ['95188', '95555', '95588', '106980095188', '13700001111', '13800138000', '10086', '95533'];
const BODIES = [
  '【花呗】尊敬的用户，您的花呗账单已逾期{d}天，应还金额￥{a}元，逾期将影响您的信用记录，请于今日内还款。',
  '【招商银行】您尾号8812的信用卡已逾期，当前欠款人民币{a}元，请立即还款，如已还款请忽略。',
  '您好，您在我司的贷款已逾期{d}天，请于今天下午5点前全额还款，否则将上门核实并联系你的家人。',
  '【中国移动】您本月话费账单已出，共计58.00元。',
  '好的，我知道了，下周发工资后先还一部分。',
  '您的验证码是 {d}{d}，5分钟内有效，请勿泄露。',
];

/**
 * Writes a backup of `count` messages to `file`, a few at a time (never the whole file in
 * memory): senders, bodies, night and day times, sent and received, like a real phone.
 */
export function writeSmsBackup(file: string, count: number, startMs = Date.UTC(2023, 0, 1) - BEIJING): number {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(
      fd,
      `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<!--File Created By SMS Backup & Restore v10.20.002-->\n<smses count="${count}" backup_set="bench" backup_date="${startMs}" type="full">\n`,
    );
    let batch: string[] = [];
    for (let i = 0; i < count; i++) {
      const sender = SENDERS[i % SENDERS.length]!;
      const type = i % 7 === 3 ? '2' : '1';
      const body = BODIES[(i * 7 + 3) % BODIES.length]!.replace('{d}', String(10 + (i % 90)))
        .replace('{d}', String(i % 10))
        .replace('{a}', `${1000 + (i % 9000)}.${String(i % 100).padStart(2, '0')}`);
      const date = startMs + i * 317_000; // ~5 minutes apart: every hour of the day, night included
      const esc = body.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
      batch.push(
        `  <sms protocol="0" address="${sender}" date="${date}" type="${type}" subject="null" body="${esc}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="0" sub_id="1" readable_date="" contact_name="(Unknown)" />\n`,
      );
      if (batch.length === 1000) {
        fs.writeSync(fd, batch.join(''));
        batch = [];
      }
    }
    fs.writeSync(fd, `${batch.join('')}</smses>\n`);
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(file).size;
}

/** The reference: the same streaming decode and saxes parse, storing nothing. */
export function parseOnly(file: string): number {
  const text = decodeText(fileSource(file));
  const parser = new SaxesParser({ xmlns: false });
  let n = 0;
  parser.on('opentag', (t) => {
    if (t.name === 'sms') n++;
  });
  for (let piece = text.next(); piece !== null; piece = text.next()) parser.write(piece);
  parser.close();
  return n;
}

function readOnly(file: string): number {
  const src = fileSource(file);
  let bytes = 0;
  for (let b = src.next(); b !== null; b = src.next()) bytes += b.length;
  src.close();
  return bytes;
}

export function runTimelineBench(count = 100_000): BenchRow[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-timeline-bench-'));
  try {
    const xml = path.join(dir, 'sms-backup.xml');
    const size = writeSmsBackup(xml, count);

    let t = performance.now();
    readOnly(xml);
    const readMs = performance.now() - t;

    t = performance.now();
    const parsed = parseOnly(xml);
    const parseMs = performance.now() - t;
    if (parsed !== count) throw new Error(`reference parse saw ${parsed} messages`);

    const vault = Vault.create(path.join(dir, 'v.xsv'), PASS, { actor: 'cli' });
    let peakRss = process.memoryUsage().rss;
    const rssBefore = peakRss;
    t = performance.now();
    const r = importSmsBackup(vault, fileSource(xml), {
      name: 'sms-backup.xml',
      progress: () => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      },
    });
    const importMs = performance.now() - t;
    if (r.imported !== count) throw new Error(`imported ${r.imported} of ${count}`);

    t = performance.now();
    const again = importSmsBackup(vault, fileSource(xml), { name: 'sms-backup.xml' });
    const againMs = performance.now() - t;
    if (again.imported !== 0) throw new Error('second import added messages');

    // The first listing on a connection reads and computes the whole timeline; the next
    // ones of the same data use that again (main/vault/timeline/store.ts). Both are shown,
    // and the filtered query is timed cold too, on a new connection.
    t = performance.now();
    const list = listTimeline(vault, {});
    const listMs = performance.now() - t;
    t = performance.now();
    listTimeline(vault, {});
    const listAgainMs = performance.now() - t;
    t = performance.now();
    const warmNight = listTimeline(vault, { flaggedOnly: true, query: '逾期' });
    const filterWarmMs = performance.now() - t;
    vault.close();
    const reopened = Vault.open(path.join(dir, 'v.xsv'), PASS, { actor: 'cli' });
    t = performance.now();
    const night = listTimeline(reopened, { flaggedOnly: true, query: '逾期' });
    const filterMs = performance.now() - t;
    reopened.close();
    if (warmNight.entries.length !== night.entries.length) throw new Error('the filtered listing differs between connections');

    const mb = size / 1e6;
    return [
      {
        name: `import-sms: ${count.toLocaleString('en')} messages (${mb.toFixed(1)} MB), one transaction`,
        ours: `${Math.round(count / (importMs / 1000)).toLocaleString('en')} msg/s (${(importMs / 1000).toFixed(1)} s)`,
        reference: `${Math.round(count / (parseMs / 1000)).toLocaleString('en')} msg/s (saxes parse only, ${(parseMs / 1000).toFixed(1)} s)`,
        ratio: importMs / parseMs,
      },
      {
        name: 'import-sms: peak RSS during the import',
        ours: `${(peakRss / 2 ** 20).toFixed(0)} MiB (+${((peakRss - rssBefore) / 2 ** 20).toFixed(0)} MiB)`,
        reference: `${(size / 2 ** 20).toFixed(0)} MiB (the file's size)`,
        ratio: (peakRss - rssBefore) / size,
      },
      {
        name: 'import-sms: same file again (all duplicates)',
        ours: `${(againMs / 1000).toFixed(1)} s`,
        reference: `${(readMs / 1000).toFixed(2)} s (reading the bytes)`,
        ratio: againMs / readMs,
      },
      {
        name: `timeline query: all ${list.entries.length.toLocaleString('en')} entries with flags`,
        ours: `${listMs.toFixed(0)} ms`,
        reference: `${parseMs.toFixed(0)} ms (parsing the backup)`,
        ratio: listMs / parseMs,
      },
      {
        name: 'timeline query: all again, data unchanged (the timeline read before)',
        ours: `${listAgainMs.toFixed(0)} ms`,
        reference: `${listMs.toFixed(0)} ms (the first time)`,
        ratio: listAgainMs / listMs,
      },
      {
        name: `timeline query: flagged + search "逾期" (${night.entries.length.toLocaleString('en')} hits), first on a connection`,
        ours: `${filterMs.toFixed(0)} ms`,
        reference: `${listMs.toFixed(0)} ms (unfiltered)`,
        ratio: filterMs / listMs,
      },
      {
        name: 'timeline query: flagged + search "逾期" after the unfiltered list (data unchanged)',
        ours: `${filterWarmMs.toFixed(0)} ms`,
        reference: `${filterMs.toFixed(0)} ms (first on a connection)`,
        ratio: filterWarmMs / filterMs,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The timeline section with 10,000 entries in the real renderer over the loopback harness
 * (Debian Chromium): the IPC query of the whole list, and opening the section until the
 * first rows are on screen. Median of 3. Needs `node scripts/build.mjs` (npm run bench does it).
 */
export async function runTimelineRenderBench(count = 10_000): Promise<BenchRow[]> {
  const { spawn } = await import('node:child_process');
  const { chromium } = await import('playwright-core');
  const { VAULT_FILE_NAME } = await import('../main/paths');
  const dist = path.resolve(__dirname, '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xieshang-timeline-render-'));
  const xml = path.join(dataDir, 'sms.xml');
  writeSmsBackup(xml, count);
  const vault = Vault.create(path.join(dataDir, VAULT_FILE_NAME), PASS, { actor: 'cli' });
  importSmsBackup(vault, fileSource(xml), { name: 'sms.xml' });
  vault.close();
  fs.rmSync(xml);

  const child = spawn(process.execPath, [path.join(dist, 'harness', 'server.js'), '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout!.on('data', (d: Buffer) => {
        buf += d.toString();
        const nl = buf.indexOf('\n');
        if (nl >= 0) resolve((JSON.parse(buf.slice(0, nl)) as { url: string }).url);
      });
      child.on('exit', (code) => reject(new Error(`harness exited (${code})`)));
    });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 820 }, locale: 'zh-CN' });
      await page.goto(url);
      await page.getByTestId('unlock-passphrase').fill(PASS);
      await page.getByTestId('unlock-submit').click();
      await page.getByTestId('lock-button').waitFor({ timeout: 30_000 });

      const ipc = async (fn: string) =>
        page.evaluate(async (which) => {
          const x = (globalThis as unknown as { xieshang: Record<string, Record<string, (a: unknown) => Promise<unknown>>> }).xieshang;
          const t0 = performance.now();
          if (which === 'list') await x.timeline!.list!({ filter: {} });
          else await x.app!.info!({});
          return performance.now() - t0;
        }, fn);
      // The first list reads the whole timeline in the vault worker; later ones of the same
      // data use it again. Shown apart: the median of 3 would only show the second kind.
      const firstQuery = await ipc('list');
      const query: number[] = [];
      const ping: number[] = [];
      const open: number[] = [];
      for (let i = 0; i < 3; i++) {
        query.push(await ipc('list'));
        ping.push(await ipc('info'));
        await page.getByTestId('nav-settings').click();
        await page.getByTestId('settings-locale').waitFor();
        const t0 = Date.now();
        await page.getByTestId('nav-timeline').click();
        await page.getByTestId('timeline-entry').first().waitFor();
        await page.getByText(`共 ${count} 条`).waitFor();
        open.push(Date.now() - t0);
      }
      const rendered = await page.getByTestId('timeline-entry').count();
      return [
        {
          name: `timeline query over IPC: ${count.toLocaleString('en')} entries with flags (harness), first call`,
          ours: `${firstQuery.toFixed(0)} ms`,
          reference: `${median(ping).toFixed(1)} ms (app:info round trip)`,
          ratio: firstQuery / Math.max(median(ping), 0.1),
        },
        {
          name: `timeline query over IPC: ${count.toLocaleString('en')} entries with flags (harness), data unchanged`,
          ours: `${median(query).toFixed(0)} ms`,
          reference: `${median(ping).toFixed(1)} ms (app:info round trip)`,
          ratio: median(query) / Math.max(median(ping), 0.1),
        },
        {
          name: `open the timeline → first rows on screen (${count.toLocaleString('en')} entries, ${rendered} rows in the page)`,
          ours: `${median(open).toFixed(0)} ms`,
          reference: `${median(query).toFixed(0)} ms (the query alone)`,
          ratio: median(open) / Math.max(median(query), 1),
        },
      ];
    } finally {
      await browser.close();
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
