/**
 * The connected domains as files a web server reads (DESIGN §5.5). All forms list registrable domains in ASCII
 * (punycode), sorted, one per line, because that is what browsers put in the Host header.
 *
 * - nginx:   `.example.com 1;` for `map $host $filed { hostnames; default 0; include allow.map; }`; with `hostnames`
 *            a leading dot matches the domain itself and every sub-domain.
 * - haproxy: `.example.com`, for an ACL that matches the end of the host with a dot put in front of it
 *            (docs/enforcement.md): the dot keeps `badexample.com` from matching `example.com`.
 * - haproxy-map: `example.com 1`, a map file for `map_str` looked up with the host's last two, three … labels
 *            (exact matches in HAProxy's tree, instead of `-m end`, which reads the whole list per request).
 * - text:    `example.com`, for scripts.
 */
export const ALLOWLIST_FORMATS = ['nginx', 'haproxy', 'haproxy-map', 'text'] as const;
export type AllowlistFormat = (typeof ALLOWLIST_FORMATS)[number];

/** Each line is `prefix + domain + suffix`; the database builds the same lines when it streams an export (COPY). */
export const ALLOWLIST_LINES: Record<AllowlistFormat, { prefix: string; suffix: string }> = {
  nginx: { prefix: '.', suffix: ' 1;' },
  haproxy: { prefix: '.', suffix: '' },
  'haproxy-map': { prefix: '', suffix: ' 1' },
  text: { prefix: '', suffix: '' },
};

export function renderAllowlist(sortedDomains: readonly string[], format: AllowlistFormat): string {
  if (sortedDomains.length === 0) return '';
  const { prefix, suffix } = ALLOWLIST_LINES[format];
  return `${prefix}${sortedDomains.join(`${suffix}\n${prefix}`)}${suffix}\n`;
}

/**
 * The export in slices of `linesPerChunk` lines, for a stream: joining two million lines at once would hold the
 * event loop (and every enforcement check) for the best part of a second.
 */
export function* allowlistChunks(sortedDomains: readonly string[], format: AllowlistFormat, linesPerChunk = 20_000): Generator<string> {
  for (let start = 0; start < sortedDomains.length; start += linesPerChunk) {
    yield renderAllowlist(sortedDomains.slice(start, start + linesPerChunk), format);
  }
}
