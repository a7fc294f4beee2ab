// The duration of an AMR recording (the format many Chinese Android phones record calls
// in: "#!AMR\n" then 20 ms frames). music-metadata does not read AMR, so the frames are
// counted here: each frame's first byte gives its mode, the mode gives its size (3GPP TS
// 26.101 for AMR-NB, TS 26.201 for AMR-WB). Isomorphic (Uint8Array only).

const NB_MAGIC = [0x23, 0x21, 0x41, 0x4d, 0x52, 0x0a]; // #!AMR\n
const WB_MAGIC = [0x23, 0x21, 0x41, 0x4d, 0x52, 0x2d, 0x57, 0x42, 0x0a]; // #!AMR-WB\n
// Frame sizes in bytes including the 1-byte header, by frame type 0–15.
const NB_SIZES = [13, 14, 16, 18, 20, 21, 27, 32, 6, 0, 0, 0, 0, 0, 0, 1];
const WB_SIZES = [18, 24, 33, 37, 41, 47, 51, 59, 61, 6, 0, 0, 0, 0, 1, 1];
const FRAME_MS = 20;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

export function isAmr(bytes: Uint8Array): boolean {
  return startsWith(bytes, NB_MAGIC) || startsWith(bytes, WB_MAGIC);
}

/** Seconds (to the millisecond), or null when the bytes are not AMR or a frame is invalid. */
export function amrDurationSec(bytes: Uint8Array): number | null {
  let at: number;
  let sizes: number[];
  if (startsWith(bytes, WB_MAGIC)) {
    at = WB_MAGIC.length;
    sizes = WB_SIZES;
  } else if (startsWith(bytes, NB_MAGIC)) {
    at = NB_MAGIC.length;
    sizes = NB_SIZES;
  } else return null;
  let frames = 0;
  while (at < bytes.length) {
    const type = (bytes[at]! >> 3) & 0x0f;
    const size = sizes[type]!;
    if (size === 0) return null;
    if (at + size > bytes.length) break; // a last frame cut short: count what is whole
    at += size;
    frames++;
  }
  return (frames * FRAME_MS) / 1000;
}
