import { describe, expect, it } from 'vitest';
import { shellState } from './shell.ts';

describe('shellState', () => {
  it('is nothing while every service is connected, or once the subject is cancelled', () => {
    expect(shellState('330000', 'active', [{ number: 'a-1', accessState: 'connected' }])).toEqual({ subject: false, services: [], next: null });
    expect(shellState('330000', 'cancelled', [{ number: 'a-1', accessState: 'revoked' }]).next).toBeNull();
  });

  it('names a revoked service as shell and tells how to connect it again', () => {
    const state = shellState('330000', 'active', [
      { number: 'a-1', accessState: 'revoked' },
      { number: 'a-2', accessState: 'connected' },
    ]);
    expect(state).toMatchObject({ subject: false, services: ['a-1'] });
    expect(state.next?.zh).toContain('变更接入');
  });

  it('tells a shell subject whether its province lets it add a service (Zhejiang yes, Guangdong no)', () => {
    const revoked = [{ number: 'a-1', accessState: 'revoked' as const }];
    expect(shellState('330000', 'active', revoked).next?.zh).toContain('允许空壳主体直接新增网站');
    expect(shellState('440000', 'active', revoked).next?.zh).toContain('先注销主体');
  });
});
