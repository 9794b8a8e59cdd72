// Colour or grayscale? The filing rules refuse black-and-white scans and photocopies, but scanners and phones
// often save a grayscale image as 3-channel RGB (sharp reports `srgb`, 3 channels), so the header alone cannot
// tell. We downscale to at most 128×128 and measure chroma = max(R,G,B) − min(R,G,B) per pixel:
//  - a grayscale image stored as RGB has chroma ≈ 0 everywhere (JPEG chroma rounding gives 0–2);
//  - a colour scan of a mostly white document still has coloured areas (red seal, national emblem, photo):
//    even a 4 cm seal on A4 is about 2 % of the page, so we look at the SHARE of clearly coloured pixels, not
//    only the mean, which a white page drags towards zero.
// Thresholds (8-bit levels): a pixel is "clearly coloured" when its chroma exceeds 24; an image is grayscale
// when its mean chroma is below 3 AND fewer than 0.5 % of pixels are clearly coloured. Under 0.05 % the call is
// certain (an error); between 0.05 % and 0.5 % it may be a colour scan with a tiny stamp, so it is a warning a
// reviewer can overrule. Tune against real scans: `measureChroma` is exported for exactly that.
import { loadSharp } from './lazy-modules.ts';

export const COLOURED_PIXEL_CHROMA = 24;
export const GRAYSCALE_MEAN_CHROMA = 3;
export const GRAYSCALE_MAX_COLOURED_SHARE = 0.005;
export const CERTAIN_GRAYSCALE_COLOURED_SHARE = 0.0005;
const SAMPLE_EDGE = 128;

export interface ChromaStats {
  meanChroma: number;
  colouredShare: number;
}

export type ColourVerdict = { colour: 'colour' } | { colour: 'grayscale'; isCertain: boolean };

export async function measureChroma(bytes: Buffer, limitInputPixels: number): Promise<ChromaStats> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(bytes, { limitInputPixels, failOn: 'error' })
    .resize(SAMPLE_EDGE, SAMPLE_EDGE, { fit: 'inside', withoutEnlargement: true })
    // Transparent pixels may hold any RGB; judge what a viewer sees on white paper.
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  const pixelCount = info.width * info.height;
  if (channels < 3 || pixelCount === 0) return { meanChroma: 0, colouredShare: 0 };
  let chromaSum = 0;
  let colouredPixels = 0;
  for (let offset = 0; offset < pixelCount * channels; offset += channels) {
    const red = data[offset] ?? 0;
    const green = data[offset + 1] ?? 0;
    const blue = data[offset + 2] ?? 0;
    const chroma = Math.max(red, green, blue) - Math.min(red, green, blue);
    chromaSum += chroma;
    if (chroma > COLOURED_PIXEL_CHROMA) colouredPixels += 1;
  }
  return { meanChroma: chromaSum / pixelCount, colouredShare: colouredPixels / pixelCount };
}

export function judgeColour(stats: ChromaStats): ColourVerdict {
  if (stats.meanChroma >= GRAYSCALE_MEAN_CHROMA || stats.colouredShare >= GRAYSCALE_MAX_COLOURED_SHARE) {
    return { colour: 'colour' };
  }
  return { colour: 'grayscale', isCertain: stats.colouredShare < CERTAIN_GRAYSCALE_COLOURED_SHARE };
}

/** Header says one or two channels (gray, gray+alpha) or the b-w space: grayscale without measuring. */
export function isGrayscaleByHeader(metadata: { space?: string | undefined; channels?: number | undefined }): boolean {
  return metadata.space === 'b-w' || metadata.space === 'grey16' || (metadata.channels ?? 3) <= 2;
}
