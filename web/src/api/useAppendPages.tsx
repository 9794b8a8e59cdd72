import { useEffect, useState, type DependencyList } from 'react';
import { useLoad, type Loaded } from './useLoad.tsx';

export type Page = { items: unknown[]; nextCursor: string | null };

export type AppendPages<P extends Page> = Loaded<P> & { items: P['items']; nextCursor: string | null; loadMore(): Promise<void>; isLoadingMore: boolean };

/**
 * A list read a page at a time (the API's keyset cursor) and shown as one growing list: the first page on load, each
 * "load more" appends the next. A change of deps (a filter) starts again from the first page; nothing is ever cut
 * off silently, the caller shows `nextCursor` as a button.
 */
export function useAppendPages<P extends Page>(loadPage: (cursor?: string) => Promise<P>, deps: DependencyList): AppendPages<P> {
  const first = useLoad(() => loadPage(), deps);
  const [more, setMore] = useState<{ items: P['items']; nextCursor: string | null } | null>(null);
  const [isLoadingMore, setLoadingMore] = useState(false);
  useEffect(() => setMore(null), [first.data]);
  const nextCursor = more ? more.nextCursor : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    try {
      const page = await loadPage(nextCursor);
      setMore((previous) => ({ items: [...(previous?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
    } finally {
      setLoadingMore(false);
    }
  };
  const items: P['items'] = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  return { ...first, items, nextCursor, loadMore, isLoadingMore };
}
