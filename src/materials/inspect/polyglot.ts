// Polyglot detection: an upload that is a valid image AND something else (ZIP/JAR, PDF, HTML, script,
// executable). We only ever store and serve the re-encoded copy, so a polyglot cannot reach a browser from us;
// we still refuse it, because such a file is never an honest scan and may be forwarded elsewhere.
//
// Where we look, and why there (scanning compressed pixel data would raise false alarms on random bytes):
//  - the non-pixel ranges of the container (APPn/COM, ancillary PNG chunks, GIF extensions) and the trailer
//    after the end marker: the full signature list below;
//  - the first 1024 bytes: "%PDF-" (PDF readers accept the header anywhere there);
//  - the last 64 KiB: a ZIP end-of-central-directory record whose comment length reaches exactly the end of
//    the file, which is how ZIP readers find an archive no matter what precedes it.
// Unknown trailers with no signature (Samsung "SEFH" data, Motion Photo MP4s, MPF second images) are normal
// for phone photos and are simply dropped by the re-encode.
import { loadFileType } from './lazy-modules.ts';
import type { ImageLayout } from './layout.ts';

interface Signature {
  name: string;
  bytes: Buffer;
  ignoreCase?: boolean;
  /** Only meaningful at the very start of a trailer (the signature is too short to search for). */
  atStartOnly?: boolean;
}

const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

const SIGNATURES: readonly Signature[] = [
  { name: 'ZIP', bytes: latin1('PK\x03\x04') },
  { name: 'ZIP', bytes: latin1('PK\x01\x02') },
  { name: 'ZIP', bytes: latin1('PK\x05\x06') },
  { name: 'PDF', bytes: latin1('%PDF-') },
  { name: 'RAR', bytes: latin1('Rar!\x1a\x07') },
  { name: '7z', bytes: latin1('7z\xbc\xaf\x27\x1c') },
  { name: 'ELF', bytes: latin1('\x7fELF') },
  { name: 'HTML', bytes: latin1('<html'), ignoreCase: true },
  { name: 'HTML', bytes: latin1('<!doctype'), ignoreCase: true },
  { name: 'HTML', bytes: latin1('<body'), ignoreCase: true },
  { name: 'HTML', bytes: latin1('<iframe'), ignoreCase: true },
  { name: 'SVG', bytes: latin1('<svg'), ignoreCase: true },
  { name: 'script', bytes: latin1('<script'), ignoreCase: true },
  { name: 'script', bytes: latin1('javascript:'), ignoreCase: true },
  { name: 'PHP', bytes: latin1('<?php'), ignoreCase: true },
  { name: 'script', bytes: latin1('#!/'), atStartOnly: true },
  { name: 'EXE', bytes: latin1('MZ'), atStartOnly: true },
  { name: 'gzip', bytes: latin1('\x1f\x8b\x08'), atStartOnly: true },
];

/** Kinds of trailing payload file-type may recognise that are normal for camera files. */
const HARMLESS_TRAILER_MIME = /^(image|video|audio)\//;

function findSignature(region: Buffer, isTrailerStart: boolean): string | undefined {
  const lowered = Buffer.from(region.toString('latin1').toLowerCase(), 'latin1');
  for (const signature of SIGNATURES) {
    if (signature.atStartOnly) {
      if (isTrailerStart && region.subarray(0, signature.bytes.length).equals(signature.bytes)) return signature.name;
      continue;
    }
    const haystack = signature.ignoreCase ? lowered : region;
    const needle = signature.ignoreCase ? latin1(signature.bytes.toString('latin1').toLowerCase()) : signature.bytes;
    if (haystack.includes(needle)) return signature.name;
  }
  return undefined;
}

const ZIP_END_RECORD = latin1('PK\x05\x06');
const ZIP_END_RECORD_SIZE = 22;
const ZIP_SEARCH_WINDOW = ZIP_END_RECORD_SIZE + 0xffff;

function hasZipEndRecordAtEnd(bytes: Buffer): boolean {
  const windowStart = Math.max(0, bytes.length - ZIP_SEARCH_WINDOW);
  let position = bytes.indexOf(ZIP_END_RECORD, windowStart);
  while (position !== -1) {
    if (position + ZIP_END_RECORD_SIZE <= bytes.length) {
      const commentLength = bytes.readUInt16LE(position + 20);
      if (position + ZIP_END_RECORD_SIZE + commentLength === bytes.length) return true;
    }
    position = bytes.indexOf(ZIP_END_RECORD, position + 1);
  }
  return false;
}

/** Names the hidden format, or undefined when the file is a plain image. */
export async function detectHiddenPayload(bytes: Buffer, layout: ImageLayout): Promise<string | undefined> {
  for (const range of layout.sideRanges) {
    const hidden = findSignature(bytes.subarray(range.start, range.end), false);
    if (hidden) return `${hidden} in ${range.label}`;
  }
  if (layout.imageEnd !== undefined && layout.imageEnd < bytes.length) {
    const trailer = bytes.subarray(layout.imageEnd);
    const hidden = findSignature(trailer, true);
    if (hidden) return `${hidden} after the image end`;
    const { fileTypeFromBuffer } = await loadFileType();
    const sniffed = await fileTypeFromBuffer(trailer).catch(() => undefined);
    if (sniffed && !HARMLESS_TRAILER_MIME.test(sniffed.mime)) return `${sniffed.ext.toUpperCase()} after the image end`;
  }
  if (bytes.subarray(0, 1024).includes(latin1('%PDF-'))) return 'PDF header';
  if (hasZipEndRecordAtEnd(bytes)) return 'ZIP directory';
  return undefined;
}
