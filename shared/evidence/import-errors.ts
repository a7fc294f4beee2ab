// Why one file was not imported. Each code has a Chinese message for the CLI and the
// import report; the UI shows its own translation (renderer/locales/evidence). Isomorphic.

export const IMPORT_ERROR_MESSAGES = {
  EMPTY_FILE: '文件是空的（0 字节），没有导入',
  FILE_TOO_LARGE: '文件超过 2 GB 的上限，没有导入',
  NOT_FOUND: '找不到这个文件',
  UNREADABLE: '无法读取这个文件（没有权限，或被其他程序占用）',
  NOT_A_FILE: '这不是普通文件（可能是设备或管道），没有导入',
  SYMLINK_LOOP: '文件夹中的快捷方式（链接）绕成了圈，已跳过',
  SYMLINK_OUTSIDE: '这是指向所选文件夹以外的快捷方式（链接），为安全起见没有导入',
  CHANGED_DURING_IMPORT: '文件在导入过程中被修改了，没有导入，请重新导入',
  SIZE_MISMATCH: '收到的数据与文件大小不符，没有导入',
  CANCELLED: '已取消，这个文件没有导入',
  INTERNAL: '导入时出错，没有留下任何数据',
} as const;

export type ImportErrorCode = keyof typeof IMPORT_ERROR_MESSAGES;
export const IMPORT_ERROR_CODES = Object.keys(IMPORT_ERROR_MESSAGES) as ImportErrorCode[];

export interface ImportError {
  code: ImportErrorCode;
  message: string;
}

export function importError(code: ImportErrorCode): ImportError {
  return { code, message: IMPORT_ERROR_MESSAGES[code] };
}
