// A bill CSV's bytes → text: UTF-8 (with or without BOM) when the bytes are valid UTF-8,
// otherwise GBK (Alipay's export). TextDecoder's 'gbk' is WHATWG's (a GB18030 superset),
// available in Node (full ICU) and Chromium, so no extra dependency.
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-8-bom' | 'gbk';
}

export function decodeBillBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}
