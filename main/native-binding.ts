// Process: main and the vault worker (plain Node, no electron import). Chooses which
// build of better-sqlite3-multiple-ciphers to load. Two builds live side by side and
// neither is ever rebuilt over the other:
//   - Node's (node_modules/…/build/Release, made by `npm ci`): tests, CLI, harness;
//   - Electron's (native/electron-<abi>/ in development, resources/native/ when
//     packaged), made by scripts/electron-native.mjs in a COPY of the module.
import fs from 'node:fs';
import path from 'node:path';

export const NATIVE_FILE_NAME = 'better_sqlite3.node';
export const MAKE_ELECTRON_BUILD_COMMAND = 'node scripts/electron-native.mjs';

export interface NativeRuntime {
  /** process.versions: `electron` is set only inside Electron; `modules` is the ABI. */
  versions: { electron?: string | undefined; modules?: string | undefined };
  /** process.resourcesPath (Electron only). */
  resourcesPath?: string | undefined;
}

export interface ResolveNativeBindingOptions {
  runtime?: NativeRuntime;
  /** app.isPackaged: the caller knows it; this module never imports electron. */
  packaged: boolean;
  /** The project root in development (app.getAppPath()). */
  projectRoot: string;
  exists?: (file: string) => boolean;
}

/** native/electron-<abi>: one folder per Electron ABI, so upgrading Electron never loads a stale build. */
export function electronNativeDir(projectRoot: string, abi: string): string {
  return path.join(projectRoot, 'native', `electron-${abi}`);
}

export class NativeBindingMissingError extends Error {
  constructor(
    readonly expectedPath: string,
    readonly packaged: boolean,
    abi: string,
  ) {
    super(
      packaged
        ? `安装包不完整：缺少数据库原生模块（${expectedPath}）。请重新安装协商证据箱。` +
            ` / The installation is incomplete: the database native module is missing (${expectedPath}). Please reinstall.`
        : `缺少适用于 Electron（ABI ${abi}）的数据库原生模块：${expectedPath}。` +
            `请在项目目录运行 \`${MAKE_ELECTRON_BUILD_COMMAND}\`（需要联网下载 Electron 头文件并编译，约 2 分钟），然后重新启动。` +
            ` / The Electron build of better-sqlite3-multiple-ciphers (ABI ${abi}) is missing at ${expectedPath}.` +
            ` Run \`${MAKE_ELECTRON_BUILD_COMMAND}\` in the project folder (needs internet), then start again.`,
    );
    this.name = 'NativeBindingMissingError';
  }
}

/**
 * undefined → let better-sqlite3 load its default (Node) build; a path → pass it as the
 * `nativeBinding` option. Throws NativeBindingMissingError under Electron when the
 * Electron build is absent, rather than loading a wrong-ABI module and crashing later.
 */
export function resolveNativeBinding(opts: ResolveNativeBindingOptions): string | undefined {
  const runtime = opts.runtime ?? { versions: process.versions, resourcesPath: (process as { resourcesPath?: string }).resourcesPath };
  const exists = opts.exists ?? ((file: string) => fs.existsSync(file));
  if (!runtime.versions.electron) return undefined;

  const abi = runtime.versions.modules ?? 'unknown';
  let expected: string;
  if (opts.packaged) {
    if (!runtime.resourcesPath) throw new NativeBindingMissingError(path.join('resources', 'native', NATIVE_FILE_NAME), true, abi);
    expected = path.join(runtime.resourcesPath, 'native', NATIVE_FILE_NAME);
  } else {
    expected = path.join(electronNativeDir(opts.projectRoot, abi), NATIVE_FILE_NAME);
  }
  if (!exists(expected)) throw new NativeBindingMissingError(expected, opts.packaged, abi);
  return expected;
}
