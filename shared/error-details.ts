// Error details as codes with parameters, in the three languages, from this one table: an
// error such as BAD_INPUT carries `detailKey` (and the detail's own parameters) in its params,
// and every reader renders the detail in its language (formatErrorMessage). Older call sites
// that pass a Chinese sentence as `detail` keep working (shown as given).
import type { Locale } from './errors';

export const ERROR_DETAILS = {
  UNKNOWN_OPERATION: { 'zh-CN': '未知操作 {operation}', 'zh-TW': '未知操作 {operation}', en: 'unknown operation {operation}' },
  NOT_SAMPLE_VAULT: { 'zh-CN': '这不是示例证据箱', 'zh-TW': '這不是示例證據箱', en: 'this is not the sample vault' },
  SAMPLE_PASSPHRASE_FIXED: {
    'zh-CN': '示例案例的口令不能修改',
    'zh-TW': '示例案例的口令不能修改',
    en: "the sample case's passphrase cannot be changed",
  },
  NOT_BASE64: { 'zh-CN': '上传的数据不是有效的 base64', 'zh-TW': '上傳的資料不是有效的 base64', en: 'the uploaded data is not valid base64' },
  UPLOAD_GONE: {
    'zh-CN': '这次上传已不在（可能已取消，或证据箱已锁定），请重新选择文件',
    'zh-TW': '這次上傳已不在（可能已取消，或證據箱已鎖定），請重新選擇檔案',
    en: 'this upload is gone (cancelled, or the vault was locked); choose the file again',
  },
  UPLOAD_CHUNK_ORDER: {
    'zh-CN': '分块顺序不对：应为 {expected}，收到 {got}',
    'zh-TW': '分塊順序不對：應為 {expected}，收到 {got}',
    en: 'chunk out of order: expected {expected}, got {got}',
  },
  UPLOAD_TOO_LARGE: {
    'zh-CN': '文件太大（超过 {limit}）',
    'zh-TW': '檔案太大（超過 {limit}）',
    en: 'file too large (over {limit})',
  },
  UPLOAD_SIZE_MISMATCH: {
    'zh-CN': '收到的字节数（{got}）与声明的大小（{expected}）不一致',
    'zh-TW': '收到的位元組數（{got}）與宣告的大小（{expected}）不一致',
    en: 'received {got} bytes, {expected} were announced',
  },
  UPLOAD_TOO_MANY: {
    'zh-CN': '同时进行的上传太多，请等前面的完成',
    'zh-TW': '同時進行的上傳太多，請等前面的完成',
    en: 'too many uploads at once; wait for the others to finish',
  },
  // 从备份恢复 (issue 13)
  RESTORE_SOURCE_GONE: {
    'zh-CN': '选择的备份文件已不在这里，请重新选择',
    'zh-TW': '選擇的備份檔案已不在這裡，請重新選擇',
    en: 'the chosen backup is no longer here; choose it again',
  },
  RESTORE_NO_DIALOG: {
    'zh-CN': '这里不能打开文件对话框，请用“选择备份文件”按钮',
    'zh-TW': '這裡不能開啟檔案對話框，請用「選擇備份檔案」按鈕',
    en: 'no file dialog here; use the "Choose backup file" button',
  },
  RESTORE_UPLOAD_INCOMPLETE: {
    'zh-CN': '备份文件没有完整收到，请重新选择',
    'zh-TW': '備份檔案沒有完整收到，請重新選擇',
    en: 'the backup file did not arrive complete; choose it again',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type DetailKey = keyof typeof ERROR_DETAILS;

/** A detail to raise with a named error: `new BadInputError(detail('UPLOAD_TOO_LARGE', { limit: '8 GB' }))`. */
export interface Detail {
  key: DetailKey;
  params: Record<string, string | number>;
}

export function detail(key: DetailKey, params: Record<string, string | number> = {}): Detail {
  return { key, params };
}

export function isDetailKey(value: unknown): value is DetailKey {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_DETAILS, value);
}

export function formatDetail(key: DetailKey, params: Record<string, string | number>, locale: Locale): string {
  const template: string = ERROR_DETAILS[key][locale];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}
