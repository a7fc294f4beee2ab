// What an evidence type is shown as, and the Content-Type its bytes may be served with.
// Isomorphic. The type always comes from the bytes (file-type, then a text check), never
// from the name alone; the name's extension is only compared to flag a lie.

export const EVIDENCE_KINDS = ['image', 'pdf', 'audio', 'video', 'text', 'email', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export function kindOfMime(mime: string): EvidenceKind {
  if (mime === 'image/svg+xml') return 'text'; // shown as its source, never rendered
  if (mime.startsWith('image/')) return 'image';
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  if (mime === 'message/rfc822') return 'email';
  if (mime.startsWith('text/') || mime === 'application/xml' || mime === 'application/json') return 'text';
  return 'other';
}

/** Raster images a browser shows from the original bytes. Others (HEIC, TIFF) need a rendition. */
export const BROWSER_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']);

/** Audio Chromium plays (AMR, e.g., is kept but cannot be played in the app). */
export const PLAYABLE_AUDIO_TYPES: ReadonlySet<string> = new Set([
  'audio/mpeg',
  'audio/wav',
  'audio/vnd.wave',
  'audio/x-wav',
  'audio/mp4',
  'audio/x-m4a',
  'audio/m4a',
  'audio/aac',
  'audio/aacp',
  'audio/ogg',
  'audio/opus',
  'audio/flac',
  'audio/x-flac',
  'audio/webm',
]);

export const PLAYABLE_VIDEO_TYPES: ReadonlySet<string> = new Set(['video/mp4', 'video/webm', 'video/quicktime']);

/**
 * The Content-Type the evidence protocol may send for a sniffed type: only types a
 * browser treats as passive media or a document it does not script (PDF is read by
 * pdf.js in the app, from bytes). Never text/html, SVG or anything executable: those,
 * and everything unknown, go out as application/octet-stream.
 */
export function servedContentType(mime: string): string {
  if (BROWSER_IMAGE_TYPES.has(mime) || PLAYABLE_AUDIO_TYPES.has(mime) || PLAYABLE_VIDEO_TYPES.has(mime)) return mime;
  if (mime === 'application/pdf') return mime;
  return 'application/octet-stream';
}

/** Extensions a name may carry for a sniffed type (to flag "the extension lies"). */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'image/avif': ['avif', 'heic', 'heif'],
  'image/heic': ['heic', 'heif', 'hif'],
  'image/heif': ['heic', 'heif', 'hif'],
  'image/bmp': ['bmp'],
  'image/tiff': ['tif', 'tiff'],
  'application/pdf': ['pdf'],
  'audio/mpeg': ['mp3'],
  'audio/wav': ['wav'],
  'audio/mp4': ['m4a', 'mp4', 'aac'],
  'audio/x-m4a': ['m4a', 'mp4'],
  'audio/amr': ['amr'],
  'audio/ogg': ['ogg', 'oga', 'opus'],
  'audio/opus': ['opus', 'ogg'],
  'audio/aac': ['aac'],
  'audio/x-flac': ['flac'],
  'video/mp4': ['mp4', 'm4v'],
  'video/quicktime': ['mov'],
  'text/plain': ['txt', 'text', 'log', 'csv', 'md'],
  'text/csv': ['csv'],
  'text/html': ['html', 'htm'],
  'application/xml': ['xml'],
  'application/json': ['json'],
  'message/rfc822': ['eml', 'mht', 'txt'],
  'image/svg+xml': ['svg'],
};

/** True when the name's extension claims a different type than the bytes are. */
export function extensionLies(fileName: string, mime: string): boolean {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0 || dot === fileName.length - 1) return false;
  const ext = fileName.slice(dot + 1).toLowerCase();
  const allowed = EXTENSIONS[mime];
  if (allowed) return !allowed.includes(ext);
  // A type we have no list for: a lie only if the extension names one of the known types.
  return Object.values(EXTENSIONS).some((list) => list.includes(ext));
}
