// What the app's build worker runs: the wizard's edited draft and ordered exhibits → the
// builder's model (exhibit bytes read through `open`, a fetch of vault:// or /vault/ in
// the app) → buildPackage into a sink. Isomorphic; the service tests run it in Node.
import { buildPackage, type BuildOptions, type BuildResult } from '../pdf/build';
import type { PackageModelInput } from '../pdf/model';
import type { ExhibitCandidate, PackageDraftModel } from '../contracts/package';
import { completeModel, exhibitInputOf, type ExhibitInput } from './complete-model';

export interface PickedExhibit {
  candidate: ExhibitCandidate;
  /** The title as the user edited it. */
  title: string;
  /** The password of an encrypted PDF, asked for in the wizard. */
  password?: string;
  /** List a large recording by name, duration and SHA-256 instead of embedding it. */
  listOnly?: boolean;
}

export interface DraftBuildInput {
  draft: PackageDraftModel;
  exhibits: PickedExhibit[];
  signatureImage?: Uint8Array;
  certificateFingerprint?: string;
  /** Reserve a signature field; main signs the finished file. */
  sign: boolean;
}

/** Opens an evidence item's original bytes (a Response, so fetch and the protocol handler both fit). */
export type OpenEvidence = (evidenceId: string) => Promise<Response>;

async function okResponse(open: OpenEvidence, id: string, title: string): Promise<Response> {
  const res = await open(id);
  // 404: the item was purged or the vault locked meanwhile. The builder names the exhibit.
  if (!res.ok) throw new Error(`无法读取证据“${title}”（HTTP ${res.status}）`);
  return res;
}

export function modelFromDraft(input: DraftBuildInput, open: OpenEvidence): PackageModelInput {
  const exhibits: ExhibitInput[] = input.exhibits.map(({ candidate: c, title, password, listOnly }, i) =>
    exhibitInputOf(
      c,
      i + 1,
      {
        read: async () => new Uint8Array(await (await okResponse(open, c.evidenceId, title)).arrayBuffer()),
        chunks: async function* () {
          const res = await okResponse(open, c.evidenceId, title);
          if (!res.body) return;
          const reader = res.body.getReader();
          try {
            for (;;) {
              const { done, value } = await reader.read();
              if (done) return;
              yield value;
            }
          } finally {
            reader.releaseLock();
          }
        },
      },
      { title, password, listOnly },
    ),
  );
  return completeModel(input.draft, exhibits, {
    ...(input.signatureImage ? { image: input.signatureImage } : {}),
    ...(input.certificateFingerprint ? { certificateFingerprint: input.certificateFingerprint } : {}),
    reserve: input.sign,
  });
}

export function buildFromDraft(
  input: DraftBuildInput,
  open: OpenEvidence,
  fontBytes: Uint8Array,
  options: Pick<BuildOptions, 'sink' | 'onProgress' | 'signal' | 'now'>,
): Promise<BuildResult> {
  return buildPackage(modelFromDraft(input, open), fontBytes, options);
}
