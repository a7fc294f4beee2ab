// The vault as the app sees it: at most one open Vault, and the operations the UI needs.
// Runs inside the vault worker thread (main/vault/worker.ts) in the app, or in-process in
// the CLI and tests. Every method is synchronous; hosts make it async.
import fs from 'node:fs';
import { Vault, type VaultOptions } from './vault';
import { VaultLockedError, XieshangError } from '../../shared/errors';
import { detail } from '../../shared/error-details';
import type { AuditVerification } from './audit-log';
import { FEATURES } from './features';
import { cleanupStaging } from './evidence/blob-store';
import type { FeatureContext, FeatureModule } from './feature';
import { BadInputError } from '../../shared/errors';
import { commitRestore, prepareRestore } from './restore';

export interface SessionStatus {
  state: 'none' | 'locked' | 'unlocked';
  path: string;
  schemaVersion: number | null;
  /** The open vault is a demo copy (meta sample=1); false while locked. */
  sample: boolean;
}

export interface SessionConfig {
  vaultPath: string;
  actor: VaultOptions['actor'];
  nativeBinding?: string | undefined;
}

// The user's own vault is always config.vaultPath. A sample (demo) vault elsewhere can be
// open instead, but only until the next lock: the session never remembers another path,
// so locking, for whatever reason, always leads back to the user's own vault.
export class VaultSession {
  private vault: Vault | null = null;
  /** Cached at open: status() runs after every call and must not query. */
  private sample = false;

  constructor(private readonly config: SessionConfig) {}

  status(): SessionStatus {
    if (this.vault) return { state: 'unlocked', path: this.vault.file, schemaVersion: this.vault.schemaVersion, sample: this.sample };
    const exists = fs.existsSync(this.config.vaultPath);
    return { state: exists ? 'locked' : 'none', path: this.config.vaultPath, schemaVersion: null, sample: false };
  }

  /** Whether a vault is open (carried in every worker reply, so main knows without asking). */
  isOpen(): boolean {
    return this.vault !== null;
  }

  create(passphrase: string): SessionStatus {
    this.lock();
    this.adopt(Vault.create(this.config.vaultPath, passphrase, this.options()));
    return this.status();
  }

  unlock(passphrase: string): SessionStatus {
    this.lock();
    this.adopt(Vault.open(this.config.vaultPath, passphrase, this.options()));
    return this.status();
  }

  /**
   * Opens a vault marked sample=1 (the demo) in place of the user's own, until the next lock.
   * Refused while the user's own vault is open: main never closes it behind their back.
   */
  openSample(file: string, passphrase: string): SessionStatus {
    if (this.vault && !this.sample) throw new XieshangError('VAULT_OPEN');
    this.lock();
    const vault = Vault.open(file, passphrase, this.options());
    if (vault.meta('sample') !== '1') {
      vault.close();
      throw new BadInputError(detail('NOT_SAMPLE_VAULT'));
    }
    this.adopt(vault);
    return this.status();
  }

  lock(): SessionStatus {
    // Uploads in progress die with the key: their staging blobs go now (and any a crash left, at the next open).
    if (this.vault) {
      try {
        cleanupStaging(this.vault.handle);
      } catch {
        /* best effort: the next open cleans again */
      }
    }
    this.vault?.close();
    this.vault = null;
    this.sample = false;
    return this.status();
  }

  changePassphrase(current: string, next: string): { ok: true } {
    // The demo is opened with a known passphrase; changing it would only break the demo.
    if (this.sample) throw new BadInputError(detail('SAMPLE_PASSPHRASE_FIXED'));
    this.open().changePassphrase(current, next);
    return { ok: true };
  }

  backup(out: string): { out: string; bytes: number } {
    return this.open().backup(out);
  }

  /**
   * Replaces the user's own vault with a backup (the app's 从备份恢复) and opens the restored
   * vault with the backup's passphrase. The backup is proved before anything is closed, so a
   * refused backup (wrong passphrase, not a vault, integrity or audit-chain failure) leaves
   * the open vault open and every file as it was.
   */
  restore(from: string, passphrase: string): SessionStatus & { keptAs: string | null } {
    const prepared = prepareRestore(this.config.vaultPath, from, passphrase, { actor: this.config.actor, nativeBinding: this.config.nativeBinding });
    try {
      this.lock();
      const result = commitRestore(prepared);
      this.adopt(Vault.open(this.config.vaultPath, passphrase, this.options()));
      return { ...this.status(), keptAs: result.previousKeptAs };
    } finally {
      prepared.discard();
    }
  }

  auditVerify(): AuditVerification {
    return this.open().verifyAudit();
  }

  /** Runs one function of a feature module against this session. */
  invoke(feature: string, method: string, args: unknown[], task: { progress?: FeatureContext['progress']; cancelled?: () => boolean } = {}): unknown {
    const module = (FEATURES as Record<string, FeatureModule>)[feature];
    const fn = module && Object.prototype.hasOwnProperty.call(module, method) ? module[method] : undefined;
    if (!fn) throw new BadInputError(detail('UNKNOWN_OPERATION', { operation: `${feature}.${method}` }));
    const ctx: FeatureContext = {
      vault: () => this.open(),
      progress: task.progress ?? (() => {}),
      cancelled: task.cancelled ?? (() => false),
    };
    return fn(ctx, ...args);
  }

  /** The open vault, for feature modules; throws VAULT_LOCKED when locked. */
  open(): Vault {
    if (!this.vault) throw new VaultLockedError();
    return this.vault;
  }

  private adopt(vault: Vault): void {
    this.vault = vault;
    this.sample = vault.meta('sample') === '1';
  }

  private options(): VaultOptions {
    return { actor: this.config.actor, nativeBinding: this.config.nativeBinding };
  }
}

/** The method names a host may call: everything public except open(). */
export type SessionMethod = Exclude<
  { [K in keyof VaultSession]: VaultSession[K] extends (...a: never[]) => unknown ? K : never }[keyof VaultSession],
  'open' | 'invoke' | 'isOpen'
>;
