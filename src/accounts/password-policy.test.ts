import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('new password policy (ASVS 2.1)', () => {
  it.each(['12345678', '123456789012', 'password1234', 'qwertyuiop123', 'woaini1314520', '1qaz2wsx3edc', 'aaaaaaaaaaaa', 'zhangwei1985', 'short pass'])(
    'refuses %j in Chinese and English',
    (password) => {
      const problem = passwordProblem(password);
      expect(problem).not.toBeNull();
      expect(problem!.zh).toMatch(/\p{Script=Han}/u);
    },
  );

  it('refuses a password built on the e-mail', () => {
    expect(passwordProblem('zhangsan@example.com', ['zhangsan@example.com'])).not.toBeNull();
    expect(passwordProblem('aB3$'.repeat(32))).not.toBeNull();
  });

  it.each(['correct horse', 'a brand new one', 'kR7#vq9!Lm2@', '我的密码是一句很长很长的话', 'x'.repeat(20) + 'q7#Lm2@vZ'])('accepts %j', (password) => {
    expect(passwordProblem(password, ['owner@example.com'])).toBeNull();
  });
});
