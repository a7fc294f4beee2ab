// Reading a file the user named: only a regular file, and never more than a cap. /dev/zero
// (or a link to it) was read without limit until the process ran out of memory; a FIFO made
// `import-sms`, `case import` and `--passphrase-file` wait forever (the first while holding
// the vault's writer lock). The open is non-blocking, so a FIFO never waits for a writer,
// and fstat on the open descriptor decides (no gap between the check and the read).
import fs from 'node:fs';
import { BadInputError } from '../shared/errors';

const O_READ = fs.constants.O_RDONLY | (process.platform === 'win32' ? 0 : (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0));

export class NotRegularFileError extends BadInputError {
  constructor(label: string) {
    super(`${label} 不是普通文件（是文件夹、设备或管道），没有读取`);
    this.name = 'NotRegularFileError';
  }
}

export class InputTooLargeError extends BadInputError {
  constructor(label: string, size: number, max: number) {
    super(`${label} 太大（${size} 字节，上限 ${max} 字节），没有读取`);
    this.name = 'InputTooLargeError';
  }
}

/** Opens a regular file for reading; the caller closes the descriptor. Throws the fs error when it cannot be opened. */
export function openRegularFile(file: string, label = file): { fd: number; stat: fs.Stats } {
  const fd = fs.openSync(file, O_READ);
  let stat: fs.Stats;
  try {
    stat = fs.fstatSync(fd);
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
  if (!stat.isFile()) {
    fs.closeSync(fd);
    throw new NotRegularFileError(label);
  }
  return { fd, stat };
}

/**
 * The whole content of a regular file of at most maxBytes. Reads the size fstat gave and no
 * further, so a file that grows meanwhile cannot make it read without end.
 */
export function readRegularFile(file: string, maxBytes: number, label = file): Buffer {
  let opened: { fd: number; stat: fs.Stats };
  try {
    opened = openRegularFile(file, label);
  } catch (err) {
    if (err instanceof BadInputError) throw err;
    throw new BadInputError(`无法读取文件 ${label}`);
  }
  const { fd, stat } = opened;
  try {
    if (stat.size > maxBytes) throw new InputTooLargeError(label, stat.size, maxBytes);
    const buf = Buffer.alloc(stat.size);
    let got = 0;
    while (got < buf.length) {
      const n = fs.readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}
