import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** Opaque, unguessable token (session ids, hand-off tokens). */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Human-readable order number: date in Shanghai + 6 random digits, e.g. 20261122-482913. */
export function newOrderNumber(now: Date): string {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  const digits = (randomBytes(4).readUInt32BE() % 1_000_000).toString().padStart(6, '0');
  return `${day}-${digits}`;
}
