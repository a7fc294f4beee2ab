// Messages between the wizard and its build worker (package.worker.ts). The worker builds
// the PDF with the isomorphic builder and hands it over in ~1 MiB chunks, one at a time:
// it waits for an 'ack' before the next, so memory stays bounded however large the package.
import type { DraftBuildInput } from '../../../../shared/package/build-from-draft';
import type { BuildProgress } from '../../../../shared/pdf/build';

export type ToWorker =
  | {
      type: 'build';
      input: DraftBuildInput;
      /** The bundled Noto Sans SC (a file Vite emits next to the app). */
      fontUrl: string;
      /** Prefix of an evidence original's URL: vault://original/ or <origin>/vault/original/. */
      evidenceBase: string;
    }
  | { type: 'ack' };

export interface WorkerError {
  name: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export type FromWorker =
  | { type: 'progress'; progress: BuildProgress }
  | { type: 'chunk'; data: Uint8Array }
  | { type: 'done'; pages: number; exhibits: number; length: number }
  | { type: 'error'; error: WorkerError };
