// 从备份恢复 (shared/contracts/restore.ts). The backup file reaches main through its open
// dialog (Electron) or as an upload into the vault folder's private partial place (the
// harness, where no dialog exists); the renderer only ever holds a source id. restore:run
// hands the path to the vault worker, which proves the backup before it closes or replaces
// anything (main/vault/session.ts restore()). Wrong passphrases count against the same
// throttle as unlocking: a backup is usually under the vault's own passphrase.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { dropPartialDirIfEmpty, partialPathFor } from '../partial-files';
import type { Handlers } from '../ipc/dispatch';
import type { RestoreChannel } from '../../shared/contracts/restore-names';
import { acceptChunk } from '../vault/upload-chunks';
import type { PlatformHooks } from './platform';
import type { VaultHost } from '../vault/host';
import type { UnlockThrottle } from './unlock-throttle';
import { BadInputError, XieshangError } from '../../shared/errors';
import { detail } from '../../shared/error-details';

/** Picked or uploaded backups remembered at once; the oldest is forgotten first. */
const MAX_SOURCES = 4;

interface Source {
  id: string;
  file: string;
  name: string;
  /** An upload: main's own copy, deleted when forgotten. */
  upload: { fh: fsp.FileHandle | null; expected: number; received: number; nextSeq: number; busy: Promise<unknown> } | null;
}

export interface RestoreServiceOptions {
  host: VaultHost;
  platform: PlatformHooks;
  vaultPath: string;
  throttle: UnlockThrottle;
  /** After a restore (the restored vault is open): what belonged to the replaced vault goes. */
  afterRestore: () => Promise<void>;
}

export interface RestoreService {
  handlers: Pick<Handlers, RestoreChannel>;
  /** Deletes every uploaded copy (the app quits). */
  clear(): Promise<void>;
}

export function createRestoreService(opts: RestoreServiceOptions): RestoreService {
  const sources = new Map<string, Source>();

  const forget = async (s: Source) => {
    sources.delete(s.id);
    if (!s.upload) return;
    await s.upload.busy;
    await s.upload.fh?.close().catch(() => undefined);
    s.upload.fh = null;
    await fsp.rm(s.file, { force: true });
    dropPartialDirIfEmpty(opts.vaultPath);
  };
  const remember = async (s: Omit<Source, 'id'>): Promise<Source> => {
    while (sources.size >= MAX_SOURCES) await forget(sources.values().next().value as Source);
    const source = { id: randomBytes(16).toString('hex'), ...s };
    sources.set(source.id, source);
    return source;
  };
  const sourceOf = (id: string): Source => {
    const s = sources.get(id);
    if (!s) throw new BadInputError(detail('RESTORE_SOURCE_GONE'));
    return s;
  };

  const handlers: Pick<Handlers, RestoreChannel> = {
    'restore:pick': async () => {
      if (!opts.platform.chooseBackupFile) throw new BadInputError(detail('RESTORE_NO_DIALOG'));
      const file = await opts.platform.chooseBackupFile();
      if (file === null) return { cancelled: true as const };
      let bytes = 0;
      try {
        bytes = fs.statSync(file).size;
      } catch {
        /* reported by the restore itself */
      }
      const s = await remember({ file, name: path.basename(file), upload: null });
      return { cancelled: false as const, sourceId: s.id, name: s.name, bytes };
    },
    'restore:uploadBegin': async ({ name, bytes }) => {
      // Made in the same tick as its folder: a discard of an earlier upload that is finishing
      // at this moment removes the partial folder only when it is empty (found by e2e).
      const file = partialPathFor(opts.vaultPath);
      fs.writeFileSync(file, '', { flag: 'wx', mode: 0o600 });
      const fh = await fsp.open(file, 'r+');
      const s = await remember({
        file,
        name: path.basename(name.replace(/\\/g, '/')),
        upload: { fh, expected: bytes, received: 0, nextSeq: 0, busy: Promise.resolve() },
      });
      return { sourceId: s.id };
    },
    'restore:uploadChunk': async ({ sourceId, seq, data }) => {
      const s = sourceOf(sourceId);
      const u = s.upload;
      if (!u || !u.fh) throw new BadInputError(detail('RESTORE_SOURCE_GONE'));
      const write = u.busy.then(async () => {
        // The one chunk protocol (in order, base64, never past the announced size, which the contract caps).
        const chunk = acceptChunk(u, seq, data, { declared: u.expected });
        let off = 0;
        while (off < chunk.length) off += (await u.fh!.write(chunk, off, chunk.length - off)).bytesWritten;
        return u.received;
      });
      u.busy = write.catch(() => undefined);
      return { received: await write };
    },
    'restore:discard': async ({ sourceId }) => {
      const s = sources.get(sourceId);
      if (s) await forget(s);
      return { ok: true as const };
    },
    'restore:run': async ({ sourceId, passphrase }) => {
      const s = sourceOf(sourceId);
      if (s.upload) {
        await s.upload.busy;
        if (s.upload.received !== s.upload.expected) throw new BadInputError(detail('RESTORE_UPLOAD_INCOMPLETE'));
        await s.upload.fh?.sync();
        await s.upload.fh?.close();
        s.upload.fh = null;
      }
      opts.throttle.assertMayTry();
      let result;
      try {
        // restore() proves the backup before it closes anything: a refusal leaves all as it was.
        result = await opts.host.restore(s.file, passphrase);
      } catch (err) {
        if (err instanceof XieshangError && err.code === 'WRONG_PASSPHRASE') opts.throttle.recordFailure();
        throw err;
      }
      opts.throttle.recordSuccess();
      await forget(s);
      await opts.afterRestore();
      const { keptAs, ...status } = result;
      return { status, keptAs: keptAs === null ? null : path.basename(keptAs), folder: path.dirname(opts.vaultPath) };
    },
  };

  return {
    handlers,
    async clear() {
      await Promise.all([...sources.values()].map((s) => forget(s).catch(() => undefined)));
    },
  };
}
