import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

/** A PDF as a person sees it: its text (pdftotext, poppler-utils) and its first page as an image (pdftoppm). */
export async function readPdf(bytes: Buffer): Promise<{ text: string; pages: number; firstPage: Buffer; inkShare: number; fonts: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'openbeian-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, bytes);
    const text = run('pdftotext', ['-layout', file, '-']);
    const info = run('pdfinfo', [file]);
    const fonts = run('pdffonts', [file]);
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const png = readdirSync(dir).find((name) => name.startsWith('page') && name.endsWith('.png'));
    if (!png) throw new Error('pdftoppm wrote no page');
    const firstPage = readFileSync(join(dir, png));
    // Share of pixels that are clearly not paper: text, lines and table shading.
    const { data, info: raw } = await sharp(firstPage).greyscale().raw().toBuffer({ resolveWithObject: true });
    let ink = 0;
    for (const value of data) if (value < 160) ink += 1;
    return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0), firstPage, inkShare: ink / (raw.width * raw.height), fonts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr || result.error?.message}`);
  return result.stdout;
}

/** pdftotext lays text out in columns; spaces and line breaks it adds say nothing about the document. */
export const squashed = (text: string): string => text.replace(/\s+/g, '');
