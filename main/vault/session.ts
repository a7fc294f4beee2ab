// The vault as the app sees it: at most one open Vault, and the operations the UI needs.
// Runs inside the vault worker thread (main/vault/worker.ts) in the app, or in-process in
// the CLI and tests. Every method is synchronous; hosts make it async.
import fs from 'node:fs';
import { Vault, type VaultOptions } from './vault';
import { VaultLockedError } from '../../shared/errors';
import type { AuditVerification } from './audit-log';
import { FEATURES } from './features';
import type { FeatureContext, FeatureModule } from './feature';
import { BadInputError } from '../../shared/errors';

export interface SessionStatus {
  state: 'none' | 'locked' | 'unlocked';
  path: string;
  schemaVersion: number | null;
}

export interface SessionConfig {
  vaultPath: string;
  actor: VaultOptions['actor'];
  nativeBinding?: string | undefined;
}

export class VaultSession {
  private vault: Vault | null = null;

  constructor(private readonly config: SessionConfig) {}

  status(): SessionStatus {
    if (this.vault) return { state: 'unlocked', path: this.config.vaultPath, schemaVersion: this.vault.schemaVersion };
    const exists = fs.existsSync(this.config.vaultPath);
    return { state: exists ? 'locked' : 'none', path: this.config.vaultPath, schemaVersion: null };
  }

  create(passphrase: string): SessionStatus {
    this.lock();
    this.vault = Vault.create(this.config.vaultPath, passphrase, this.options());
    return this.status();
  }

  unlock(passphrase: string): SessionStatus {
    this.lock();
    this.vault = Vault.open(this.config.vaultPath, passphrase, this.options());
    return this.status();
  }

  lock(): SessionStatus {
    this.vault?.close();
    this.vault = null;
    return this.status();
  }

  changePassphrase(current: string, next: string): { ok: true } {
    this.open().changePassphrase(current, next);
    return { ok: true };
  }

  backup(out: string): { out: string; bytes: number } {
    return this.open().backup(out);
  }

  auditVerify(): AuditVerification {
    return this.open().verifyAudit();
  }

  /** Runs one function of a feature module against this session. */
  invoke(
    feature: string,
    method: string,
    args: unknown[],
    task: { progress?: FeatureContext['progress']; cancelled?: () => boolean } = {},
  ): unknown {
    const module = (FEATURES as Record<string, FeatureModule>)[feature];
    const fn = module && Object.prototype.hasOwnProperty.call(module, method) ? module[method] : undefined;
    if (!fn) throw new BadInputError(`unknown operation ${feature}.${method}`);
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

  private options(): VaultOptions {
    return { actor: this.config.actor, nativeBinding: this.config.nativeBinding };
  }
}

/** The method names a host may call: everything public except open(). */
export type SessionMethod = Exclude<
  { [K in keyof VaultSession]: VaultSession[K] extends (...a: never[]) => unknown ? K : never }[keyof VaultSession],
  'open' | 'invoke'
>;
