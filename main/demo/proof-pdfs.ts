// The story's proofs (unemployment, work, income, bank statement) as PDFs typeset with the
// shipped font, each with a visible 示例 mark so no one mistakes them for real documents.
import { PDFDocument, rgb } from '@cantoo/pdf-lib';
import { fontkitOnce } from '../../shared/pdf/fontkit-once';
import { notoSansScBytes } from './font';
import type { proofs } from './story';

type Proof = (typeof proofs)[number];

export async function proofPdf(proof: Proof): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkitOnce);
  const font = await doc.embedFont(notoSansScBytes(), { subset: true });
  doc.setTitle(`${proof.title}（示例）`);
  doc.setAuthor(proof.issuer);
  doc.setLanguage('zh-CN');
  // Dated the day it was issued, not the day the demo was made: the evidence list shows this
  // date as the document's (形成日期), next to the date printed on it.
  const issued = new Date(`${proof.date}T10:00:00+08:00`);
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  const page = doc.addPage([595.28, 841.89]);
  const title = proof.title;
  page.drawText(title, { x: (595.28 - font.widthOfTextAtSize(title, 20)) / 2, y: 760, size: 20, font });
  let y = 700;
  for (const line of proof.body) {
    page.drawText(line, { x: 64, y, size: 12, font, color: rgb(0.1, 0.1, 0.1) });
    y -= 26;
  }
  page.drawText(proof.issuer, { x: 330, y: y - 60, size: 12, font });
  page.drawText(proof.date, { x: 330, y: y - 84, size: 12, font });
  page.drawCircle({ x: 400, y: y - 70, size: 46, borderColor: rgb(0.8, 0.1, 0.1), borderWidth: 2, opacity: 0 });
  page.drawText('示例 · 虚构文件', { x: 64, y: 60, size: 10, font, color: rgb(0.75, 0.1, 0.1) });
  return Buffer.from(await doc.save());
}
