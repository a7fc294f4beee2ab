import { formatDetail, isDetailKey, type Detail } from './error-details';

// Named, typed errors shared by every process. An error crosses IPC and the CLI as
// { code, message } only: the message is Chinese first, and never carries a key,
// a passphrase or file contents (see test/no-secret-leak.test.ts).

export const ERROR_MESSAGES = {
  // A wrong key and a damaged first page look the same to SQLCipher: say both (as KeePassXC does).
  WRONG_PASSPHRASE: {
    'zh-CN': '口令错误，或者文件已损坏（两者无法区分）',
    'zh-TW': '口令錯誤，或者檔案已損壞（兩者無法區分）',
    en: 'Wrong passphrase, or the file is damaged (the two cannot be told apart)',
  },
  PASSPHRASE_MISSING: {
    'zh-CN': '缺少口令：请设置环境变量 XIESHANG_PASSPHRASE 或使用 --passphrase-file',
    'zh-TW': '缺少口令：請設定環境變數 XIESHANG_PASSPHRASE 或使用 --passphrase-file',
    en: 'No passphrase: set XIESHANG_PASSPHRASE or use --passphrase-file',
  },
  PASSPHRASE_TOO_SHORT: {
    'zh-CN': '口令太短：至少需要 {min} 个字符',
    'zh-TW': '口令太短：至少需要 {min} 個字元',
    en: 'Passphrase too short: at least {min} characters',
  },
  PASSPHRASE_MISMATCH: {
    'zh-CN': '两次输入的口令不一致',
    'zh-TW': '兩次輸入的口令不一致',
    en: 'The two passphrases do not match',
  },
  TOO_MANY_ATTEMPTS: {
    'zh-CN': '尝试次数过多，请 {seconds} 秒后再试',
    'zh-TW': '嘗試次數過多，請 {seconds} 秒後再試',
    en: 'Too many attempts; try again in {seconds} s',
  },
  VAULT_MISSING: {
    'zh-CN': '找不到证据箱文件',
    'zh-TW': '找不到證據箱檔案',
    en: 'Vault file not found',
  },
  VAULT_EXISTS: {
    'zh-CN': '证据箱文件已存在，不会覆盖',
    'zh-TW': '證據箱檔案已存在，不會覆寫',
    en: 'The vault file already exists; it will not be overwritten',
  },
  VAULT_IN_USE: {
    'zh-CN': '证据箱正被另一个程序使用（例如已打开的协商证据箱窗口），请先关闭它',
    'zh-TW': '證據箱正被另一個程式使用（例如已開啟的協商證據箱視窗），請先關閉它',
    en: 'The vault is in use by another process (for example the open app); close it first',
  },
  NOT_A_VAULT: {
    'zh-CN': '这个文件不是协商证据箱文件',
    'zh-TW': '這個檔案不是協商證據箱檔案',
    en: 'This file is not a Xieshang vault',
  },
  VAULT_DAMAGED: {
    'zh-CN': '证据箱文件已损坏（可能被截断）。文件未被改动，请用备份恢复',
    'zh-TW': '證據箱檔案已損壞（可能被截斷）。檔案未被改動，請用備份還原',
    en: 'The vault file is damaged (possibly truncated). It was not changed; restore from a backup',
  },
  VAULT_TOO_NEW: {
    'zh-CN': '这个证据箱由更新版本的协商证据箱创建（版本 {found}，本程序支持到 {supported}），请升级程序',
    'zh-TW': '這個證據箱由更新版本的協商證據箱建立（版本 {found}，本程式支援到 {supported}），請升級程式',
    en: 'This vault was made by a newer version (schema {found}; this app supports {supported}); please upgrade',
  },
  VAULT_LOCKED: {
    'zh-CN': '证据箱已锁定，请先解锁',
    'zh-TW': '證據箱已鎖定，請先解鎖',
    en: 'The vault is locked; unlock it first',
  },
  VAULT_OPEN: {
    'zh-CN': '你的证据箱正在打开中。请先锁定它，再打开示例案例',
    'zh-TW': '你的證據箱正在開啟中。請先鎖定它，再開啟示例案例',
    en: 'Your vault is open. Lock it first, then open the sample case',
  },
  OUTPUT_EXISTS: {
    'zh-CN': '目标文件已存在，不会覆盖：{path}',
    'zh-TW': '目標檔案已存在，不會覆寫：{path}',
    en: 'The output file already exists and will not be overwritten: {path}',
  },
  USAGE: { 'zh-CN': '用法错误：{detail}', 'zh-TW': '用法錯誤：{detail}', en: 'Usage error: {detail}' },
  BAD_INPUT: { 'zh-CN': '输入无效：{detail}', 'zh-TW': '輸入無效：{detail}', en: 'Invalid input: {detail}' },
  BAD_REQUEST: {
    'zh-CN': '请求格式无效，已拒绝',
    'zh-TW': '請求格式無效，已拒絕',
    en: 'Malformed request rejected',
  },
  FORBIDDEN_SENDER: {
    'zh-CN': '请求来源不可信，已拒绝',
    'zh-TW': '請求來源不可信，已拒絕',
    en: 'Request from an untrusted sender rejected',
  },
  CANCELLED: { 'zh-CN': '已取消', 'zh-TW': '已取消', en: 'Cancelled' },
  IO_ERROR: {
    'zh-CN': '读写文件失败：{detail}',
    'zh-TW': '讀寫檔案失敗：{detail}',
    en: 'File read/write failed: {detail}',
  },
  // issue 13 (faults): crash recovery, files that are not a vault, restore.
  VAULT_NEEDS_RECOVERY: {
    'zh-CN': '证据箱上次没有正常关闭，需要先自动恢复，恢复需要写入权限：请关闭其他正在使用它的程序，并确认对证据箱文件及其所在文件夹有写入权限，然后重试',
    'zh-TW': '證據箱上次沒有正常關閉，需要先自動復原，復原需要寫入權限：請關閉其他正在使用它的程式，並確認對證據箱檔案及其所在資料夾有寫入權限，然後重試',
    en: 'The vault was not closed properly last time and must be recovered first, which needs write access: close any other program using it, make sure the vault file and its folder are writable, and try again',
  },
  NOT_A_VAULT_KIND: {
    'zh-CN': '这不是证据箱文件（看起来是{kind}）。请选择你的证据箱文件（.xsv）',
    'zh-TW': '這不是證據箱檔案（看起來是{kindTw}）。請選擇你的證據箱檔案（.xsv）',
    en: 'This is not a vault file (it looks like {kindEn}). Choose your vault file (.xsv)',
  },
  WRONG_PASSPHRASE_OR_DAMAGED: {
    'zh-CN': '无法打开：口令错误，或者文件已损坏（两种情况无法区分）。请先确认口令；口令确定无误时，请用备份恢复',
    'zh-TW': '無法開啟：口令錯誤，或者檔案已損壞（兩種情況無法區分）。請先確認口令；口令確定無誤時，請用備份還原',
    en: 'Cannot open: either the passphrase is wrong or the file is damaged (the two cannot be told apart). Check the passphrase first; if it is right, restore from a backup',
  },
  BACKUP_INVALID: {
    'zh-CN': '这个备份不能用于恢复：{detail}。证据箱没有被改动',
    'zh-TW': '這個備份不能用於還原：{detail}。證據箱沒有被改動',
    en: 'This backup cannot be restored: {detail}. The vault was not changed',
  },
  PAYMENT_REFUSED: {
    'zh-CN': '这笔还款没有记录：{detail}',
    'zh-TW': '這筆還款沒有記錄：{detail}',
    en: 'Payment not recorded: {detail}',
  },
  AGREEMENT_MISMATCH: {
    'zh-CN': '协议没有保存：{detail}',
    'zh-TW': '協議沒有儲存：{detail}',
    en: 'Agreement not saved: {detail}',
  },
  NOT_A_BILL: {
    'zh-CN': '这个文件不是可识别的账单：{detail}',
    'zh-TW': '這個檔案不是可識別的帳單：{detail}',
    en: 'Not a recognised bill: {detail}',
  },
  EMPTY_CONTACT: {
    'zh-CN': '这条联系记录是空的，没有保存：缺少{missing}。请写上对方是谁（对方类型、机构、姓名或电话号码），或者写上联系的内容（谈了什么、对方说了什么、我答应了什么或结果）',
    'zh-TW': '這條聯繫記錄是空的，沒有儲存：缺少{missing}。請寫上對方是誰（對方類型、機構、姓名或電話號碼），或者寫上聯繫的內容（談了什麼、對方說了什麼、我答應了什麼或結果）',
    en: 'This contact is empty and was not saved: {missing} missing. Say who it was with (kind of party, organisation, name or number), or what it was about (summary, what they said, what you promised, or the outcome)',
  },
  INTERNAL: {
    'zh-CN': '程序内部错误，数据未被改动',
    'zh-TW': '程式內部錯誤，資料未被改動',
    en: 'Internal error; no data was changed',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type Locale = 'zh-CN' | 'zh-TW' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'zh-TW', 'en'];
export type ErrorCode = keyof typeof ERROR_MESSAGES;
export type ErrorParams = Record<string, string | number>;

/** The wire shape of an error (IPC envelope, harness response, CLI --json stderr). */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  params?: ErrorParams;
}

export function formatErrorMessage(code: ErrorCode, params: ErrorParams = {}, locale: Locale = 'zh-CN'): string {
  const template: string = ERROR_MESSAGES[code][locale];
  // A detail given as a code (see error-details.ts) is rendered in the same language.
  if (isDetailKey(params.detailKey)) params = { ...params, detail: formatDetail(params.detailKey, params, locale) };
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole));
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value);
}

/** Base class: every error the app raises on purpose is one of these. */
export class XieshangError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** Set on errors rebuilt from the vault worker's reply: what really failed there, for the log. */
  diagnosis?: { name: string; detail: string };
  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(formatErrorMessage(code, params));
    this.name = 'XieshangError';
    this.code = code;
    this.params = params;
  }
  toInfo(): ErrorInfo {
    return Object.keys(this.params).length > 0 ? { code: this.code, message: this.message, params: this.params } : { code: this.code, message: this.message };
  }
}

export class WrongPassphraseError extends XieshangError {
  constructor() {
    super('WRONG_PASSPHRASE');
    this.name = 'WrongPassphraseError';
  }
}
export class TooManyAttemptsError extends XieshangError {
  constructor(readonly retryAfterMs: number) {
    super('TOO_MANY_ATTEMPTS', { seconds: Math.ceil(retryAfterMs / 1000) });
    this.name = 'TooManyAttemptsError';
  }
}
export class PassphraseTooShortError extends XieshangError {
  constructor(min: number) {
    super('PASSPHRASE_TOO_SHORT', { min });
    this.name = 'PassphraseTooShortError';
  }
}
export class VaultMissingError extends XieshangError {
  constructor() {
    super('VAULT_MISSING');
    this.name = 'VaultMissingError';
  }
}
export class VaultExistsError extends XieshangError {
  constructor() {
    super('VAULT_EXISTS');
    this.name = 'VaultExistsError';
  }
}
export class VaultInUseError extends XieshangError {
  constructor() {
    super('VAULT_IN_USE');
    this.name = 'VaultInUseError';
  }
}
export class NotAVaultError extends XieshangError {
  constructor() {
    super('NOT_A_VAULT');
    this.name = 'NotAVaultError';
  }
}
export class VaultDamagedError extends XieshangError {
  constructor() {
    super('VAULT_DAMAGED');
    this.name = 'VaultDamagedError';
  }
}
export class VaultTooNewError extends XieshangError {
  constructor(found: number, supported: number) {
    super('VAULT_TOO_NEW', { found, supported });
    this.name = 'VaultTooNewError';
  }
}
export class VaultLockedError extends XieshangError {
  constructor() {
    super('VAULT_LOCKED');
    this.name = 'VaultLockedError';
  }
}
/** Params for a `{detail}` message: a sentence (older call sites) or a detail code. */
function detailParams(detail: string | Detail): ErrorParams {
  return typeof detail === 'string' ? { detail } : { ...detail.params, detailKey: detail.key };
}

export class UsageError extends XieshangError {
  constructor(detail: string | Detail) {
    super('USAGE', detailParams(detail));
    this.name = 'UsageError';
  }
}
export class BadInputError extends XieshangError {
  constructor(detail: string | Detail) {
    super('BAD_INPUT', detailParams(detail));
    this.name = 'BadInputError';
  }
}

/** A payment above what remains, not positive, or dated before the agreement (issue 11). */
export class PaymentRefusedError extends XieshangError {
  constructor(detail: string) {
    super('PAYMENT_REFUSED', { detail });
    this.name = 'PaymentRefusedError';
  }
}
/** An agreement whose installments do not add up to its total, or otherwise inconsistent. */
export class AgreementMismatchError extends XieshangError {
  constructor(detail: string) {
    super('AGREEMENT_MISMATCH', { detail });
    this.name = 'AgreementMismatchError';
  }
}
/** A file given to import-bill that is not an Alipay / WeChat Pay / bank bill we can read. */
export class NotABillError extends XieshangError {
  constructor(detail: string) {
    super('NOT_A_BILL', { detail });
    this.name = 'NotABillError';
  }
}

/** A contact with neither a counterparty nor any words (issue 10 item 9): nothing to show or cite. */
export class EmptyContactError extends XieshangError {
  /** `where`: which record, when several are given at once (e.g. "contacts[3]" in a case import). */
  constructor(where = '') {
    const at = where ? `${where} 的` : '';
    super('EMPTY_CONTACT', { missing: `${at}对方和联系内容`, missingTw: `${at}對方和聯繫內容`, missingEn: `${where ? `${where}: ` : ''}the other party and the content` });
    this.name = 'EmptyContactError';
  }
}

/** Turns anything thrown into the wire shape without leaking internals. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof XieshangError) return err.toInfo();
  if (isWireError(err)) return { code: err.code, message: err.message };
  return { code: 'INTERNAL', message: formatErrorMessage('INTERNAL') };
}

function isWireError(err: unknown): err is ErrorInfo {
  return typeof err === 'object' && err !== null && isErrorCode((err as { code?: unknown }).code) && typeof (err as { message?: unknown }).message === 'string';
}

/** Rebuilds a throwable from the wire shape (renderer side of IPC). */
export function fromErrorInfo(info: ErrorInfo): XieshangError {
  const err = new XieshangError(info.code, info.params ?? {});
  if (info.message) err.message = info.message;
  return err;
}

// issue 13 (faults)
export class VaultNeedsRecoveryError extends XieshangError {
  constructor() {
    super('VAULT_NEEDS_RECOVERY');
    this.name = 'VaultNeedsRecoveryError';
  }
}
/** A file of a known other kind (a photo, a PDF, a zip) picked as the vault; the kind in each language. */
export class NotAVaultKindError extends XieshangError {
  constructor(kind: { 'zh-CN': string; 'zh-TW': string; en: string }) {
    super('NOT_A_VAULT_KIND', { kind: kind['zh-CN'], kindTw: kind['zh-TW'], kindEn: kind.en });
    this.name = 'NotAVaultKindError';
  }
}
/** Random-looking bytes: a vault under another passphrase and a damaged file look the same (as in KeePassXC). */
export class WrongPassphraseOrDamagedError extends XieshangError {
  constructor() {
    super('WRONG_PASSPHRASE_OR_DAMAGED');
    this.name = 'WrongPassphraseOrDamagedError';
  }
}
export class BackupInvalidError extends XieshangError {
  constructor(detail: string) {
    super('BACKUP_INVALID', { detail });
    this.name = 'BackupInvalidError';
  }
}
