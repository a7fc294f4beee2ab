// The app's copy of the demo case (first-run "open the demo case"): <dataDir>/demo/, made
// once by buildDemo (~15 s) and reused after. Runs where the vault session runs (the vault
// worker in the app), as the 'demo' feature module, so building never stalls main.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FeatureContext, FeatureModule } from '../vault/feature';

export const DEMO_DIR_NAME = 'demo';
export const DEMO_VAULT_NAME = 'demo.vault';

/** buildDemo's step labels → the keys the UI translates (renderer/locales/demo: steps). */
export const DEMO_STEPS: readonly { key: string; label: string }[] = [
  { key: 'screenshots', label: '生成聊天截图' },
  { key: 'proofs', label: '生成证明材料' },
  { key: 'recordings', label: '生成通话录音' },
  { key: 'vault', label: '创建示例证据箱' },
  { key: 'evidence', label: '导入证明材料' },
  { key: 'timeline', label: '导入短信和通话录音' },
  { key: 'case', label: '填写欠款、财务和还款方案' },
  { key: 'chats', label: '导入聊天截图' },
  { key: 'package', label: '生成并签名申请材料' },
];
/** One more step after building: opening it (a key derivation, ~0.4 s). */
export const DEMO_OPEN_STEP = 'open';
export const DEMO_STEP_COUNT = DEMO_STEPS.length + 1;

/** Leftovers of a build or swap older than this are from a crash, not from a build under way. */
const STALE_MS = 60 * 60 * 1000;

export interface EnsureDemoOptions {
  /** Build again even if a demo is there (it could not be opened). */
  rebuild?: boolean;
  nativeBinding?: string | undefined;
  onStep?: (done: number, total: number, key: string) => void;
}

function sweepLeftovers(parent: string, base: string): void {
  for (const name of fs.readdirSync(parent)) {
    if (!name.startsWith(`.${base}.building-`) && !name.startsWith(`.${base}.old-`)) continue;
    const full = path.join(parent, name);
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > STALE_MS) fs.rmSync(full, { recursive: true, force: true });
    } catch {
      /* gone already, or not ours to remove */
    }
  }
}

/**
 * The demo vault's path, building the demo first when it is missing (or `rebuild`). Built
 * in a temporary folder beside `dir` and renamed into place, so a crash never leaves half
 * a demo where the app looks for one.
 */
export async function ensureDemo(dir: string, opts: EnsureDemoOptions = {}): Promise<string> {
  const file = path.join(dir, DEMO_VAULT_NAME);
  if (!opts.rebuild && fs.existsSync(file)) return file;
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  fs.mkdirSync(parent, { recursive: true });
  sweepLeftovers(parent, base);
  const temp = path.join(parent, `.${base}.building-${randomUUID()}`);
  let done = 0;
  try {
    // Loaded on first use: most starts of the vault worker never build the demo.
    const { buildDemo } = await import('./build-demo');
    await buildDemo(
      temp,
      (label) => {
        const step = DEMO_STEPS.findIndex((s) => s.label === label);
        if (step >= 0) done = step + 1;
        opts.onStep?.(done, DEMO_STEP_COUNT, DEMO_STEPS[step]?.key ?? label);
      },
      { nativeBinding: opts.nativeBinding, actor: 'app' },
    );
    // Swap: the old folder (unusable) is moved aside first, so `dir` is either whole or absent.
    const old = path.join(parent, `.${base}.old-${randomUUID()}`);
    if (fs.existsSync(dir)) fs.renameSync(dir, old);
    fs.renameSync(temp, dir);
    fs.rmSync(old, { recursive: true, force: true });
  } catch (err) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw err;
  }
  return file;
}

/** The 'demo' feature module: the vault session's host calls it with a task for progress. */
export const demoFeature = {
  ensure: (ctx: FeatureContext, dir: string, opts: Omit<EnsureDemoOptions, 'onStep'> = {}) =>
    ensureDemo(dir, { ...opts, onStep: (done, total, key) => ctx.progress(done, total, key) }),
} satisfies FeatureModule;
