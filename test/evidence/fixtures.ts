// Test helpers for evidence: a fresh encrypted vault, raw access for tampering tests, and
// the sample files (./samples.ts).
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Vault } from '../../main/vault/vault';
import { PASS, tmpDir } from '../helpers/tmp';

export * from './samples';

export function newVault(dir = tmpDir()): { vault: Vault; file: string; dir: string } {
  const file = path.join(dir, 'v.xsv');
  return { vault: Vault.create(file, PASS, { actor: 'cli' }), file, dir };
}

/** Opens the vault file with the passphrase and the raw SQL connection (for tampering tests). */
export function rawOpen(file: string): Database.Database {
  const db = new Database(file);
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.key(Buffer.from(PASS, 'utf8'));
  return db;
}

export const noTask = { progress: () => {}, cancelled: () => false };
