// init, passwd, backup: the vault's own commands (docs/cli.md).
import path from 'node:path';
import { Vault } from '../../main/vault/vault';
import type { Command } from '../framework';
import { restoreFromBackup, type RestoreResult } from '../../main/vault/restore';

export const initCommand: Command<{ vault: string; created: true }> = {
  name: 'init',
  usage: 'xieshang init [--vault PATH]',
  summary: '新建一个加密证据箱（文件已存在时拒绝） / create a new encrypted vault',
  run(ctx) {
    const file = ctx.vaultPath();
    const passphrase = ctx.passphrase();
    Vault.create(file, passphrase, { actor: 'cli' }).close();
    return { vault: file, created: true };
  },
  human: (r) => `已创建证据箱：${r.vault}\n请牢记口令：口令丢失后任何人都无法恢复数据。`,
};

export const passwdCommand: Command<{ ok: true }> = {
  name: 'passwd',
  usage: 'xieshang passwd --new-passphrase-file FILE [--vault PATH]',
  summary: '修改证据箱口令（重新加密） / change the passphrase (rekey)',
  options: { 'new-passphrase-file': { type: 'string' } },
  run(ctx) {
    const next = ctx.passphraseFromFile(ctx.requireString('new-passphrase-file'));
    const current = ctx.passphrase();
    const vault = Vault.open(ctx.vaultPath(), current, { actor: 'cli' });
    try {
      vault.changePassphrase(current, next);
    } finally {
      vault.close();
    }
    return { ok: true };
  },
  human: () => '口令已修改。旧口令从此不能再打开这个证据箱（之前做的备份仍用旧口令）。',
};

export const backupCommand: Command<{ out: string; bytes: number }> = {
  name: 'backup',
  usage: 'xieshang backup --out FILE [--vault PATH]',
  summary: '备份证据箱（加密副本，口令相同；应用打开时也安全） / consistent encrypted copy',
  options: { out: { type: 'string' } },
  run(ctx) {
    const out = ctx.requireString('out');
    // Read-only: no writer lock, so a backup works while the app has the vault open.
    const vault = Vault.open(ctx.vaultPath(), ctx.passphrase(), { actor: 'cli', readonly: true });
    try {
      return vault.backup(path.resolve(ctx.cwd, out));
    } finally {
      vault.close();
    }
  },
  human: (r) => `备份完成：${r.out}（${r.bytes} 字节）`,
};

export const restoreCommand: Command<RestoreResult> = {
  name: 'restore',
  usage: 'xieshang restore --from BACKUP [--vault PATH]',
  summary: '用备份替换证据箱（先检查备份能用口令打开并通过完整性和审计链检查；原文件保留在旁边） / replace the vault with a checked backup',
  options: { from: { type: 'string' } },
  run(ctx) {
    const from = path.resolve(ctx.cwd, ctx.requireString('from'));
    return restoreFromBackup(ctx.vaultPath(), from, ctx.passphrase(), { actor: 'cli' });
  },
  human: (r) => (r.previousKeptAs ? `已从备份恢复：${r.from}\n原来的证据箱文件保留为：${r.previousKeptAs}` : `已从备份恢复：${r.from}`),
};
