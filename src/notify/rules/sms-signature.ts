import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed SMS request (`OPENBEIAN_SMS=signed`, docs/operations.md "Delivery"). The platform POSTs JSON
 * `{ phoneNumber, signName, templateCode, templateParam, outId }` with four headers:
 *
 *   X-OB-Key-Id: <OPENBEIAN_SMS_KEY_ID>
 *   X-OB-Timestamp: <Unix seconds>
 *   X-OB-Nonce: <32 hex characters, never reused>
 *   X-OB-Signature: <lowercase hex HMAC-SHA256(OPENBEIAN_SMS_KEY, canonical string)>
 *
 * The canonical string is these six lines joined by "\n" (no trailing newline):
 *
 *   POST
 *   <path and query of the URL, e.g. /sms/send>
 *   <key id>
 *   <timestamp>
 *   <nonce>
 *   <lowercase hex SHA-256 of the raw body bytes>
 *
 * A gateway recomputes it from what it received, compares in constant time, refuses a timestamp more than 5 minutes
 * away from its clock and a nonce it has seen within that window, and may use `outId` to drop a repeated message.
 */
export type SignedHeaders = { 'x-ob-key-id': string; 'x-ob-timestamp': string; 'x-ob-nonce': string; 'x-ob-signature': string };

export function canonicalString(input: { path: string; keyId: string; timestamp: string; nonce: string; body: string | Buffer }): string {
  const bodyHash = createHash('sha256').update(input.body).digest('hex');
  return ['POST', input.path, input.keyId, input.timestamp, input.nonce, bodyHash].join('\n');
}

export function signRequest(key: string, input: { path: string; keyId: string; at: Date; nonce: string; body: string }): SignedHeaders {
  const timestamp = String(Math.floor(input.at.getTime() / 1000));
  const signature = createHmac('sha256', key).update(canonicalString({ ...input, timestamp })).digest('hex');
  return { 'x-ob-key-id': input.keyId, 'x-ob-timestamp': timestamp, 'x-ob-nonce': input.nonce, 'x-ob-signature': signature };
}

/** The gateway side, for providers writing it in TypeScript and for tests. Freshness and nonce reuse are the caller's. */
export function verifySignature(key: string, input: { path: string; headers: Record<string, string | string[] | undefined>; body: string | Buffer }): boolean {
  const header = (name: keyof SignedHeaders) => {
    const value = input.headers[name];
    return typeof value === 'string' ? value : '';
  };
  const expected = createHmac('sha256', key)
    .update(canonicalString({ path: input.path, keyId: header('x-ob-key-id'), timestamp: header('x-ob-timestamp'), nonce: header('x-ob-nonce'), body: input.body }))
    .digest();
  const given = Buffer.from(header('x-ob-signature'), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The template code for a message kind: its own entry, else `*`, else none (the message cannot be sent). */
export function templateFor(templates: Record<string, string>, kind: string): string | undefined {
  return Object.hasOwn(templates, kind) ? templates[kind] : Object.hasOwn(templates, '*') ? templates['*'] : undefined;
}

/** Template parameters: the caller's, else the text without its 【…】 signature (the gateway adds the registered one). */
export function templateParams(text: string, params: Record<string, string> | undefined): Record<string, string> {
  return params ?? { text: text.replace(/^【[^】]*】/, '') };
}
