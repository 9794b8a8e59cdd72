import { describe, expect, it } from 'vitest';
import { FieldCipher, TamperedDataError, maskEmail, maskIdNumber, maskMobile, maskName } from './personal-data.ts';

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);

describe('FieldCipher', () => {
  const cipher = new FieldCipher({ currentKeyId: 'a', keys: { a: keyA } });

  it('round-trips Chinese text and never stores the plain value', () => {
    const sealed = cipher.encrypt('张三 11010519491231002X');
    expect(sealed).not.toContain('11010519491231002X');
    expect(cipher.decrypt(sealed)).toBe('张三 11010519491231002X');
  });

  it('gives a different ciphertext each time (random IV)', () => {
    expect(cipher.encrypt('13812345678')).not.toBe(cipher.encrypt('13812345678'));
  });

  it('detects a flipped byte in the ciphertext', () => {
    const sealed = cipher.encrypt('13812345678');
    const [id, iv, tag, body] = sealed.split('.') as [string, string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    bytes[0] = bytes[0]! ^ 0xff;
    expect(() => cipher.decrypt([id, iv, tag, bytes.toString('base64url')].join('.'))).toThrow(TamperedDataError);
  });

  it('detects a re-labelled key id and malformed input', () => {
    const both = new FieldCipher({ currentKeyId: 'a', keys: { a: keyA, b: keyA } });
    const sealed = both.encrypt('secret');
    expect(() => both.decrypt(sealed.replace(/^a\./, 'b.'))).toThrow(TamperedDataError);
    expect(() => both.decrypt('not-sealed')).toThrow(TamperedDataError);
  });

  it('reads data written under an old key after rotation', () => {
    const sealedOld = cipher.encrypt('old secret');
    const rotated = new FieldCipher({ currentKeyId: 'b', keys: { a: keyA, b: keyB } });
    expect(rotated.decrypt(sealedOld)).toBe('old secret');
    expect(rotated.keyIdOf(rotated.encrypt('new'))).toBe('b');
  });

  it('hashes look-up values deterministically, ignoring case of the X check digit', () => {
    expect(cipher.lookupHash('11010519491231002x')).toBe(cipher.lookupHash('11010519491231002X'));
    expect(cipher.lookupHash('11010519491231002X')).not.toBe(cipher.lookupHash('110105194912310029'));
  });
});

describe('look-up hashes under a versioned key (key rotation)', () => {
  const encryption = { currentKeyId: 'k1', keys: { k1: keyA } };
  const lookupA = Buffer.alloc(32, 3);
  const lookupB = Buffer.alloc(32, 4);
  const before = new FieldCipher(encryption, { currentKeyId: 'la', keys: { la: lookupA } });
  const during = new FieldCipher(encryption, { currentKeyId: 'lb', keys: { la: lookupA, lb: lookupB } });
  const after = new FieldCipher(encryption, { currentKeyId: 'lb', keys: { lb: lookupB } });
  const legacy = new FieldCipher(encryption);

  it('names the key a hash was made with, and does not depend on the encryption key', () => {
    expect(before.lookupHash('11010519491231002X')).toMatch(/^la:[0-9a-f]{64}$/);
    const otherEncryption = new FieldCipher({ currentKeyId: 'k1', keys: { k1: keyB } }, { currentKeyId: 'la', keys: { la: lookupA } });
    expect(otherEncryption.lookupHash('11010519491231002X')).toBe(before.lookupHash('11010519491231002X'));
  });

  it('finds a value hashed under the old key, the new key, or before look-up keys existed, while both are live', () => {
    const candidates = during.lookupHashes('11010519491231002x');
    expect(candidates[0]).toBe(after.lookupHash('11010519491231002X'));
    expect(candidates).toContain(before.lookupHash('11010519491231002X'));
    expect(candidates).toContain(legacy.lookupHash('11010519491231002X'));
    for (const stored of [before.lookupHash('11010519491231002X'), during.lookupHash('11010519491231002X'), legacy.lookupHash('11010519491231002X')]) {
      expect(during.matchesLookup(stored, '11010519491231002X')).toBe(true);
      expect(during.matchesLookup(stored, '110105194912310029')).toBe(false);
    }
  });

  it('stops matching a hash once its key is removed, and tells current hashes from old ones', () => {
    const old = before.lookupHash('13812345678');
    expect(after.matchesLookup(old, '13812345678')).toBe(false);
    expect(after.lookupHashes('13812345678')).not.toContain(old);
    expect(during.isCurrentLookup(old)).toBe(false);
    expect(during.isCurrentLookup(during.lookupHash('13812345678'))).toBe(true);
  });

  it('tells a sealed value under the current encryption key from one under an old key', () => {
    const rotated = new FieldCipher({ currentKeyId: 'k2', keys: { k1: keyA, k2: keyB } });
    expect(rotated.isCurrent(legacy.encrypt('x'))).toBe(false);
    expect(rotated.isCurrent(rotated.encrypt('x'))).toBe(true);
  });
});

describe('masking', () => {
  it.each([
    [maskIdNumber, '11010519491231002X', '110***********002X'],
    [maskMobile, '13812345678', '138****5678'],
    [maskEmail, 'zhangsan@example.com', 'z***n@example.com'],
    [maskName, '张三丰', '张**'],
  ])('%o masks %s', (mask, input, expected) => {
    expect(mask(input)).toBe(expected);
  });
});
