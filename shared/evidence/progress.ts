// Import progress travels as the generic 'task:progress' event: done/total are bytes of
// the whole import, and the label carries the per-file part in a small fixed format so
// the renderer can show overall and per-file progress. Isomorphic.

export interface ImportProgress {
  /** 1-based index of the file being imported, and how many there are. */
  file: number;
  files: number;
  fileDone: number;
  fileTotal: number;
  name: string;
}

export function encodeImportLabel(p: ImportProgress): string {
  return `${p.file}/${p.files}|${p.fileDone}/${p.fileTotal}|${p.name.slice(0, 200)}`;
}

export function decodeImportLabel(label: string | undefined): ImportProgress | null {
  if (!label) return null;
  const m = /^(\d+)\/(\d+)\|(\d+)\/(\d+)\|([\s\S]*)$/.exec(label);
  if (!m) return null;
  return { file: Number(m[1]), files: Number(m[2]), fileDone: Number(m[3]), fileTotal: Number(m[4]), name: m[5]! };
}
