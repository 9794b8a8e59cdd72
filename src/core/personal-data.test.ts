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
