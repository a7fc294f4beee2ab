// electron-builder afterPack hook (electron-builder.yml). Runs after the app is copied
// and before it is signed:
//   1. the packaged app must carry the Electron build of the native module for this arch
//      (electron-builder only warns when an extraResources source is missing);
//   2. flip the Electron fuses so the shipped binary cannot be turned into a Node
//      interpreter or a debugger target, and loads only its own, integrity-checked asar.
// @electron/fuses is required here, at packaging time only (a devDependency).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

// builder-util's Arch enum, by value.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

function paths(context) {
  const platform = context.electronPlatformName;
  const productFilename = context.packager.appInfo.productFilename;
  if (platform === 'darwin' || platform === 'mas') {
    const app = path.join(context.appOutDir, `${productFilename}.app`);
    return { binary: app, resources: path.join(app, 'Contents', 'Resources'), platform };
  }
  const executableName = context.packager.executableName || productFilename;
  const binary = path.join(context.appOutDir, platform === 'win32' ? `${executableName}.exe` : executableName);
  return { binary, resources: path.join(context.appOutDir, 'resources'), platform };
}

function verifyNativeModule(resources, arch) {
  const nativeFile = path.join(resources, 'native', 'better_sqlite3.node');
  if (!fs.existsSync(nativeFile)) {
    throw new Error(`[after-pack] missing ${nativeFile}: run \`npm run package\` (it builds native/electron-<abi>/ first)`);
  }
  const infoFile = path.join(resources, 'native', 'build-info.json');
  const info = fs.existsSync(infoFile) ? JSON.parse(fs.readFileSync(infoFile, 'utf8')) : null;
  if (info && arch && arch !== 'universal' && info.arch !== arch) {
    throw new Error(`[after-pack] the native module was built for ${info.arch}, the package is ${arch}`);
  }
}

exports.default = async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');
  const { binary, resources, platform } = paths(context);
  verifyNativeModule(resources, ARCH_NAMES[context.arch]);
  if (!fs.existsSync(binary)) throw new Error(`[after-pack] Electron binary not found: ${binary}`);

  await flipFuses(binary, {
    version: FuseVersion.V1,
    // Flipping invalidates the macOS ad-hoc signature; re-sign ad hoc (real signing follows).
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    // The app never uses file:, so file: pages get no extra privileges either.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
  console.log(`[after-pack] fuses flipped: ${path.basename(binary)}`);
};
