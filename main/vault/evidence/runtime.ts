// Per-open-vault state of the evidence feature that lives only in memory: uploads in
// progress (their staging blobs and running hashes), and whether leftover staging blobs
// from an earlier run have been cleaned. Keyed by the Vault object, so locking the vault
// (a new Vault on unlock) starts fresh and the old state is garbage.
import { cleanupStaging, type StagingWriter } from './blob-store';
import type { VaultLike } from './items';
import type { ChunkState } from '../upload-chunks';

export interface Upload {
  writer: StagingWriter;
  name: string;
  label: string;
  declared: number;
  lastModified: number | null;
  /** Where the chunk protocol stands (../upload-chunks.ts). */
  chunks: ChunkState;
  touched: number;
}

/** An upload nobody has touched for this long is abandoned (a closed window): its staging blob goes. */
export const UPLOAD_IDLE_MS = 10 * 60_000;

export class EvidenceRuntime {
  readonly uploads = new Map<string, Upload>();
  private cleaned = false;

  constructor(private readonly vault: VaultLike) {}

  /** Once per open vault: delete staging blobs left by a crash or a killed process. */
  ensureClean(): void {
    if (this.cleaned) return;
    this.cleaned = true;
    try {
      cleanupStaging(this.vault.handle, new Set([...this.uploads.values()].flatMap((u) => (u.writer.blobId === null ? [] : [u.writer.blobId]))));
    } catch {
      /* best effort: leftovers are invisible and tried again next session */
    }
  }

  dropIdleUploads(now = Date.now()): void {
    for (const [id, upload] of this.uploads) {
      if (now - upload.touched > UPLOAD_IDLE_MS) this.dropUpload(id);
    }
  }

  dropUpload(id: string): void {
    const upload = this.uploads.get(id);
    if (!upload) return;
    this.uploads.delete(id);
    upload.writer.discard(this.vault.handle);
  }
}

const runtimes = new WeakMap<object, EvidenceRuntime>();

export function runtimeOf(vault: VaultLike): EvidenceRuntime {
  let rt = runtimes.get(vault);
  if (!rt) {
    rt = new EvidenceRuntime(vault);
    runtimes.set(vault, rt);
  }
  return rt;
}
