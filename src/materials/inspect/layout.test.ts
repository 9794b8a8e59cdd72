import { describe, expect, it } from 'vitest';
import { judgeColour } from './colour.ts';
import { headerFormat, readLayout } from './layout.ts';
import { detectHiddenPayload } from './polyglot.ts';
import { noiseImage, storedZip, withJpegComment } from './test-images.ts';

describe('readLayout', () => {
  it.each([
    ['baseline JPEG', () => noiseImage(64, 48).jpeg().toBuffer(), 'jpg'],
    [
      'progressive JPEG with EXIF (its thumbnail has its own end marker)',
      () =>
        noiseImage(64, 48)
          .withExif({ IFD0: { Make: 'x' } })
          .jpeg({ progressive: true })
          .toBuffer(),
      'jpg',
    ],
    ['PNG', () => noiseImage(64, 48).png().toBuffer(), 'png'],
    ['GIF', () => noiseImage(64, 48).gif({ effort: 1 }).toBuffer(), 'gif'],
  ] as const)('finds the true end of a %s', async (_name, build, format) => {
    const bytes = await build();
    expect(headerFormat(bytes)).toBe(format);
    expect(readLayout(bytes, format).imageEnd).toBe(bytes.length);
    expect(await detectHiddenPayload(bytes, readLayout(bytes, format))).toBeUndefined();
  });

  it('lists JPEG comment segments as non-pixel ranges', async () => {
    const bytes = withJpegComment(await noiseImage(64, 48).jpeg().toBuffer(), 'scanned by X');
    const layout = readLayout(bytes, 'jpg');
    expect(layout.sideRanges.map((range) => range.label)).toContain('COM');
    expect(layout.imageEnd).toBe(bytes.length);
  });

  it('reports no end for a truncated file', async () => {
    const bytes = await noiseImage(64, 48).png().toBuffer();
    expect(readLayout(bytes.subarray(0, bytes.length - 6), 'png').imageEnd).toBeUndefined();
  });

  it('finds a ZIP after a GIF trailer', async () => {
    const gif = await noiseImage(64, 48).gif({ effort: 1 }).toBuffer();
    const bytes = Buffer.concat([gif, storedZip('x.txt', 'x')]);
    expect(await detectHiddenPayload(bytes, readLayout(bytes, 'gif'))).toBe('ZIP after the image end');
  });

  it('recognises a trailing executable by its short signature only at the trailer start', async () => {
    const jpeg = await noiseImage(64, 48).jpeg().toBuffer();
    const exe = Buffer.concat([jpeg, Buffer.from('MZ\x90\x00rest', 'latin1')]);
    expect(await detectHiddenPayload(exe, readLayout(exe, 'jpg'))).toBe('EXE after the image end');
    const notExe = Buffer.concat([jpeg, Buffer.from('\x00\x00MZ', 'latin1')]);
    expect(await detectHiddenPayload(notExe, readLayout(notExe, 'jpg'))).toBeUndefined();
  });
});

describe('judgeColour thresholds', () => {
  it.each([
    [
      { meanChroma: 0, colouredShare: 0 },
      { colour: 'grayscale', isCertain: true },
    ],
    [
      { meanChroma: 2.9, colouredShare: 0.0004 },
      { colour: 'grayscale', isCertain: true },
    ],
    [
      { meanChroma: 2.9, colouredShare: 0.002 },
      { colour: 'grayscale', isCertain: false },
    ],
    [{ meanChroma: 2.9, colouredShare: 0.005 }, { colour: 'colour' }],
    [{ meanChroma: 3, colouredShare: 0 }, { colour: 'colour' }],
    [{ meanChroma: 80, colouredShare: 0.9 }, { colour: 'colour' }],
  ])('%o → %o', (stats, verdict) => {
    expect(judgeColour(stats)).toEqual(verdict);
  });
});
