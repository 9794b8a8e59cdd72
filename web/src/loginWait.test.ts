import { describe, expect, it } from 'vitest';
import { loginWaitMessage } from './loginWait.ts';

describe('the throttled login message', () => {
  it('says how long to wait, in seconds or whole minutes, and that the account is not locked', () => {
    expect(loginWaitMessage('zh', 8)).toContain('约 8 秒');
    expect(loginWaitMessage('zh', 61)).toContain('约 2 分钟');
    expect(loginWaitMessage('zh', 3600)).toContain('约 60 分钟');
    expect(loginWaitMessage('zh', 120)).toContain('账号没有被锁定');
    expect(loginWaitMessage('en', 120)).toContain('about 2 min');
  });

  it('is left out when the answer names no wait', () => {
    expect(loginWaitMessage('zh', undefined)).toBeNull();
    expect(loginWaitMessage('en', 0)).toBeNull();
  });
});
