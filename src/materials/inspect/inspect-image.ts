// Inspection of one uploaded material image, before anything is stored.
//
// Order matters, cheapest and safest first, and nothing is decoded until the file has earned it:
//   1. size on the raw bytes (the rule is about the upload, not about our re-encode);
//   2. the real type from magic bytes (file-type), never from the file name or the client's MIME type;
//   3. the container walk: polyglots (see polyglot.ts) and header/file-type/sharp disagreements;
//   4. header dimensions via sharp.metadata() (header only) against maxPixels: decompression bombs;
//   5. decode with limitInputPixels as a second fence, auto-orient, re-encode with ALL metadata dropped
//      (EXIF with GPS, XMP, IPTC, ICC, comments), hash that copy: it is the only copy we ever store or serve;
//   6. colour versus grayscale (colour.ts).
// It never throws: every failure becomes a finding, so callers can show the applicant what to fix.
import { createHash } from 'node:crypto';
import { loadFileType, loadSharp } from './lazy-modules.ts';
import { isGrayscaleByHeader, judgeColour, measureChroma } from './colour.ts';
import { findings, type MaterialFinding } from './findings.ts';
import { headerFormat, readLayout, type ImageFormat } from './layout.ts';
import { detectHiddenPayload } from './polyglot.ts';

export const DEFAULT_MIN_BYTES = 204_800; // 200 KB, filing rule [003 §1]
export const DEFAULT_MAX_BYTES = 4_194_304; // 4 MB, filing rule [003 §1]
/** 40 MP: well above any phone camera or 600 dpi A4 scan (≈35 MP), far below what exhausts memory. */
export const DEFAULT_MAX_PIXELS = 40_000_000;

export interface InspectImageOptions {
  minBytes?: number;
  maxBytes?: number;
  maxPixels?: number;
}

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/gif';

export interface ImageInspection {
  /** True when there is no finding of severity 'error'. */
  ok: boolean;
  format?: ImageFormat;
  mime?: ImageMime;
  /** Size of the upload as received (the re-encoded copy may differ). */
  bytes: number;
  /** Dimensions as displayed, i.e. after EXIF orientation is applied. */
  width?: number;
  height?: number;
  colour?: 'colour' | 'grayscale';
  /** sha256 (hex) of the stripped copy; when no copy could be made, of the upload (then equal to uploadSha256). */
  sha256: string;
  /** sha256 (hex) of the upload as received, for audit and duplicate detection. */
  uploadSha256: string;
  /** The re-encoded copy without any metadata: the bytes to store. Absent when the file was refused unread. */
  stripped?: Buffer;
  findings: MaterialFinding[];
}

const MIME_BY_FORMAT: Record<ImageFormat, ImageMime> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif' };
const SHARP_FORMAT: Record<ImageFormat, string> = { jpg: 'jpeg', png: 'png', gif: 'gif' };

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function toBuffer(input: Uint8Array | Buffer): Buffer {
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

export async function inspectImage(
  input: Uint8Array | Buffer,
  options: InspectImageOptions = {},
): Promise<ImageInspection> {
  const bytes = toBuffer(input);
  const uploadSha256 = sha256Hex(bytes);
  const base = { bytes: bytes.length, sha256: uploadSha256, uploadSha256 };
  try {
    return await inspect(bytes, options, base);
  } catch {
    // Defensive: libvips or a parser failing in a way we did not foresee is still "cannot read this image".
    return { ...base, ok: false, findings: [findings.unreadable()] };
  }
}

type Base = Pick<ImageInspection, 'bytes' | 'sha256' | 'uploadSha256'>;

async function inspect(bytes: Buffer, options: InspectImageOptions, base: Base): Promise<ImageInspection> {
  const minBytes = positiveOr(options.minBytes, DEFAULT_MIN_BYTES);
  const maxBytes = positiveOr(options.maxBytes, DEFAULT_MAX_BYTES);
  const maxPixels = positiveOr(options.maxPixels, DEFAULT_MAX_PIXELS);
  const found: MaterialFinding[] = [];
  const finish = (extra: Partial<ImageInspection> = {}): ImageInspection => ({
    ...base,
    ...extra,
    ok: !found.some((item) => item.severity === 'error'),
    findings: found,
  });

  if (bytes.length < minBytes) found.push(findings.tooSmall(bytes.length, minBytes));
  const isTooLarge = bytes.length > maxBytes;
  if (isTooLarge) found.push(findings.tooLarge(bytes.length, maxBytes));

  const [sharp, { fileTypeFromBuffer }] = await Promise.all([loadSharp(), loadFileType()]);
  const sniffed = await fileTypeFromBuffer(bytes).catch(() => undefined);
  const format = toImageFormat(sniffed?.ext);
  const announced = headerFormat(bytes);
  if (!format) {
    // An image header that file-type reads as something else is a disguise, not merely a wrong format.
    found.push(
      announced
        ? findings.polyglot(`${describeType(sniffed?.ext)} behind a ${announced.toUpperCase()} header`)
        : findings.wrongFormat(describeType(sniffed?.ext)),
    );
    return finish();
  }
  const identity = { format, mime: MIME_BY_FORMAT[format] };
  if (announced !== format) {
    found.push(findings.polyglot(`${format.toUpperCase()} content behind a ${describeType(announced)} header`));
    return finish(identity);
  }
  // Past this point the upload is read for real; an oversized one is refused without spending the work.
  if (isTooLarge) return finish(identity);

  const hidden = await detectHiddenPayload(bytes, readLayout(bytes, format));
  if (hidden) {
    found.push(findings.polyglot(hidden));
    return finish(identity);
  }

  // metadata() reads the header only. It must run without limitInputPixels: sharp 0.35 applies the pixel
  // limit even to metadata() and then throws, which would hide the dimensions we want to report.
  const header = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch(() => undefined);
  if (!header || !header.width || !header.height) {
    found.push(findings.unreadable());
    return finish(identity);
  }
  if (header.format !== SHARP_FORMAT[format]) {
    found.push(findings.polyglot(`${header.format} decoder behind a ${format.toUpperCase()} signature`));
    return finish(identity);
  }
  if (header.width * header.height > maxPixels) {
    found.push(findings.bomb(header.width, header.height, maxPixels));
    return finish({ ...identity, width: header.width, height: header.height });
  }

  const decoded = await stripMetadata(bytes, format, maxPixels).catch(() => undefined);
  if (!decoded) {
    found.push(findings.unreadable());
    return finish(identity);
  }
  const colour = await judgeImageColour(bytes, header, maxPixels);
  if (colour.colour === 'grayscale') found.push(findings.notColour(colour.isCertain));
  return finish({
    ...identity,
    width: decoded.width,
    height: decoded.height,
    colour: colour.colour,
    sha256: sha256Hex(decoded.data),
    stripped: decoded.data,
  });
}

function toImageFormat(ext: string | undefined): ImageFormat | undefined {
  return ext === 'jpg' || ext === 'png' || ext === 'gif' ? ext : undefined;
}

function describeType(ext: string | undefined): string {
  return ext ? ext.toUpperCase() : 'unrecognised data';
}

/**
 * Decode, apply the EXIF orientation to the pixels, and re-encode in the same format. sharp writes no metadata
 * unless asked (no keepExif/keepIccProfile/withMetadata here), and converts to sRGB, so nothing survives but
 * pixels. JPEG quality 90 keeps small print on certificates legible. Animated GIFs keep their first frame: a
 * material is one still image.
 */
async function stripMetadata(
  bytes: Buffer,
  format: ImageFormat,
  maxPixels: number,
): Promise<{ data: Buffer; width: number; height: number }> {
  const sharp = await loadSharp();
  const pipeline = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
  const encoded =
    format === 'jpg' ? pipeline.jpeg({ quality: 90 }) : format === 'png' ? pipeline.png() : pipeline.gif();
  const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function judgeImageColour(
  bytes: Buffer,
  header: { space?: string | undefined; channels?: number | undefined },
  maxPixels: number,
): Promise<ReturnType<typeof judgeColour>> {
  if (isGrayscaleByHeader(header)) return { colour: 'grayscale', isCertain: true };
  return judgeColour(await measureChroma(bytes, maxPixels));
}
