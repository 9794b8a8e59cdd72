import PDFDocument from 'pdfkit';
import type { PdfFont } from './fonts.ts';

const PAGE = { size: 'A4' as const, margin: 64 };
const INK = '#000000';
const GREY = '#555555';

/**
 * A letter on A4 with the few things provider documents need: a centred title, paragraphs, a two-column table of
 * facts, blanks to write on by hand, and the signature block. Chinese text throughout (the font is embedded).
 */
export class LetterWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(font: PdfFont, meta: { title: string; createdAt: Date; author: string }) {
    // The creation date comes from the application clock, like every other time in OpenBeian.
    this.doc = new PDFDocument({ size: PAGE.size, margin: PAGE.margin, info: { Title: meta.title, Author: meta.author, Creator: 'OpenBeian', CreationDate: meta.createdAt } });
    this.doc.registerFont('cjk', font.path, font.face);
    this.doc.font('cjk').fillColor(INK);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  private get width(): number {
    return this.doc.page.width - PAGE.margin * 2;
  }

  title(text: string, subtitle?: string): this {
    this.doc.fontSize(20).text(text, { align: 'center', characterSpacing: 2 });
    if (subtitle) this.doc.moveDown(0.2).fontSize(10).fillColor(GREY).text(subtitle, { align: 'center' }).fillColor(INK);
    this.doc.moveDown(1.2);
    return this;
  }

  /** "致：…" and similar lines, flush left. */
  line(text: string, options: { size?: number; gap?: number } = {}): this {
    this.doc.fontSize(options.size ?? 12).text(text, { lineGap: 4 });
    this.doc.moveDown(options.gap ?? 0.3);
    return this;
  }

  /** A paragraph with a two-character first-line indent, as Chinese letters are set. */
  paragraph(text: string): this {
    this.doc.fontSize(12).text(text, { lineGap: 6, align: 'justify', indent: 24 });
    this.doc.moveDown(0.6);
    return this;
  }

  /** Facts as a bordered two-column table; an empty value leaves room to write by hand. */
  table(rows: [string, string | null | undefined][]): this {
    const left = PAGE.margin;
    const labelWidth = 150;
    const valueWidth = this.width - labelWidth;
    this.doc.fontSize(11);
    for (const [label, value] of rows) {
      const shown = value && value.trim() !== '' ? value : ' ';
      const height = Math.max(26, this.doc.heightOfString(shown, { width: valueWidth - 16 }) + 14, this.doc.heightOfString(label, { width: labelWidth - 16 }) + 14);
      if (this.doc.y + height > this.doc.page.height - PAGE.margin) this.doc.addPage();
      const top = this.doc.y;
      this.doc.rect(left, top, labelWidth, height).fill('#f2f2f2').fillColor(INK);
      this.doc.lineWidth(0.6).strokeColor('#333333').rect(left, top, labelWidth, height).stroke().rect(left + labelWidth, top, valueWidth, height).stroke();
      this.doc.text(label, left + 8, top + 7, { width: labelWidth - 16 });
      this.doc.text(shown, left + labelWidth + 8, top + 7, { width: valueWidth - 16 });
      this.doc.x = left;
      this.doc.y = top + height;
    }
    this.doc.moveDown(1);
    return this;
  }

  /** Signature lines at the right: "法定代表人（签字）：________". */
  signatures(lines: string[]): this {
    this.doc.moveDown(1);
    const x = PAGE.margin + this.width * 0.42;
    for (const text of lines) {
      if (this.doc.y + 30 > this.doc.page.height - PAGE.margin) this.doc.addPage();
      this.doc.fontSize(12).text(text, x, this.doc.y, { width: this.width * 0.58 });
      this.doc.moveDown(1.1);
    }
    this.doc.x = PAGE.margin;
    return this;
  }

  /** A small grey note under the text: where the document came from and what to do with it. */
  note(text: string): this {
    this.doc.moveDown(1.5).fontSize(9).fillColor(GREY).text(text, PAGE.margin, this.doc.y, { width: this.width, lineGap: 2 }).fillColor(INK);
    return this;
  }

  finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
