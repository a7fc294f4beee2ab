// The capture time a phone writes into a file's NAME: screenshots, camera photos, WeChat
// and QQ saves, call recordings (docs/domain.md §8). Isomorphic and pure, so the
// vault, the CLI and the tests share one list of patterns. Wall-clock names are Beijing
// time; epoch-millisecond names (mmexport1729232422000.jpg) are exact instants; Pixel's
// PXL_ names are UTC.
import { wallClockToMs } from '../time/beijing';

export interface NameTime {
  ms: number;
  /** Which pattern matched, for the record ("which source was used"). */
  pattern: string;
}

const EPOCH_PREFIX = /(?:mmexport|wx_camera_|microMsg\.|faceImage|qq_pic_merged_|IMG_|VID_|Screenshot_)(1\d{12})(?!\d)/i;
const PIXEL = /PXL_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})/;
// macOS: "Screen Shot 2024-10-18 at 2.30.22 PM", "截屏2024-10-18 下午2.30.22".
const MAC_12H = /(\d{4})-(\d{2})-(\d{2})\s+at\s+(\d{1,2})\.(\d{2})\.(\d{2})\s*(AM|PM)/i;
const MAC_CN = /(\d{4})-(\d{2})-(\d{2})\s*(上午|下午)(\d{1,2})\.(\d{2})\.(\d{2})/;
// YYYYMMDD HHMMSS with optional separators between every field:
// Screenshot_20241018-143022, IMG_20241018_143022, 微信图片_20241018143022,
// 95188(95188)_20241018143022, 通话录音 95188 2024-10-18 14-30-22,
// Screenshot_2024-10-18-14-30-22-123_com.tencent.mm, "Screenshot 2024-10-18 at 14.30.22".
const WALL = /(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?:[-_ T.]|\s+at\s+|\s*)(\d{2})([-_.:]?)(\d{2})\6(\d{2})/g;

/** The capture time in a file name, or null when no known pattern gives a real date. */
export function timeFromFileName(fileName: string, now = Date.now()): NameTime | null {
  const name = fileName.normalize('NFKC');
  const plausible = (ms: number | null): ms is number => ms !== null && ms >= Date.UTC(2000, 0, 1) && ms <= now + 86_400_000;

  const epoch = EPOCH_PREFIX.exec(name);
  if (epoch) {
    const ms = Number(epoch[1]);
    if (plausible(ms)) return { ms, pattern: 'epoch-ms' };
  }
  const pixel = PIXEL.exec(name);
  if (pixel) {
    const [, y, mo, d, h, mi, s] = pixel.map(Number) as number[];
    const ms = wallClockToMs(y!, mo!, d!, h!, mi!, s!, 0);
    if (plausible(ms)) return { ms, pattern: 'pixel-utc' };
  }
  const mac = MAC_12H.exec(name);
  if (mac) {
    const h12 = Number(mac[4]) % 12;
    const ms = wallClockToMs(Number(mac[1]), Number(mac[2]), Number(mac[3]), mac[7]!.toUpperCase() === 'PM' ? h12 + 12 : h12, Number(mac[5]), Number(mac[6]));
    if (plausible(ms)) return { ms, pattern: 'macos-12h' };
  }
  const macCn = MAC_CN.exec(name);
  if (macCn) {
    const h12 = Number(macCn[5]) % 12;
    const ms = wallClockToMs(Number(macCn[1]), Number(macCn[2]), Number(macCn[3]), macCn[4] === '下午' ? h12 + 12 : h12, Number(macCn[6]), Number(macCn[7]));
    if (plausible(ms)) return { ms, pattern: 'macos-cn' };
  }
  WALL.lastIndex = 0;
  for (let m = WALL.exec(name); m !== null; m = WALL.exec(name)) {
    const ms = wallClockToMs(Number(m[1]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[7]), Number(m[8]));
    if (plausible(ms)) return { ms, pattern: 'datetime' };
    // Not a real date (a phone number, an account number): look again one character on.
    WALL.lastIndex = m.index + 1;
  }
  return null;
}

/**
 * EXIF "2024:10:18 14:30:22" (+ OffsetTimeOriginal "+08:00" when the camera wrote one;
 * Beijing time when it did not) → epoch ms, or null.
 */
export function timeFromExif(dateTime: unknown, offset?: unknown): number | null {
  if (dateTime instanceof Date) return Number.isNaN(dateTime.getTime()) ? null : dateTime.getTime();
  if (typeof dateTime !== 'string') return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(dateTime.trim());
  if (!m) return null;
  let offsetMin: number | undefined;
  if (typeof offset === 'string') {
    const o = /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim());
    if (o) offsetMin = (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3]));
  }
  const ms = wallClockToMs(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), offsetMin);
  return ms !== null && ms >= Date.UTC(1990, 0, 1) ? ms : null;
}

/** PDF dates: "D:20241018143022+08'00'" (no zone: Beijing time) → epoch ms, or null. */
export function timeFromPdfDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?(\d{2})?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(value.trim());
  if (!m) return null;
  let offsetMin: number | undefined;
  if (m[7] === 'Z') offsetMin = 0;
  else if (m[8]) offsetMin = (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0));
  const ms = wallClockToMs(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), offsetMin);
  return ms !== null && ms >= Date.UTC(1990, 0, 1) ? ms : null;
}
