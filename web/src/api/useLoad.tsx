import { Button, Result, Skeleton } from 'antd';
import { useCallback, useEffect, useRef, useState, type DependencyList, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../lang.tsx';
import { ApiError } from './client.ts';

export type Loaded<T> = { data: T | null; error: ApiError | null; isLoading: boolean; reload(): Promise<void> };

/** Loads once per change of deps; a late answer for old deps is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [isLoading, setLoading] = useState(true);
  const seq = useRef(0);
  const run = useCallback(load, deps);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const value = await run();
      if (mine !== seq.current) return;
      setData(value);
      setError(null);
    } catch (e) {
      if (mine !== seq.current) return;
      setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', { zh: String(e), en: String(e) }));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, isLoading, reload };
}

/** Shows a skeleton while loading, a plain-language result when it failed, else the page. */
export function LoadedView<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t, pick } = useI18n();
  if (state.data !== null && !state.error) return <>{children(state.data)}</>;
  if (state.error) {
    const status = state.error.status === 404 ? '404' : state.error.status === 403 ? '403' : 'error';
    return (
      <Result
        status={status}
        title={state.error.status === 404 ? t('load.notFound') : t('load.failed')}
        subTitle={pick(state.error.bilingual)}
        extra={[
          <Button key="retry" onClick={() => void state.reload()}>
            {t('load.retry')}
          </Button>,
          <Link key="home" to="/">
            <Button type="primary">{t('nav.home')}</Button>
          </Link>,
        ]}
      />
    );
  }
  return <Skeleton active paragraph={{ rows: 6 }} />;
}
