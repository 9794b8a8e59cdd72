import { existsSync } from 'node:fs';
import type { Config } from '../../core/config.ts';
import { AppError } from '../../core/errors.ts';

/** A CJK font pdfkit embeds (subset) in every document; a collection (.ttc) names its face by PostScript name. */
export type PdfFont = { path: string; face?: string };

/**
 * Debian's CJK fonts, smallest first: WenQuanYi Micro Hei (fonts-wqy-microhei, 1.6 MB, what CI installs) keeps a
 * letter near 30 KB; Noto Sans CJK (fonts-noto-cjk) is the fallback. OPENBEIAN_PDF_FONT overrides both.
 */
export const FONT_CANDIDATES: readonly PdfFont[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', face: 'NotoSansCJKsc-Regular' },
];

export function parseFontSetting(setting: string): PdfFont {
  const at = setting.lastIndexOf('#');
  return at > 0 ? { path: setting.slice(0, at), face: setting.slice(at + 1) } : { path: setting };
}

/** The font to use, or a clear refusal naming the setting and the Debian package. */
export function resolvePdfFont(config: Config): PdfFont {
  const candidates = config.pdfFont ? [parseFontSetting(config.pdfFont)] : FONT_CANDIDATES;
  const found = candidates.find((font) => existsSync(font.path));
  if (!found) throw new AppError('AFTERCARE_NOT_CONFIGURED', { setting: 'OPENBEIAN_PDF_FONT', hint: 'apt-get install fonts-wqy-microhei, or point OPENBEIAN_PDF_FONT at a CJK font' });
  return found;
}
