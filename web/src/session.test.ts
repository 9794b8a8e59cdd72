import { describe, expect, it } from 'vitest';
import { safeNext } from './session.tsx';

describe('the page to return to after logging in', () => {
  it('follows a path on this site, with its query', () => {
    expect(safeNext('/resources')).toBe('/resources');
    expect(safeNext('/orders/1/edit?step=2')).toBe('/orders/1/edit?step=2');
  });

  it('refuses other sites, odd forms and the login pages themselves', () => {
    for (const next of [null, '', 'resources', 'https://evil.example/', '//evil.example', '/\\evil.example', '/login', '/register?next=/x'])
      expect(safeNext(next), String(next)).toBeNull();
  });
});
