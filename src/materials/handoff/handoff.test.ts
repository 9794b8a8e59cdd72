import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { handoffQr } from './handoff-qr.ts';
import { signHandoffToken, verifyHandoffToken } from './handoff-token.ts';

const SECRET = 'a-test-secret-that-is-long-enough-123456';
const NOW = new Date('2026-11-22T10:00:00.000Z');
const LATER = new Date('2026-11-22T10:15:00.000Z');
const payload = { orderId: 'ord_01J9', userId: 'usr_42', expiresAt: LATER };

describe('hand-off tokens', () => {
  it('round-trips', () => {
    const token = signHandoffToken(payload, SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyHandoffToken(token, SECRET, NOW)).toEqual({ ok: true, payload });
  });

  it('rejects a token whose payload was changed', () => {
    const [, signaturePart] = signHandoffToken(payload, SECRET).split('.');
    const forged = Buffer.from(JSON.stringify({ o: 'ord_other', u: 'usr_42', e: LATER.getTime() })).toString(
      'base64url',
    );
    expect(verifyHandoffToken(`${forged}.${signaturePart}`, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('rejects a changed signature, a truncated signature and another secret', () => {
    const token = signHandoffToken(payload, SECRET);
    const [payloadPart = '', signaturePart = ''] = token.split('.');
    for (const index of [0, 20, signaturePart.length - 1]) {
      const original = signaturePart[index];
      const changed = `${signaturePart.slice(0, index)}${original === 'A' ? 'B' : 'A'}${signaturePart.slice(index + 1)}`;
      expect(verifyHandoffToken(`${payloadPart}.${changed}`, SECRET, NOW)).toEqual({
        ok: false,
        reason: 'bad_signature',
      });
    }
    expect(verifyHandoffToken(token.slice(0, -4), SECRET, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyHandoffToken(token, `${SECRET}-rotated`, NOW)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('expires at expiresAt exactly, judged by the given clock', () => {
    const token = signHandoffToken(payload, SECRET);
    expect(verifyHandoffToken(token, SECRET, new Date(LATER.getTime() - 1)).ok).toBe(true);
    expect(verifyHandoffToken(token, SECRET, LATER)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyHandoffToken(token, SECRET, new Date('2027-01-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it.each(['', 'abc', 'a.b.c', '.sig', 'payload.', 'pay load.sig', 'p+y.s/g'])('calls %j malformed', (token) => {
    expect(verifyHandoffToken(token, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('calls a correctly signed but non-JSON payload malformed', async () => {
    const { createHmac } = await import('node:crypto');
    const payloadPart = Buffer.from('not json').toString('base64url');
    const signaturePart = createHmac('sha256', SECRET)
      .update(`openbeian.handoff.v1.${payloadPart}`)
      .digest('base64url');
    expect(verifyHandoffToken(`${payloadPart}.${signaturePart}`, SECRET, NOW)).toEqual({
      ok: false,
      reason: 'malformed',
    });
  });

  it('refuses weak secrets and invalid input when signing', () => {
    expect(() => signHandoffToken(payload, 'short')).toThrow(RangeError);
    expect(() => verifyHandoffToken('a.b', 'short', NOW)).toThrow(RangeError);
    expect(() => signHandoffToken({ ...payload, expiresAt: new Date('nope') }, SECRET)).toThrow(RangeError);
    expect(() => signHandoffToken({ ...payload, orderId: '' }, SECRET)).toThrow(RangeError);
  });
});

describe('handoffQr', () => {
  const url = 'https://beian.example.com/m/handoff?t=eyJvIjoib3JkIn0.c2ln';

  it('renders a PNG that sharp decodes', async () => {
    const png = await handoffQr(url, 'png');
    expect(Buffer.isBuffer(png)).toBe(true);
    const metadata = await sharp(png).metadata();
    expect(metadata.format).toBe('png');
    expect(metadata.width).toBe(320);
    expect(metadata.height).toBe(320);
  });

  it('renders an SVG', async () => {
    const svg = await handoffQr(url, 'svg');
    expect(typeof svg).toBe('string');
    expect(svg).toContain('<svg');
  });

  it('refuses links that are not http(s)', async () => {
    await expect(handoffQr('javascript:alert(1)', 'svg')).rejects.toThrow(TypeError);
    await expect(handoffQr('not a url', 'png')).rejects.toThrow(TypeError);
  });
});
