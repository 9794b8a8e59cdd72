// Container walk for JPEG, PNG and GIF: where the image really ends, and which byte ranges carry no pixels
// (metadata segments, comments, unknown chunks, the trailer after the end marker). A polyglot hides its second
// format exactly there, because those are the bytes an image decoder skips and another reader looks at.
// We walk the structure instead of searching for the last end marker: an EXIF thumbnail carries its own
// FFD8…FFD9, and scan data may contain anything.

export type ImageFormat = 'jpg' | 'png' | 'gif';

export interface ByteRange {
  start: number;
  end: number;
  label: string;
}

export interface ImageLayout {
  /** Offset just past the end marker (JPEG EOI, PNG IEND, GIF trailer); undefined if never reached. */
  imageEnd: number | undefined;
  /** Ranges the decoder ignores: APPn/COM segments, ancillary PNG chunks, GIF extensions. */
  sideRanges: ByteRange[];
}

/** The image format the first bytes announce, independent of file-type (used to cross-check it). */
export function headerFormat(bytes: Buffer): ImageFormat | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  const head = bytes.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') return 'gif';
  return undefined;
}

export function readLayout(bytes: Buffer, format: ImageFormat): ImageLayout {
  switch (format) {
    case 'jpg':
      return readJpeg(bytes);
    case 'png':
      return readPng(bytes);
    case 'gif':
      return readGif(bytes);
  }
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function readJpeg(bytes: Buffer): ImageLayout {
  const sideRanges: ByteRange[] = [];
  let position = 2; // after SOI
  while (position + 1 < bytes.length) {
    if (bytes[position] !== 0xff) return { imageEnd: undefined, sideRanges };
    while (bytes[position + 1] === 0xff) position += 1; // fill bytes before a marker
    const marker = bytes[position + 1] ?? 0;
    position += 2;
    if (marker === 0xd9) return { imageEnd: position, sideRanges };
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // markers without a length
    if (position + 2 > bytes.length) break;
    const segmentLength = bytes.readUInt16BE(position); // counts its own two bytes
    const segmentEnd = position + segmentLength;
    if (segmentLength < 2 || segmentEnd > bytes.length) break;
    if ((marker >= 0xe0 && marker <= 0xef) || marker === 0xfe) {
      sideRanges.push({ start: position + 2, end: segmentEnd, label: marker === 0xfe ? 'COM' : `APP${marker - 0xe0}` });
    }
    position = segmentEnd;
    if (marker === 0xda) position = skipEntropyCodedData(bytes, position);
  }
  return { imageEnd: undefined, sideRanges };
}

/** Scan data ends at the first 0xFF followed by neither a stuffed 0x00 nor a restart marker. */
function skipEntropyCodedData(bytes: Buffer, from: number): number {
  let position = bytes.indexOf(0xff, from);
  while (position !== -1 && position + 1 < bytes.length) {
    const next = bytes[position + 1] ?? 0;
    if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) return position;
    position = bytes.indexOf(0xff, position + 1);
  }
  return bytes.length;
}

const PNG_CRITICAL_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);

function readPng(bytes: Buffer): ImageLayout {
  const sideRanges: ByteRange[] = [];
  let position = PNG_SIGNATURE.length;
  while (position + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(position);
    const type = bytes.subarray(position + 4, position + 8).toString('latin1');
    const dataStart = position + 8;
    const chunkEnd = dataStart + length + 4; // + CRC
    if (!/^[A-Za-z]{4}$/.test(type) || chunkEnd > bytes.length) break;
    if (type === 'IEND') return { imageEnd: chunkEnd, sideRanges };
    if (!PNG_CRITICAL_CHUNKS.has(type)) sideRanges.push({ start: dataStart, end: dataStart + length, label: type });
    position = chunkEnd;
  }
  return { imageEnd: undefined, sideRanges };
}

function readGif(bytes: Buffer): ImageLayout {
  const sideRanges: ByteRange[] = [];
  if (bytes.length < 13) return { imageEnd: undefined, sideRanges };
  const screenFlags = bytes[10] ?? 0;
  let position = 13 + colourTableSize(screenFlags);
  while (position < bytes.length) {
    const introducer = bytes[position];
    if (introducer === 0x3b) return { imageEnd: position + 1, sideRanges };
    if (introducer === 0x2c) {
      if (position + 10 > bytes.length) break;
      const imageFlags = bytes[position + 9] ?? 0;
      // descriptor (10) + local colour table + LZW minimum code size (1), then data sub-blocks
      position = skipSubBlocks(bytes, position + 10 + colourTableSize(imageFlags) + 1);
    } else if (introducer === 0x21) {
      const label = bytes[position + 1] ?? 0;
      const blocksStart = position + 2;
      position = skipSubBlocks(bytes, blocksStart);
      // Graphic control (0xF9) is fixed-size timing data; comments, application and text blocks are free-form.
      if (label !== 0xf9)
        sideRanges.push({
          start: blocksStart,
          end: Math.min(position, bytes.length),
          label: `ext 0x${label.toString(16)}`,
        });
    } else {
      break;
    }
  }
  return { imageEnd: undefined, sideRanges };
}

function colourTableSize(flags: number): number {
  return flags & 0x80 ? 3 * 2 ** ((flags & 0x07) + 1) : 0;
}

function skipSubBlocks(bytes: Buffer, from: number): number {
  let position = from;
  while (position < bytes.length) {
    const size = bytes[position] ?? 0;
    position += 1 + size;
    if (size === 0) return position;
  }
  return bytes.length + 1; // ran off the end: truncated
}
