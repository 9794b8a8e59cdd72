import { useEffect, useLayoutEffect, useRef, useState, type DependencyList } from 'react';
import { ApiError } from './client.ts';

/** One page of a keyset-paged list, as every such API answers it. */
export type CursorPage<T> = { items: T[]; nextCursor: string | null };
/** What a page request adds to the list's query: where to continue (nothing for the first page) and the page size. */
export type PageRequest = { cursor: string | undefined; limit: number };
export type PagesState<T> = { items: T[]; cursor: string | null; error: ApiError | null; isLoading: boolean };

/** The console's page size for every cursor-paged list. */
export const PAGE_SIZE = 50;

const asApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) }));

/**
 * Cursor paging without React, so it can be tested as plain code: `first` shows the first page in place of what was
 * shown, `more` appends the next one. An answer that arrives after a newer `first` (a filter changed meanwhile) is
 * dropped, and `more` waits while anything loads, so rows of an old filter never mix with the new one's and a
 * double click never appends the same page twice.
 */
export function createCursorPager<T>(fetchPage: (request: PageRequest) => Promise<CursorPage<T>>, publish: (state: PagesState<T>) => void, limit = PAGE_SIZE) {
  let state: PagesState<T> = { items: [], cursor: null, error: null, isLoading: true };
  let generation = 0;
  const set = (next: PagesState<T>) => {
    state = next;
    publish(next);
  };

  async function load(cursor: string | undefined, mine: number) {
    set({ ...state, isLoading: true });
    try {
      const page = await fetchPage({ cursor, limit });
      if (mine !== generation) return;
      set({ items: cursor ? [...state.items, ...page.items] : page.items, cursor: page.nextCursor, error: null, isLoading: false });
    } catch (e) {
      // A failed page keeps the rows shown (and where to continue from) and says why.
      if (mine === generation) set({ ...state, error: asApiError(e), isLoading: false });
    }
  }

  return {
    get state() {
      return state;
    },
    first: (): Promise<void> => load(undefined, ++generation),
    more: async (): Promise<void> => {
      if (state.cursor && !state.isLoading) await load(state.cursor, generation);
    },
  };
}

export type CursorPages<T> = {
  items: T[];
  error: ApiError | null;
  isLoading: boolean;
  hasMore: boolean;
  /** The first page again (after a search or a change the list shows). */
  reload(): Promise<void>;
  /** The next page, appended. */
  loadMore(): Promise<void>;
};

/**
 * A cursor-paged list: the first page on mount and again whenever `deps` (the filters) change, the next pages on
 * request. `fetchPage` may read the current filters: `reload` and `loadMore` always use the latest one.
 */
export function useCursorPages<T>(fetchPage: (request: PageRequest) => Promise<CursorPage<T>>, deps: DependencyList, limit = PAGE_SIZE): CursorPages<T> {
  const [state, setState] = useState<PagesState<T>>({ items: [], cursor: null, error: null, isLoading: true });
  const latest = useRef(fetchPage);
  const [pager] = useState(() => createCursorPager<T>((request) => latest.current(request), setState, limit));
  // Layout effects run before the loading effect and before any later click, so every load sees the latest filters.
  useLayoutEffect(() => {
    latest.current = fetchPage;
  });
  useEffect(() => {
    void pager.first();
  }, deps);
  return { items: state.items, error: state.error, isLoading: state.isLoading, hasMore: state.cursor !== null, reload: pager.first, loadMore: pager.more };
}
