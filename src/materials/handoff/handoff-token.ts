// Mobile hand-off: the applicant on a desktop scans a QR code and continues on the phone (handheld-ID photo,
// face verification) without logging in there. The link carries a short-lived signed token naming the order
// and the user; the server still checks that the order belongs to the user and is editable.
//
// Token: base64url(JSON payload) "." base64url(HMAC-SHA256(secret, DOMAIN + payloadPart)).
// The DOMAIN prefix keeps a hand-off signature from being valid for any other token signed with the same secret.
// The signature is checked (constant time) before the payload is parsed, so untrusted JSON is never read.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export interface HandoffPayload {
  orderId: string;
  userId: string;
  expiresAt: Date;
}

export type HandoffFailure = 'expired' | 'bad_signature' | 'malformed';

export type HandoffVerification = { ok: true; payload: HandoffPayload } | { ok: false; reason: HandoffFailure };

const DOMAIN = 'openbeian.handoff.v1.';
/** Below this a secret is guessable offline from one captured token. */
const MIN_SECRET_LENGTH = 32;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const wirePayload = z.object({ o: z.string().min(1), u: z.string().min(1), e: z.number().int().positive() });

function requireSecret(secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH)
    throw new RangeError(`hand-off secret must be at least ${MIN_SECRET_LENGTH} characters`);
}

function signature(payloadPart: string, secret: string): Buffer {
  return createHmac('sha256', secret)
    .update(DOMAIN + payloadPart)
    .digest();
}

export function signHandoffToken(payload: HandoffPayload, secret: string): string {
  requireSecret(secret);
  const expiresAtMs = payload.expiresAt.getTime();
  if (!Number.isFinite(expiresAtMs)) throw new RangeError('expiresAt must be a valid date');
  if (!payload.orderId || !payload.userId) throw new RangeError('orderId and userId are required');
  // Short keys keep the QR code small (fewer modules → easier to scan from a screen).
  const payloadPart = Buffer.from(
    JSON.stringify({ o: payload.orderId, u: payload.userId, e: expiresAtMs }),
    'utf8',
  ).toString('base64url');
  return `${payloadPart}.${signature(payloadPart, secret).toString('base64url')}`;
}

export function verifyHandoffToken(token: string, secret: string, now: Date): HandoffVerification {
  requireSecret(secret);
  const parts = typeof token === 'string' ? token.split('.') : [];
  const [payloadPart, signaturePart] = parts;
  if (
    parts.length !== 2 ||
    !payloadPart ||
    !signaturePart ||
    !BASE64URL.test(payloadPart) ||
    !BASE64URL.test(signaturePart)
  ) {
    return { ok: false, reason: 'malformed' };
  }
  // Compare the canonical base64url text, not decoded bytes: the last character of a 32-byte value has unused
  // bits, so decoding would accept several spellings of one signature. timingSafeEqual needs equal lengths;
  // the length of an HMAC-SHA256 is public, so checking it first leaks nothing.
  const expected = Buffer.from(signature(payloadPart, secret).toString('base64url'), 'latin1');
  const given = Buffer.from(signaturePart, 'latin1');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad_signature' };

  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = wirePayload.safeParse(decoded);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (now.getTime() >= parsed.data.e) return { ok: false, reason: 'expired' };
  return { ok: true, payload: { orderId: parsed.data.o, userId: parsed.data.u, expiresAt: new Date(parsed.data.e) } };
}
