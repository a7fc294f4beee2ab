// Named errors of the package builder. Each is a BadInputError (code BAD_INPUT, CLI exit 2)
// or the shared CANCELLED error, so it crosses IPC and the CLI as { code, message, params }
// without new codes in shared/errors.ts; `params.reason` tells the UI which one it is
// (e.g. 'exhibit-password' → ask for the password of params.exhibit), and the message is
// Chinese and names the exhibit. Never carries file contents or a password.
import { BadInputError, XieshangError, formatErrorMessage } from '../errors';

export type PackageErrorReason =
  'incomplete' | 'invalid-model' | 'exhibit-hash' | 'exhibit-password' | 'exhibit-damaged' | 'exhibit-empty' | 'exhibit-unreadable' | 'signature-image' | 'font';

/** Base: a bad input to the builder, with the reason and (for exhibits) the exhibit number. */
export class PackageInputError extends BadInputError {
  readonly reason: PackageErrorReason;
  readonly exhibit: number | undefined;
  constructor(reason: PackageErrorReason, detail: string, exhibit?: number) {
    super(detail);
    this.name = 'PackageInputError';
    this.reason = reason;
    this.exhibit = exhibit;
    this.params.reason = reason;
    if (exhibit !== undefined) this.params.exhibit = exhibit;
  }
}

/** Required content is missing: nothing is built; `missing` lists each item in Chinese. */
export class PackageIncompleteError extends PackageInputError {
  readonly missing: string[];
  constructor(missing: string[]) {
    super('incomplete', `申请书缺少必要内容，未生成：${missing.join('；')}`);
    this.name = 'PackageIncompleteError';
    this.missing = missing;
    this.params.missing = missing.join('；');
  }
}

/** The model does not have the documented shape (a programming error in the caller, or bad JSON). */
export class PackageModelError extends PackageInputError {
  readonly issues: string[];
  constructor(issues: string[]) {
    super('invalid-model', `申请书数据格式不对：${issues.join('；')}`);
    this.name = 'PackageModelError';
    this.issues = issues;
  }
}

const label = (n: number, title: string) => `证据 ${n}（${title}）`;

export class ExhibitHashMismatchError extends PackageInputError {
  constructor(n: number, title: string) {
    super('exhibit-hash', `${label(n, title)}的内容与登记的 SHA-256 不一致：文件已被改动或损坏，未生成`, n);
    this.name = 'ExhibitHashMismatchError';
  }
}

export class ExhibitPasswordRequiredError extends PackageInputError {
  readonly wrongPassword: boolean;
  constructor(n: number, title: string, wrongPassword: boolean) {
    super(
      'exhibit-password',
      wrongPassword ? `${label(n, title)}是加密的 PDF，提供的密码不对，请重新输入密码` : `${label(n, title)}是加密的 PDF，需要密码才能放入申请书，请提供它的打开密码`,
      n,
    );
    this.name = 'ExhibitPasswordRequiredError';
    this.wrongPassword = wrongPassword;
  }
}

export class ExhibitDamagedError extends PackageInputError {
  constructor(n: number, title: string, what: string) {
    super('exhibit-damaged', `${label(n, title)}已损坏或无法识别（${what}），未生成；请换一份完好的原件`, n);
    this.name = 'ExhibitDamagedError';
  }
}

export class ExhibitEmptyError extends PackageInputError {
  constructor(n: number, title: string) {
    super('exhibit-empty', `${label(n, title)}是空文件（0 字节），未生成`, n);
    this.name = 'ExhibitEmptyError';
  }
}

export class ExhibitUnreadableError extends PackageInputError {
  constructor(n: number, title: string, why: string) {
    super('exhibit-unreadable', `无法读取${label(n, title)}：${why}`, n);
    this.name = 'ExhibitUnreadableError';
  }
}

export class SignatureImageError extends PackageInputError {
  constructor(why: string) {
    super('signature-image', `签名图片无效：${why}（需要 PNG 或 JPEG 图片）`);
    this.name = 'SignatureImageError';
  }
}

export class PackageFontError extends PackageInputError {
  constructor(why: string) {
    super('font', `字体无法使用：${why}`);
    this.name = 'PackageFontError';
  }
}

/** The user cancelled (AbortSignal): nothing usable was produced. */
export class BuildCancelledError extends XieshangError {
  constructor() {
    super('CANCELLED');
    this.name = 'BuildCancelledError';
    this.message = formatErrorMessage('CANCELLED');
  }
}
