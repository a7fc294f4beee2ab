// The installer configuration (electron-builder.yml) as the release needs it: Linux AppImage
// and deb, Windows NSIS, macOS dmg; only the bundles (no sources, no source maps, no test
// harness); native modules never rebuilt by electron-builder, the Electron build of
// better-sqlite3 shipped as an extra resource and checked after packing; the fuses flipped;
// the icon present in the sizes the platforms need. Packaging itself needs the internet
// (Electron zip, headers), so this checks the configuration and the files it names.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';

// js-yaml ships no types; electron-builder itself reads the file with it.
const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown };
const root = path.resolve(__dirname, '../..');
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; main: string };

describe('electron-builder.yml', () => {
  it('targets: AppImage and deb, NSIS, dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.nsis.oneClick).toBe(false);
    expect(config.linux.maintainer).toBeTruthy();
    expect(config.publish).toBeNull();
  });
  it('files: the bundles only — no source maps, no TypeScript, no harness or bench', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json', '!dist/**/*.map', '!dist/harness{,/**/*}', '!dist/bench{,/**/*}', '!**/*.{ts,tsx,mts,cts}']));
    expect(config.files.some((f: string) => /^src|^shared|^main|^renderer/.test(f))).toBe(false);
    expect(config.asar).toBe(true);
    // The app's entry point is inside what is packed.
    expect(pkg.main.startsWith('dist/')).toBe(true);
  });
  it('every source map the build writes is left out of the package', () => {
    // The dev build writes maps next to the bundles; the exclusion pattern must catch each one.
    const exclusions = (config.files as string[]).filter((f) => f.startsWith('!')).map((f) => f.slice(1));
    const maps: string[] = [];
    const walk = (d: string) => {
      if (!fs.existsSync(d)) return;
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.map')) maps.push(path.relative(root, p).split(path.sep).join('/'));
      }
    };
    walk(path.join(root, 'dist'));
    const shipped = maps.filter((m) => !exclusions.some((x) => minimatch(m, x, { dot: true })));
    expect(shipped).toEqual([]);
    // A bundle that is shipped, e.g. the main process, has its map excluded.
    expect(exclusions.some((x) => minimatch('dist/main/main.js.map', x))).toBe(true);
    expect(exclusions.some((x) => minimatch('dist/main/main.js', x))).toBe(false);
  });
  it('native module: never rebuilt by electron-builder; the Electron build shipped and checked after packing', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.extraResources[0]).toMatchObject({ from: 'native/electron-${env.XIESHANG_ELECTRON_ABI}', to: 'native' });
    expect(config.extraResources[0].filter).toContain('better_sqlite3.node');
    const hook = fs.readFileSync(path.join(root, config.afterPack), 'utf8');
    expect(hook).toContain('verifyNativeModule(resources');
  });
  it('fuses: no Node mode, no inspector, asar only and integrity-checked', async () => {
    const hook = fs.readFileSync(path.join(root, config.afterPack), 'utf8');
    for (const line of [
      '[FuseV1Options.RunAsNode]: false',
      '[FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false',
      '[FuseV1Options.EnableNodeCliInspectArguments]: false',
      '[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true',
      '[FuseV1Options.OnlyLoadAppFromAsar]: true',
    ]) {
      expect(hook).toContain(line);
    }
    // The hook is loadable and exports the function electron-builder calls.
    const mod = (await import(path.join(root, config.afterPack))) as { default: unknown };
    expect(typeof mod.default).toBe('function');
  });
  it('icon: a 1024 px PNG for macOS and Windows, the Linux set, made from the SVG', async () => {
    const main = await sharp(path.join(root, config.icon)).metadata();
    expect([main.format, main.width, main.height]).toEqual(['png', 1024, 1024]);
    for (const n of [16, 32, 48, 64, 128, 256, 512]) {
      const m = await sharp(path.join(root, config.linux.icon, `${n}x${n}.png`)).metadata();
      expect([m.width, m.height], `${n}`).toEqual([n, n]);
    }
    expect(config.win.icon).toBe(config.icon);
    expect(config.mac.icon).toBe(config.icon);
  });
  it('npm run dist is the packaging script (native build, bundles, electron-builder)', () => {
    expect(pkg.scripts.dist).toBe('node scripts/package.mjs');
    expect(fs.readFileSync(path.join(root, 'scripts/package.mjs'), 'utf8')).toContain('Needs internet');
  });
});
