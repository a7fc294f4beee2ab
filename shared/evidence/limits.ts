// Documented limits of the evidence vault. Isomorphic (the renderer checks them before
// uploading; the vault enforces them).

/** The largest file the vault accepts: 2 GiB. Larger files are refused with FILE_TOO_LARGE. */
export const MAX_EVIDENCE_BYTES = 2 * 1024 ** 3;
/** Bytes per stored chunk row, and per upload chunk from the renderer. */
export const CHUNK_BYTES = 1024 * 1024;
/** Files up to this size are read whole for thumbnails, PDF text, tags; larger are stored only. */
export const ANALYSE_MAX_BYTES = 256 * 1024 * 1024;
/** Characters of extracted text kept for preview and search, per item. */
export const MAX_TEXT_CHARS = 1_000_000;
/** Longest name, note and tag the vault stores. */
export const MAX_NAME_CHARS = 255;
export const MAX_NOTE_CHARS = 10_000;
export const MAX_TAG_CHARS = 40;
export const MAX_TAGS = 30;
