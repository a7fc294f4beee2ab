import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAKE_ELECTRON_BUILD_COMMAND, NativeBindingMissingError, electronNativeDir, resolveNativeBinding } from '../../main/native-binding';

const root = '/home/dev/xieshang';
const electron = { versions: { electron: '45.4.1', modules: '150', node: '22.0.0' }, resourcesPath: '/opt/Xieshang/resources' };
const all = () => true;
const none = () => false;

describe('resolveNativeBinding', () => {
  it('under Node: undefined, so better-sqlite3 loads the build npm ci compiled', () => {
    expect(resolveNativeBinding({ packaged: false, projectRoot: root, runtime: { versions: { modules: '115' } }, exists: none })).toBeUndefined();
    // The real runtime of this test process is Node too.
    expect(resolveNativeBinding({ packaged: false, projectRoot: root })).toBeUndefined();
  });

  it('under Electron in development: native/electron-<abi>/ in the project', () => {
    const seen: string[] = [];
    const result = resolveNativeBinding({
      packaged: false,
      projectRoot: root,
      runtime: electron,
      exists: (f) => (seen.push(f), true),
    });
    expect(result).toBe(path.join(root, 'native', 'electron-150', 'better_sqlite3.node'));
    expect(seen).toEqual([result]);
    expect(electronNativeDir(root, '150')).toBe(path.join(root, 'native', 'electron-150'));
  });

  it('under Electron when packaged: resources/native/', () => {
    expect(resolveNativeBinding({ packaged: true, projectRoot: '/ignored', runtime: electron, exists: all })).toBe(
      path.join('/opt/Xieshang/resources', 'native', 'better_sqlite3.node'),
    );
  });

  it('a new Electron ABI looks in its own folder, never a stale build', () => {
    const result = resolveNativeBinding({ packaged: false, projectRoot: root, runtime: { versions: { electron: '46.0.0', modules: '151' } }, exists: all });
    expect(result).toBe(path.join(root, 'native', 'electron-151', 'better_sqlite3.node'));
  });

  it('missing in development: a Chinese error that names the command', () => {
    let caught: unknown;
    try {
      resolveNativeBinding({ packaged: false, projectRoot: root, runtime: electron, exists: none });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(NativeBindingMissingError);
    const message = (caught as Error).message;
    expect(message).toMatch(/^缺少适用于 Electron（ABI 150）的数据库原生模块/);
    expect(message).toContain(MAKE_ELECTRON_BUILD_COMMAND);
    expect(message).toContain(path.join(root, 'native', 'electron-150', 'better_sqlite3.node'));
    expect(message).toContain('The Electron build');
  });

  it('missing when packaged: tells the user to reinstall', () => {
    expect(() => resolveNativeBinding({ packaged: true, projectRoot: root, runtime: electron, exists: none })).toThrow(/安装包不完整.*重新安装/);
    expect(() => resolveNativeBinding({ packaged: true, projectRoot: root, runtime: { versions: electron.versions }, exists: all })).toThrow(NativeBindingMissingError);
  });

  it('the command it names exists', () => {
    const script = MAKE_ELECTRON_BUILD_COMMAND.replace(/^node /, '');
    expect(fs.existsSync(path.resolve(__dirname, '..', '..', script))).toBe(true);
  });
});
