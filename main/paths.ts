// Where the app keeps its data. Plain Node so the CLI resolves exactly the folder the
// Electron app uses (Electron's app.getPath('userData') for the app name "Xieshang").
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Xieshang';
export const VAULT_FILE_NAME = 'vault.xsv';

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.XIESHANG_DATA_DIR) return path.resolve(env.XIESHANG_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

export function defaultVaultPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(userDataDir(env), VAULT_FILE_NAME);
}

export function settingsPath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(userDataDir(env), 'settings.json');
}
