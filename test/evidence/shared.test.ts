// The isomorphic evidence helpers: capture time from phone file names, EXIF and PDF dates;
// category guesses; text and email decoding; types and what may be served.
import { describe, it, expect } from 'vitest';
import { timeFromExif, timeFromFileName, timeFromPdfDate } from '../../shared/evidence/capture-time';
import { beijingDayBounds, isoWithOffset, parseIsoTime } from '../../shared/time/beijing';
import { guessCategory } from '../../shared/evidence/guess';
import { decodeText, sniffTextType } from '../../shared/evidence/text';
import { decodeHeader, htmlToText, parseEmail } from '../../shared/evidence/email';
import { extensionLies, kindOfMime, servedContentType } from '../../shared/evidence/media';
import { decodeImportLabel, encodeImportLabel } from '../../shared/evidence/progress';
import { EVIDENCE_CATEGORIES, isEvidenceCategory } from '../../shared/evidence/categories';

const at = (name: string) => {
  const t = timeFromFileName(name);
  return t ? isoWithOffset(t.ms) : null;
};

describe('capture time from file names', () => {
  it.each([
    ['Screenshot_20241018-143022.png', '2024-10-18T14:30:22+08:00'],
    ['Screenshot_2024-10-18-14-30-22-123_com.tencent.mm.jpg', '2024-10-18T14:30:22+08:00'],
    ['Screenshot_20241018_143022_com.eg.android.AlipayGphone.jpg', '2024-10-18T14:30:22+08:00'],
    ['IMG_20241018_143022.jpg', '2024-10-18T14:30:22+08:00'],
    ['微信图片_20241018143022.jpg', '2024-10-18T14:30:22+08:00'],
    ['mmexport1729232422000.jpg', '2024-10-18T14:20:22+08:00'],
    ['wx_camera_1729232422000.jpg', '2024-10-18T14:20:22+08:00'],
    ['PXL_20241018_063022123.jpg', '2024-10-18T14:30:22+08:00'],
    ['Screenshot 2024-10-18 at 14.30.22.png', '2024-10-18T14:30:22+08:00'],
    ['Screen Shot 2024-10-18 at 2.30.22 PM.png', '2024-10-18T14:30:22+08:00'],
    ['截屏2024-10-18 下午2.30.22.png', '2024-10-18T14:30:22+08:00'],
    // Call recordings (domain.md §8).
    ['95188(95188)_20241018143022.mp3', '2024-10-18T14:30:22+08:00'],
    ['95188_20241018143022.m4a', '2024-10-18T14:30:22+08:00'],
    ['通话录音 95188 2024-10-18 14-30-22.m4a', '2024-10-18T14:30:22+08:00'],
    ['Call@95188(00861095188)_20241018143022.amr', '2024-10-18T14:30:22+08:00'],
    ['13800138000_20241018143022.mp3', '2024-10-18T14:30:22+08:00'],
  ])('%s → %s', (name, iso) => {
    expect(at(name)).toBe(iso);
  });

  it('gives nothing for names without a real date (or a date in the future)', () => {
    for (const name of ['IMG_0001.jpg', '账单.pdf', '20241332_250000.jpg', '13800138000.mp3', 'Screenshot_20991018-143022.png', 'mmexport123.jpg']) {
      expect(at(name), name).toBeNull();
    }
  });

  it('EXIF and PDF dates; Beijing time when no zone is given', () => {
    expect(isoWithOffset(timeFromExif('2024:10:18 14:30:22')!)).toBe('2024-10-18T14:30:22+08:00');
    expect(isoWithOffset(timeFromExif('2024:10:18 14:30:22', '+00:00')!)).toBe('2024-10-18T22:30:22+08:00');
    expect(timeFromExif('0000:00:00 00:00:00')).toBeNull();
    expect(isoWithOffset(timeFromPdfDate("D:20241018143022+08'00'")!)).toBe('2024-10-18T14:30:22+08:00');
    expect(isoWithOffset(timeFromPdfDate('D:20241018063022Z')!)).toBe('2024-10-18T14:30:22+08:00');
    expect(isoWithOffset(timeFromPdfDate('D:20241018')!)).toBe('2024-10-18T00:00:00+08:00');
    expect(timeFromPdfDate('yesterday')).toBeNull();
    expect(isoWithOffset(parseIsoTime('2024-10-18 14:30')!)).toBe('2024-10-18T14:30:00+08:00');
    expect(isoWithOffset(parseIsoTime('2024-10-18T06:30:22Z')!)).toBe('2024-10-18T14:30:22+08:00');
    expect(parseIsoTime('2024-02-30')).toBeNull();
    expect(beijingDayBounds('2024-10-18')).toEqual({ start: Date.UTC(2024, 9, 17, 16), end: Date.UTC(2024, 9, 18, 16) - 1 });
  });
});

describe('category guesses', () => {
  it('from names, types and text', () => {
    const g = (name: string, kind: Parameters<typeof guessCategory>[0]['kind'] = 'pdf', text: string | null = null) => guessCategory({ name, kind, mime: '', text });
    expect(g('Screenshot_20241018-143022.png', 'image')).toBe('chat_screenshot');
    expect(g('微信图片_20241018143022.jpg', 'image')).toBe('chat_screenshot');
    expect(g('IMG_0001.jpg', 'image')).toBe('other');
    expect(g('95188_20241018143022.m4a', 'audio')).toBe('call_recording');
    expect(g('劳动合同.pdf')).toBe('work_proof');
    expect(g('个人借款合同.pdf')).toBe('contract');
    expect(g('分期还款协议.pdf')).toBe('agreement');
    expect(g('招商银行流水.pdf')).toBe('bank_statement');
    expect(g('花呗账单2024-10.pdf')).toBe('bill');
    expect(g('收入证明.jpg', 'image')).toBe('income_proof');
    expect(g('住院病历.pdf')).toBe('medical_proof');
    expect(g('离职证明.pdf')).toBe('unemployment_proof');
    expect(g('身份证正面.jpg', 'image')).toBe('id_document');
    expect(g('律师函.pdf')).toBe('collection_notice');
    expect(g('scan001.pdf', 'pdf', '个人借款合同 甲方')).toBe('contract');
    expect(g('backup.xml', 'text', '<?xml version="1.0"?><smses count="2">')).toBe('sms');
    expect(guessCategory({ name: 'x.eml', kind: 'email', mime: 'message/rfc822' })).toBe('email');
    expect(EVIDENCE_CATEGORIES).toHaveLength(15);
    expect(isEvidenceCategory('bill')).toBe(true);
    expect(isEvidenceCategory('__proto__')).toBe(false);
  });
});

describe('text and email', () => {
  it('decodes UTF-8 (with BOM), GB18030 and UTF-16; binary is not text', () => {
    expect(decodeText(new TextEncoder().encode('\uFEFF申请减免'))).toEqual({ text: '申请减免', encoding: 'utf-8' });
    const gbk = Uint8Array.from([0xc9, 0xea, 0xc7, 0xeb, 0xbc, 0xf5, 0xc3, 0xe2]); // 申请减免 in GBK
    expect(decodeText(gbk)).toEqual({ text: '申请减免', encoding: 'gb18030' });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x35, 0x75]))?.text).toBe('电');
    expect(decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toBeNull();
    expect(sniffTextType('<!DOCTYPE html><html>')).toBe('text/html');
    expect(sniffTextType('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">')).toBe('image/svg+xml');
    expect(sniffTextType('From: a@b.c\nSubject: hi\n\nbody')).toBe('message/rfc822');
    expect(sniffTextType('Subject line in a note: not an email')).toBe('text/plain');
  });

  it('reads encoded-word headers, quoted-printable and GBK bodies; HTML is reduced to words', () => {
    expect(decodeHeader('=?UTF-8?B?5YKs5qy+?= =?UTF-8?Q?=E9=80=9A=E7=9F=A5?=')).toBe('催款通知');
    const raw = [
      'Subject: =?GB2312?B?0+LG2g==?=',
      'Content-Type: text/plain; charset=gbk',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '=C9=EA=C7=EB=BC=F5=C3=E2=\r\n!',
    ].join('\r\n');
    const mail = parseEmail(raw);
    expect(mail.subject).toBe('逾期');
    expect(mail.body).toBe('申请减免!');
    expect(htmlToText('<p>你好</p><script>alert(1)</script><b>&lt;b&gt;</b>')).toBe('你好\n<b>');
  });
});

describe('types', () => {
  it('kinds, served types (never HTML or SVG), lying extensions', () => {
    expect(kindOfMime('image/heic')).toBe('image');
    expect(kindOfMime('image/svg+xml')).toBe('text');
    expect(kindOfMime('application/x-msdownload')).toBe('other');
    expect(servedContentType('image/png')).toBe('image/png');
    expect(servedContentType('audio/wav')).toBe('audio/wav');
    for (const m of ['text/html', 'image/svg+xml', 'application/x-msdownload', 'text/plain', 'image/heic', 'application/xml']) {
      expect(servedContentType(m), m).toBe('application/octet-stream');
    }
    expect(extensionLies('photo.jpg', 'application/pdf')).toBe(true);
    expect(extensionLies('setup.png', 'application/x-msdownload')).toBe(true);
    expect(extensionLies('a.JPEG', 'image/jpeg')).toBe(false);
    expect(extensionLies('no-extension', 'image/png')).toBe(false);
  });

  it('progress labels round-trip', () => {
    const p = { file: 3, files: 10, fileDone: 5, fileTotal: 9, name: '微信 | 图片/1.png' };
    expect(decodeImportLabel(encodeImportLabel(p))).toEqual(p);
    expect(decodeImportLabel('garbage')).toBeNull();
  });
});
