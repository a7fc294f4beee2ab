// `verify`: re-hash every evidence item (live and in the trash) from its stored chunks and
// compare with the SHA-256 recorded at import. Reports the ids that differ; the result is
// itself recorded in the audit log (when the vault was checked, and what was found).
import { createHash } from 'node:crypto';
import { ENTITY, type VaultLike } from './items';
import { yieldToLoop, type TaskContext } from './import-files';
import { CHUNK_BYTES } from '../../../shared/evidence/limits';
import { XieshangError } from '../../../shared/errors';

export interface VerifyResult {
  checked: number;
  ok: number;
  mismatched: string[];
}

/** `record`: append the result to the audit log (not possible on a read-only connection). */
export async function verifyAll(vault: VaultLike, task: TaskContext = { progress: () => {}, cancelled: () => false }, record = true): Promise<VerifyResult> {
  const db = vault.handle;
  const items = db.prepare('SELECT id, blob_id, sha256, size FROM evidence_items ORDER BY imported_ms, rowid').all() as {
    id: string;
    blob_id: number;
    sha256: string;
    size: number;
  }[];
  const total = items.reduce((s, i) => s + i.size, 0);
  const chunk = db.prepare('SELECT data FROM blob_chunks WHERE blob_id = ? AND seq = ?');
  const blobRow = db.prepare("SELECT sha256, size FROM blobs WHERE id = ? AND state = 'stored'");
  const actual = new Map<number, { sha256: string; size: number }>();
  const mismatched: string[] = [];
  let done = 0;
  for (const item of items) {
    let got = actual.get(item.blob_id);
    if (!got) {
      const hash = createHash('sha256');
      let size = 0;
      for (let seq = 0; ; seq++) {
        const row = chunk.get(item.blob_id, seq) as { data: Buffer } | undefined;
        if (!row) break;
        hash.update(row.data);
        size += row.data.length;
        // Every chunk but the last is exactly CHUNK_BYTES; anything else is damage too.
        if (row.data.length !== CHUNK_BYTES && size < item.size) size = -1;
        if (seq % 8 === 7) {
          task.progress(done + Math.max(0, size), total);
          await yieldToLoop();
          if (task.cancelled()) throw new XieshangError('CANCELLED');
        }
      }
      got = { sha256: hash.digest('hex'), size };
      actual.set(item.blob_id, got);
    }
    const blob = blobRow.get(item.blob_id) as { sha256: string; size: number } | undefined;
    const good = got.sha256 === item.sha256 && got.size === item.size && blob?.sha256 === item.sha256 && blob.size === item.size;
    if (!good) mismatched.push(item.id);
    done += item.size;
    task.progress(done, total);
  }
  const result = { checked: items.length, ok: items.length - mismatched.length, mismatched };
  if (record) vault.change((_db, audit) => audit({ action: 'evidence.verify', entity: ENTITY, newValue: result }));
  return result;
}
