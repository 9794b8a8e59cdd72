// Which encoding a page is in: pure, no I/O. Chinese sites still serve GBK/GB2312; TextDecoder reads them as GB18030.

const ALIASES: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb_2312: 'gb18030', 'gb_2312-80': 'gb18030', cp936: 'gb18030' };

/** A label TextDecoder knows, or null. */
export function supportedEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  const name = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  const mapped = ALIASES[name] ?? name;
  try {
    return new TextDecoder(mapped).encoding;
  } catch {
    return null;
  }
}

/** `text/html; charset=GBK` → `gbk`. */
export function charsetOfContentType(contentType: string | null | undefined): string | null {
  return /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1] ?? null;
}

/** `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">` in the first 4 KB. */
export function charsetOfMeta(head: Uint8Array): string | null {
  const text = new TextDecoder('latin1').decode(head.subarray(0, 4096));
  for (const tag of text.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(tag);
    if (direct) return direct[1]!;
  }
  return null;
}

export type DetectedCharset = { encoding: string; source: 'bom' | 'content-type' | 'meta' | 'sniff' };

/**
 * Content-Type first, then <meta charset> / http-equiv, then a sniff: a byte-order mark, else UTF-8 when the bytes
 * are valid UTF-8, else GB18030 (the superset of GBK and GB2312).
 */
export function detectCharset(body: Uint8Array, contentType: string | null | undefined): DetectedCharset {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { encoding: 'utf-8', source: 'bom' };
  if (body[0] === 0xff && body[1] === 0xfe) return { encoding: 'utf-16le', source: 'bom' };
  if (body[0] === 0xfe && body[1] === 0xff) return { encoding: 'utf-16be', source: 'bom' };
  const declared = supportedEncoding(charsetOfContentType(contentType));
  if (declared) return { encoding: declared, source: 'content-type' };
  const meta = supportedEncoding(charsetOfMeta(body));
  if (meta) return { encoding: meta, source: 'meta' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return { encoding: 'utf-8', source: 'sniff' };
  } catch {
    return { encoding: 'gb18030', source: 'sniff' };
  }
}

export function decodeBody(body: Uint8Array, contentType: string | null | undefined): { text: string; charset: DetectedCharset } {
  const charset = detectCharset(body, contentType);
  return { text: new TextDecoder(charset.encoding).decode(body), charset };
}
