import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, domGlobalUses, importsOf, scanRepo } from './scanner';

const repoRoot = path.resolve(__dirname, '..', '..');

describe('process boundaries of the real tree', () => {
  it('every .ts/.tsx file keeps to its process', () => {
    const { files, violations } = scanRepo(repoRoot);
    expect(files.length).toBeGreaterThan(10);
    expect(files).toContain('shared/contract.ts');
    const report = violations.map((v) => `${v.file}:${v.line} ${v.rule} (${v.detail})`);
    expect(report).toEqual([]);
  });
});

describe('the scanner catches violations (self-test on fixtures)', () => {
  const rulesFor = (file: string, source: string) => checkFile(file, source).map((v) => v.rule);

  it('renderer/ importing main/ or cli/, with any import form', () => {
    expect(rulesFor('renderer/src/App.tsx', "import { openVault } from '../../main/vault/vault';")).toEqual(['renderer/ must not import main/']);
    expect(rulesFor('renderer/src/x.ts', "import type { Handlers } from '../../main/ipc/dispatch';")).toHaveLength(1);
    expect(rulesFor('renderer/src/x.ts', "export * from '../../cli/framework';")).toEqual(['renderer/ must not import cli/']);
    expect(rulesFor('renderer/src/x.ts', "const m = await import('../../main/paths');")).toHaveLength(1);
    expect(rulesFor('renderer/src/x.ts', "const m = require('../../main/paths');")).toHaveLength(1);
    expect(rulesFor('renderer/src/x.ts', "let h: import('../../main/ipc/dispatch').Handlers;")).toHaveLength(1);
  });

  it('preload/ importing main/', () => {
    expect(rulesFor('preload/preload.ts', "import { APP_ORIGIN } from '../main/security';")).toEqual(['preload/ must not import main/']);
  });

  it('shared/ importing Node-only, native, electron, DOM-only or process code', () => {
    for (const mod of ['node:fs', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'fs/promises', 'better-sqlite3-multiple-ciphers', 'sharp']) {
      expect(rulesFor('shared/x.ts', `import * as m from '${mod}';`), mod).toContain('shared/ must not import a Node-only module');
    }
    expect(rulesFor('shared/x.ts', "import { ipcRenderer } from 'electron';")).toEqual([
      'shared/ must not import a Node-only module',
      "only main/ and preload/ may import 'electron'",
    ]);
    expect(rulesFor('shared/x.ts', "import { createRoot } from 'react-dom/client';")).toEqual(['shared/ must not import a DOM-only module']);
    expect(rulesFor('shared/x.ts', "import { userDataDir } from '../main/paths';")).toEqual(['shared/ imports only shared/ and packages']);
  });

  it('shared/ touching window./document. in code, but not in comments or strings', () => {
    expect(rulesFor('shared/x.ts', 'export const w = () => window.innerWidth;')).toEqual(['shared/ must not use DOM globals']);
    expect(rulesFor('shared/x.ts', "export const t = () => document['title'];")).toEqual(['shared/ must not use DOM globals']);
    expect(rulesFor('shared/x.ts', 'export const g = () => globalThis.document;')).toEqual(['shared/ must not use DOM globals']);
    expect(domGlobalUses('shared/x.ts', "// window.xieshang is built here\nexport const s = 'document.title';")).toEqual([]);
    expect(domGlobalUses('shared/x.ts', 'export const o = { window: 1 }; export const p = o.window;')).toEqual([]);
  });

  it('main/ importing renderer/, preload/ or cli/', () => {
    expect(rulesFor('main/main.ts', "import '../renderer/src/App';")).toEqual(['main/ must not import renderer/']);
    expect(rulesFor('main/main.ts', "import '../preload/preload';")).toEqual(['main/ must not import preload/']);
    expect(rulesFor('main/vault/package/service.ts', "import { buildPackageToFile } from '../../../cli/commands/package';")).toEqual(['main/ must not import cli/']);
    expect(rulesFor('main/x.ts', "import type { Command } from '../cli/framework';")).toEqual(['main/ must not import cli/']);
  });

  it("'electron' outside main/ and preload/", () => {
    for (const file of ['renderer/src/x.ts', 'cli/main.ts', 'test/x.test.ts', 'e2e/app.spec.ts', 'scripts/x.ts']) {
      expect(rulesFor(file, "import { app } from 'electron';"), file).toEqual(["only main/ and preload/ may import 'electron'"]);
    }
    expect(rulesFor('main/main.ts', "import { app } from 'electron';")).toEqual([]);
    expect(rulesFor('preload/preload.ts', "import { contextBridge } from 'electron';")).toEqual([]);
    expect(rulesFor('main/vault/session.ts', "import { app } from 'electron';")).toEqual(["main/vault/ must not import 'electron'"]);
    expect(rulesFor('main/vault/evidence/x.ts', "import type { WebContents } from 'electron/main';")).toEqual(["main/vault/ must not import 'electron'"]);
  });

  it('allows what the design allows', () => {
    expect(rulesFor('renderer/src/x.ts', "import { contract } from '../../shared/contract';\nimport { createRoot } from 'react-dom/client';")).toEqual([]);
    expect(rulesFor('preload/preload.ts', "import { buildApi } from '../shared/api-surface';")).toEqual([]);
    expect(rulesFor('shared/x.ts', "import { z } from 'zod';\nimport Decimal from 'decimal.js';\nimport { CHANNELS } from './channels';")).toEqual([]);
    expect(rulesFor('main/x.ts', "import fs from 'node:fs';\nimport { contract } from '../shared/contract';")).toEqual([]);
    expect(rulesFor('cli/x.ts', "import { defaultVaultPath } from '../main/paths';")).toEqual([]);
  });

  it('reads every import form', () => {
    const refs = importsOf(
      'x.ts',
      [
        "import a from 'a';",
        "import type { B } from 'b';",
        "export { c } from 'c';",
        "import d = require('d');",
        "const e = require('e');",
        "const f = import('f');",
        "type G = import('g').G;",
        "// import h from 'h';",
      ].join('\n'),
    ).map((r) => r.specifier);
    expect(refs).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});
