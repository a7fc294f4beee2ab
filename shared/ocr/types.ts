// The shape of recognised text, shared by the OCR engine (main), the vault, the preview overlay and the
// screenshot parsers. Boxes are in image pixels of the image as stored (after EXIF rotation), lines in reading order.

export interface OcrLine {
  text: string;
  box: { x: number; y: number; w: number; h: number };
  confidence: number;
}

export interface OcrResult {
  engine: string;
  width: number;
  height: number;
  lines: OcrLine[];
  ms: number;
}
