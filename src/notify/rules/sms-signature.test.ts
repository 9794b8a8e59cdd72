import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalString, signRequest, templateFor, templateParams, verifySignature } from './sms-signature.ts';

describe('the signed SMS request', () => {
  const body = JSON.stringify({ phoneNumber: '13800000001', signName: '某云', templateCode: 'SMS_1', templateParam: { text: '你好' }, outId: 'm-1' });
  const at = new Date('2026-12-01T08:00:00Z');

  it('signs the six documented lines with HMAC-SHA256 over the key', () => {
    const headers = signRequest('k'.repeat(32), { path: '/sms/send', keyId: 'ob-1', at, nonce: 'ab'.repeat(16), body });
    const lines = ['POST', '/sms/send', 'ob-1', '1796112000', 'ab'.repeat(16), createHash('sha256').update(body).digest('hex')].join('\n');
    expect(canonicalString({ path: '/sms/send', keyId: 'ob-1', timestamp: '1796112000', nonce: 'ab'.repeat(16), body })).toBe(lines);
    expect(headers).toEqual({ 'x-ob-key-id': 'ob-1', 'x-ob-timestamp': '1796112000', 'x-ob-nonce': 'ab'.repeat(16), 'x-ob-signature': createHmac('sha256', 'k'.repeat(32)).update(lines).digest('hex') });
  });

  it('verifies with the right key only, and not once the body or path changed', () => {
    const headers = signRequest('right-key-0123456789', { path: '/sms/send', keyId: 'ob-1', at, nonce: 'cd'.repeat(16), body });
    expect(verifySignature('right-key-0123456789', { path: '/sms/send', headers, body })).toBe(true);
    expect(verifySignature('wrong-key-0123456789', { path: '/sms/send', headers, body })).toBe(false);
    expect(verifySignature('right-key-0123456789', { path: '/sms/send', headers, body: body.replace('你好', '您好') })).toBe(false);
    expect(verifySignature('right-key-0123456789', { path: '/sms/other', headers, body })).toBe(false);
    expect(verifySignature('right-key-0123456789', { path: '/sms/send', headers: { ...headers, 'x-ob-signature': 'zz' }, body })).toBe(false);
  });

  it('picks the kind’s own template, else the catch-all, else none', () => {
    expect(templateFor({ 'order.approved': 'SMS_9', '*': 'SMS_0' }, 'order.approved')).toBe('SMS_9');
    expect(templateFor({ 'order.approved': 'SMS_9', '*': 'SMS_0' }, 'order.expired')).toBe('SMS_0');
    expect(templateFor({ 'order.approved': 'SMS_9' }, 'order.expired')).toBeUndefined();
    expect(templateFor({}, 'toString')).toBeUndefined();
  });

  it('sends the text without its own 【signature】 when the caller gave no parameters', () => {
    expect(templateParams('【OpenBeian】您的验证码 123456', undefined)).toEqual({ text: '您的验证码 123456' });
    expect(templateParams('【OpenBeian】x', { code: '123456' })).toEqual({ code: '123456' });
  });
});
