import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { pageOf, readCursor, writeCursor } from './keyset.ts';

describe('keyset cursors', () => {
  it('round-trips an instant and a text', () => {
    const cursor = writeCursor(['2027-01-02T03:04:05.000Z', '浙ICP备2026000001号']);
    const [at, number] = readCursor(cursor, ['instant', 'text'] as const);
    expect(at.toISOString()).toBe('2027-01-02T03:04:05.000Z');
    expect(number).toBe('浙ICP备2026000001号');
  });

  it('refuses a made-up or mangled cursor at query.cursor', () => {
    for (const bad of ['nonsense', writeCursor(['not a date', 'x']), writeCursor(['2027-01-02T00:00:00Z']), Buffer.from('{"a":1}').toString('base64url')]) {
      try {
        readCursor(bad, ['instant', 'text'] as const);
        expect.unreachable(`accepted ${bad}`);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).details).toMatchObject({ fields: [{ path: 'query.cursor' }] });
      }
    }
  });

  it('gives a next cursor only when a row beyond the page was fetched', () => {
    expect(pageOf([1, 2, 3], 2, (n) => [String(n)])).toEqual({ items: [1, 2], nextCursor: writeCursor(['2']) });
    expect(pageOf([1, 2], 2, (n) => [String(n)]).nextCursor).toBeNull();
  });
});
