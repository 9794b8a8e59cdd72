import { describe, expect, it } from 'vitest';
import { codeMatches, hashCode, newSmsCode, parseRecoveryDomain } from './recovery.ts';

describe('account recovery helpers', () => {
  it('makes six-digit codes', () => {
    for (let n = 0; n < 200; n += 1) expect(newSmsCode()).toMatch(/^\d{6}$/);
  });

  it('matches a code only for its own challenge and key', () => {
    const stored = hashCode('key-1', 'challenge-1', '012345');
    expect(codeMatches('key-1', 'challenge-1', '012345', stored)).toBe(true);
    expect(codeMatches('key-1', 'challenge-1', ' 012345 ', stored)).toBe(true);
    expect(codeMatches('key-1', 'challenge-1', '012346', stored)).toBe(false);
    expect(codeMatches('key-1', 'challenge-2', '012345', stored)).toBe(false);
    expect(codeMatches('key-2', 'challenge-1', '012345', stored)).toBe(false);
    expect(codeMatches('key-1', 'challenge-1', '012345', 'not-hex')).toBe(false);
  });

  it.each([
    ['yunqi-demo.cn', 'yunqi-demo.cn'],
    ['www.yunqi-demo.cn', 'yunqi-demo.cn'],
    ['WWW.YUNQI-DEMO.CN', 'yunqi-demo.cn'],
    [' shop.example.com.cn. ', 'example.com.cn'],
    ['https://www.yunqi-demo.cn/about?x=1', 'yunqi-demo.cn'],
    ['www.例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
  ])('finds the registrable domain of %s', (input, registrable) => {
    expect(parseRecoveryDomain(input)).toEqual({ ok: true, registrable });
  });

  it.each(['', 'not a domain', '47.96.1.10', 'com.cn', 'https://'])('refuses %j in Chinese and English', (input) => {
    const result = parseRecoveryDomain(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.zh).toMatch(/\p{Script=Han}/u);
      expect(result.en).not.toBe('');
    }
  });
});
