import { describe, expect, it } from 'vitest';
import { ApiError } from './client.ts';
import { createCursorPager, type CursorPage, type PageRequest, type PagesState } from './useCursorPages.ts';

/** A list API over `rows`, paged by offset cursors as the server's keyset cursors behave. */
const pagesOf = (rows: string[]) => async (request: PageRequest): Promise<CursorPage<string>> => {
  const from = Number(request.cursor ?? 0);
  const to = from + request.limit;
  return { items: rows.slice(from, to), nextCursor: to < rows.length ? String(to) : null };
};
const rows = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

/** An answer the test releases when it chooses, to order answers the way a slow network would. */
function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('cursor pages in the console lists', () => {
  it('shows the first page, appends each next one until there are no more, and asks for the page size', async () => {
    const requests: PageRequest[] = [];
    const api = pagesOf(rows('r', 120));
    const pager = createCursorPager((request) => {
      requests.push(request);
      return api(request);
    }, () => {});
    expect(pager.state).toMatchObject({ items: [], isLoading: true });

    await pager.first();
    expect(pager.state).toMatchObject({ cursor: '50', isLoading: false, error: null });
    expect(pager.state.items).toEqual(rows('r', 50));
    await pager.more();
    await pager.more();
    expect(pager.state.items).toEqual(rows('r', 120));
    expect(pager.state.cursor).toBeNull();
    await pager.more();
    expect(requests).toEqual([
      { cursor: undefined, limit: 50 },
      { cursor: '50', limit: 50 },
      { cursor: '100', limit: 50 },
    ]);
  });

  it('uses the page size it is given', async () => {
    const pager = createCursorPager(pagesOf(rows('r', 5)), () => {}, 2);
    await pager.first();
    await pager.more();
    expect(pager.state.items).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('starts again from the first page on reload (a filter changed), and drops a page still coming for the old filter', async () => {
    let filter = 'a';
    const oldSecondPage = later<CursorPage<string>>();
    const pager = createCursorPager<string>((request) => (filter === 'a' && request.cursor ? oldSecondPage.promise : pagesOf(rows(filter, 60))(request)), () => {});
    await pager.first();
    const more = pager.more();
    filter = 'b';
    await pager.first();
    oldSecondPage.resolve({ items: ['a51'], nextCursor: null });
    await more;
    expect(pager.state.items).toEqual(rows('b', 50));
    expect(pager.state.cursor).toBe('50');
  });

  it('shows the newest filter’s first page when an older one answers last', async () => {
    const slow = later<CursorPage<string>>();
    const answers = [slow.promise, pagesOf(rows('new', 3))({ cursor: undefined, limit: 50 })];
    const pager = createCursorPager<string>(() => answers.shift()!, () => {});
    const first = pager.first();
    await pager.first();
    slow.resolve({ items: ['old1'], nextCursor: 'x' });
    await first;
    expect(pager.state).toMatchObject({ items: ['new1', 'new2', 'new3'], cursor: null, isLoading: false });
  });

  it('asks for the next page once however often the button is pressed while it loads', async () => {
    let calls = 0;
    const api = pagesOf(rows('r', 200));
    const pager = createCursorPager<string>((request) => {
      calls += 1;
      return api(request);
    }, () => {});
    await pager.first();
    await Promise.all([pager.more(), pager.more(), pager.more()]);
    expect(calls).toBe(2);
    expect(pager.state.items).toEqual(rows('r', 100));
  });

  it('keeps the rows shown and says why when a page fails; trying again continues where it stopped', async () => {
    const refusal = new ApiError(503, 'UNAVAILABLE', { zh: '服务暂不可用', en: 'Unavailable' });
    let isDown = false;
    const api = pagesOf(rows('r', 120));
    const pager = createCursorPager<string>((request) => (isDown ? Promise.reject(refusal) : api(request)), () => {});
    await pager.first();
    isDown = true;
    await pager.more();
    expect(pager.state).toMatchObject({ error: refusal, cursor: '50', isLoading: false });
    expect(pager.state.items).toHaveLength(50);
    isDown = false;
    await pager.more();
    expect(pager.state).toMatchObject({ error: null, cursor: '100' });
    expect(pager.state.items).toEqual(rows('r', 100));
  });

  it('turns a failure that is no API answer (the network) into an error the page can show', async () => {
    const pager = createCursorPager<string>(() => Promise.reject(new TypeError('Failed to fetch')), () => {});
    await pager.first();
    expect(pager.state.error).toBeInstanceOf(ApiError);
    expect(pager.state.error?.bilingual.en).toContain('Failed to fetch');
  });

  it('tells the page every change, ending with what it shows', async () => {
    const published: PagesState<string>[] = [];
    const pager = createCursorPager(pagesOf(rows('r', 3)), (state) => published.push(state));
    await pager.first();
    expect(published.map((s) => s.isLoading)).toEqual([true, false]);
    expect(published.at(-1)).toBe(pager.state);
  });
});
