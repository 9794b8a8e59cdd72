import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectImage, type ImageInspection } from './inspect-image.ts';
import { bmp24, grayAsRgb, noiseImage, pngBomb, pngChunk, storedZip, withJpegComment } from './test-images.ts';

const codes = (result: ImageInspection): string[] => result.findings.map((item) => item.code);

let goodJpeg: Buffer;

beforeAll(async () => {
  goodJpeg = await noiseImage(700, 500).jpeg({ quality: 90 }).toBuffer();
});

describe('inspectImage: accepted images', () => {
  it('accepts a ~300 KB colour JPEG and returns a stripped copy with its hash', async () => {
    expect(goodJpeg.length).toBeGreaterThan(250_000);
    expect(goodJpeg.length).toBeLessThan(400_000);
    const result = await inspectImage(goodJpeg);
    expect(result).toMatchObject({
      ok: true,
      format: 'jpg',
      mime: 'image/jpeg',
      bytes: goodJpeg.length,
      width: 700,
      height: 500,
      colour: 'colour',
    });
    expect(result.findings).toEqual([]);
    expect(result.stripped).toBeInstanceOf(Buffer);
    expect(result.sha256).toBe(
      createHash('sha256')
        .update(result.stripped ?? Buffer.alloc(0))
        .digest('hex'),
    );
    expect(result.uploadSha256).toBe(createHash('sha256').update(goodJpeg).digest('hex'));
    expect((await sharp(result.stripped).metadata()).format).toBe('jpeg');
  });

  it('accepts a Uint8Array that is not a Buffer', async () => {
    const copy = new Uint8Array(goodJpeg.length);
    copy.set(goodJpeg);
    expect((await inspectImage(copy)).ok).toBe(true);
  });

  it('accepts a GIF', async () => {
    const gif = await noiseImage(600, 500).gif({ effort: 1 }).toBuffer(); // effort 1: quantising noise is slow
    const result = await inspectImage(gif);
    expect(result).toMatchObject({ ok: true, format: 'gif', mime: 'image/gif', colour: 'colour' });
    expect((await sharp(result.stripped).metadata()).format).toBe('gif');
  });

  it('removes EXIF (and every other metadata block) and applies the orientation to the pixels', async () => {
    const withExif = await noiseImage(700, 500)
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Copyright: 'secret owner', Make: 'TestCam' } })
      .withIccProfile('p3')
      .jpeg({ quality: 90 })
      .toBuffer();
    const before = await sharp(withExif).metadata();
    expect(before.exif?.length).toBeGreaterThan(0);
    expect(before.orientation).toBe(6);

    const result = await inspectImage(withExif);
    expect(result.ok).toBe(true);
    expect([result.width, result.height]).toEqual([500, 700]); // rotated 90° as the camera meant
    const after = await sharp(result.stripped).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect([after.width, after.height]).toEqual([500, 700]);
    expect(result.stripped?.includes(Buffer.from('secret owner'))).toBe(false);
  });

  it('accepts harmless trailing bytes after the JPEG end (phone trailers) and drops them', async () => {
    const padded = Buffer.concat([goodJpeg, Buffer.alloc(4096), Buffer.from('SEFHsamsung-trailer')]);
    const result = await inspectImage(padded);
    expect(result.ok).toBe(true);
    expect(result.stripped?.includes(Buffer.from('SEFH'))).toBe(false);
  });
});

describe('inspectImage: format', () => {
  it('refuses a BMP', async () => {
    const result = await inspectImage(bmp24(300, 300));
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(['MATERIAL_FORMAT']);
    expect(result.format).toBeUndefined();
    expect(result.stripped).toBeUndefined();
    expect(result.findings[0]?.message.en).toContain('BMP');
  });

  it('refuses a PDF renamed .jpg: the name is never consulted, only the bytes', async () => {
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
      Buffer.alloc(250_000, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const result = await inspectImage(pdf);
    expect(codes(result)).toEqual(['MATERIAL_FORMAT']);
    expect(result.findings[0]?.message.zh).toContain('PDF');
  });

  it('never throws on garbage or empty input', async () => {
    const empty = await inspectImage(Buffer.alloc(0));
    expect(empty.ok).toBe(false);
    expect(codes(empty)).toEqual(['MATERIAL_SIZE', 'MATERIAL_FORMAT']);
    const text = await inspectImage(Buffer.from('just some text, not an image at all'), { minBytes: 1 });
    expect(codes(text)).toEqual(['MATERIAL_FORMAT']);
  });
});

describe('inspectImage: size', () => {
  it('refuses a 150 KB image as too small, but still reads it so every problem is reported at once', async () => {
    const small = await noiseImage(500, 370).jpeg({ quality: 90 }).toBuffer();
    expect(small.length).toBeGreaterThan(130_000);
    expect(small.length).toBeLessThan(180_000);
    const result = await inspectImage(small);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(['MATERIAL_SIZE']);
    expect(result.findings[0]?.message.en).toContain('below the 200 KB minimum');
    expect(result.colour).toBe('colour');
  });

  it('refuses a 5 MB image as too large without decoding it', async () => {
    const large = await noiseImage(1300, 1300).png().toBuffer();
    expect(large.length).toBeGreaterThan(4_900_000);
    const result = await inspectImage(large);
    expect(codes(result)).toEqual(['MATERIAL_SIZE']);
    expect(result.findings[0]?.message.en).toContain('above the 4 MB limit');
    expect(result.format).toBe('png');
    expect(result.stripped).toBeUndefined();
  });

  it('honours custom limits', async () => {
    const result = await inspectImage(goodJpeg, { minBytes: 1, maxBytes: 100_000 });
    expect(codes(result)).toEqual(['MATERIAL_SIZE']);
  });
});

describe('inspectImage: colour', () => {
  it('flags a grayscale scan saved as 3-channel RGB JPEG (header says srgb, 3 channels)', async () => {
    const scan = await grayAsRgb(800, 600).jpeg({ quality: 90 }).toBuffer();
    const header = await sharp(scan).metadata();
    expect([header.space, header.channels]).toEqual(['srgb', 3]);
    const result = await inspectImage(scan);
    expect(result.colour).toBe('grayscale');
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([expect.objectContaining({ code: 'MATERIAL_NOT_COLOUR', severity: 'error' })]);
  });

  it('flags a 1-channel PNG', async () => {
    const png = await noiseImage(600, 500, 1).toColourspace('b-w').png().toBuffer();
    expect((await sharp(png).metadata()).channels).toBe(1);
    const result = await inspectImage(png);
    expect(result).toMatchObject({ format: 'png', colour: 'grayscale', ok: false });
    expect(codes(result)).toEqual(['MATERIAL_NOT_COLOUR']);
  });

  it('treats a gray page with a small red seal as colour', async () => {
    const page = await grayAsRgb(800, 600)
      .composite([
        { input: { create: { width: 120, height: 120, channels: 3, background: '#d01010' } }, left: 600, top: 420 },
      ])
      .jpeg({ quality: 90 })
      .toBuffer();
    const result = await inspectImage(page);
    expect(result).toMatchObject({ ok: true, colour: 'colour' });
  });
});

describe('inspectImage: hostile files', () => {
  it('refuses a 20000×20000 PNG bomb from its header, before decoding any pixel', async () => {
    const bomb = pngBomb(20_000, 20_000);
    expect(bomb.length).toBeLessThan(100_000); // 400 MP in ~50 KB
    const startedAt = performance.now();
    const result = await inspectImage(bomb, { minBytes: 1 });
    expect(codes(result)).toEqual(['MATERIAL_BOMB']);
    expect([result.width, result.height]).toEqual([20_000, 20_000]);
    expect(result.stripped).toBeUndefined();
    expect(result.colour).toBeUndefined();
    // Decoding 400 MP would take seconds and gigabytes; a header check takes milliseconds.
    expect(performance.now() - startedAt).toBeLessThan(2_000);
  });

  it('applies maxPixels to ordinary images too', async () => {
    const result = await inspectImage(goodJpeg, { maxPixels: 100_000 });
    expect(codes(result)).toEqual(['MATERIAL_BOMB']);
    expect(result.findings[0]?.message.en).toContain('0.1-megapixel limit');
  });

  it('refuses a JPEG with a ZIP appended (the classic JPEG/JAR polyglot)', async () => {
    const polyglot = Buffer.concat([goodJpeg, storedZip('payload.class', 'not really java')]);
    expect((await sharp(polyglot).metadata()).format).toBe('jpeg'); // decoders happily read it
    const result = await inspectImage(polyglot);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(['MATERIAL_POLYGLOT']);
    expect(result.findings[0]?.message.en).toContain('ZIP after the image end');
    expect(result.stripped).toBeUndefined();
  });

  it('refuses HTML hidden in a JPEG comment segment', async () => {
    const result = await inspectImage(withJpegComment(goodJpeg, '<SCRIPT>alert(document.cookie)</SCRIPT>'));
    expect(codes(result)).toEqual(['MATERIAL_POLYGLOT']);
    expect(result.findings[0]?.message.en).toContain('script in COM');
  });

  it('refuses a PNG with a PDF after IEND', async () => {
    const png = await noiseImage(300, 250).png().toBuffer();
    const result = await inspectImage(Buffer.concat([png, Buffer.from('%PDF-1.4\n%âãÏÓ\n')]));
    expect(codes(result)).toEqual(['MATERIAL_POLYGLOT']);
  });

  it('refuses a ZIP stored inside an ancillary PNG chunk and reachable from the end of the file', async () => {
    const png = await noiseImage(300, 250).png().toBuffer();
    const iend = png.subarray(png.length - 12);
    const zip = storedZip('a.txt', 'hidden');
    const result = await inspectImage(Buffer.concat([png.subarray(0, png.length - 12), pngChunk('zzZz', zip), iend]));
    expect(codes(result)).toEqual(['MATERIAL_POLYGLOT']);
    expect(result.findings[0]?.message.en).toContain('ZIP in zzZz');
  });

  it('reports a truncated JPEG as unreadable', async () => {
    const result = await inspectImage(goodJpeg.subarray(0, goodJpeg.length - 20_000));
    expect(codes(result)).toEqual(['MATERIAL_UNREADABLE']);
    expect(result.format).toBe('jpg');
  });

  it('reports an image whose header is corrupt as unreadable', async () => {
    const broken = Buffer.from(goodJpeg);
    broken.fill(0x00, 4, 600); // wipe the first segments, keep the SOI + APP0 marker signature
    const result = await inspectImage(broken);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(['MATERIAL_UNREADABLE']);
  });
});
