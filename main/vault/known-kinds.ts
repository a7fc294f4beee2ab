// What a file picked as the vault looks like, when it is plainly something else: a photo, a
// PDF, a zip… A stressed person who picked the wrong file must not read "your vault is
// damaged". Magic numbers only (synchronous: the vault opens synchronously); the common
// kinds a person keeps next to their vault.
type Kind = { 'zh-CN': string; 'zh-TW': string; en: string };

const at = (head: Buffer, offset: number, bytes: number[] | string) => {
  const want = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes);
  return head.length >= offset + want.length && head.subarray(offset, offset + want.length).equals(want);
};

const KINDS: { test: (h: Buffer) => boolean; kind: Kind }[] = [
  { test: (h) => at(h, 0, [0xff, 0xd8, 0xff]), kind: { 'zh-CN': ' JPEG 图片', 'zh-TW': ' JPEG 圖片', en: 'a JPEG image' } },
  { test: (h) => at(h, 0, [0x89, 0x50, 0x4e, 0x47]), kind: { 'zh-CN': ' PNG 图片', 'zh-TW': ' PNG 圖片', en: 'a PNG image' } },
  { test: (h) => at(h, 0, 'GIF8'), kind: { 'zh-CN': ' GIF 图片', 'zh-TW': ' GIF 圖片', en: 'a GIF image' } },
  { test: (h) => at(h, 0, 'RIFF') && at(h, 8, 'WEBP'), kind: { 'zh-CN': ' WebP 图片', 'zh-TW': ' WebP 圖片', en: 'a WebP image' } },
  { test: (h) => at(h, 4, 'ftypheic') || at(h, 4, 'ftypheix') || at(h, 4, 'ftypmif1'), kind: { 'zh-CN': ' HEIC 照片', 'zh-TW': ' HEIC 照片', en: 'a HEIC photo' } },
  { test: (h) => at(h, 4, 'ftyp'), kind: { 'zh-CN': '视频或录音（MP4/M4A）', 'zh-TW': '影片或錄音（MP4/M4A）', en: 'a video or recording (MP4/M4A)' } },
  { test: (h) => h.subarray(0, 1024).includes(Buffer.from('%PDF-', 'latin1')), kind: { 'zh-CN': ' PDF 文档', 'zh-TW': ' PDF 文件', en: 'a PDF document' } },
  {
    test: (h) => at(h, 0, [0x50, 0x4b, 0x03, 0x04]) || at(h, 0, [0x50, 0x4b, 0x05, 0x06]),
    kind: { 'zh-CN': ' ZIP 压缩包或 Office 文档', 'zh-TW': ' ZIP 壓縮檔或 Office 文件', en: 'a ZIP archive or an Office document' },
  },
  { test: (h) => at(h, 0, [0x52, 0x61, 0x72, 0x21]), kind: { 'zh-CN': ' RAR 压缩包', 'zh-TW': ' RAR 壓縮檔', en: 'a RAR archive' } },
  { test: (h) => at(h, 0, [0x37, 0x7a, 0xbc, 0xaf]), kind: { 'zh-CN': ' 7z 压缩包', 'zh-TW': ' 7z 壓縮檔', en: 'a 7z archive' } },
  { test: (h) => at(h, 0, 'ID3') || at(h, 0, [0xff, 0xfb]), kind: { 'zh-CN': ' MP3 录音', 'zh-TW': ' MP3 錄音', en: 'an MP3 recording' } },
  { test: (h) => at(h, 0, '#!AMR'), kind: { 'zh-CN': ' AMR 录音', 'zh-TW': ' AMR 錄音', en: 'an AMR recording' } },
  { test: (h) => at(h, 0, 'RIFF') && at(h, 8, 'WAVE'), kind: { 'zh-CN': ' WAV 录音', 'zh-TW': ' WAV 錄音', en: 'a WAV recording' } },
  { test: (h) => at(h, 0, 'SQLite format 3\0'), kind: { 'zh-CN': '未加密的 SQLite 数据库', 'zh-TW': '未加密的 SQLite 資料庫', en: 'an unencrypted SQLite database' } },
  { test: (h) => at(h, 0, [0xd0, 0xcf, 0x11, 0xe0]), kind: { 'zh-CN': '旧版 Office 文档', 'zh-TW': '舊版 Office 文件', en: 'an old-style Office document' } },
];

const TEXT_KIND: Kind = { 'zh-CN': '文本文件', 'zh-TW': '文字檔', en: 'a text file' };

/** The kind a file plainly is, or null when its first bytes say nothing known. */
export function knownKindOf(head: Buffer): Kind | null {
  const hit = KINDS.find((k) => k.test(head));
  if (hit) return hit.kind;
  const sample = head.subarray(0, 1024);
  if (sample.length === 0 || sample.includes(0)) return null;
  // Valid UTF-8 (the sample may end inside a character: up to 3 bytes are let go).
  for (let cut = 0; cut < 4 && cut < sample.length; cut++) {
    const part = sample.subarray(0, sample.length - cut);
    if (Buffer.from(part.toString('utf8'), 'utf8').equals(part)) return TEXT_KIND;
  }
  return null;
}
