import { useCallback, useEffect, useMemo, useState } from 'react';
import { isMessageKey, useI18n } from '../i18n/i18n';
import { useTeams } from '../teams/teams-context';
import { ApiError, createApi, type Api, type ApiFetch } from './client';

/** Asks the server to word its answers (result names, problems) in `locale`. */
export function inLanguage(apiFetch: ApiFetch, locale: string): ApiFetch {
  return (path, init) => {
    const headers = new Headers(init?.headers);
    headers.set('accept-language', locale);
    return apiFetch(path, { ...init, headers });
  };
}

/** The tab API in the language the tab speaks (the directory's, once known). */
export function useApi(): Api {
  const { apiFetch } = useTeams();
  const { locale } = useI18n();
  return useMemo(() => createApi(inLanguage(apiFetch, locale)), [apiFetch, locale]);
}

/** A localised message for a failed call: ours for known statuses, else the server's title. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('error.generic');
      if (error.status === 0) return t('error.network');
      const key = `error.${error.status >= 500 ? 500 : error.status}`;
      if (isMessageKey(key)) return t(key);
      return error.title ?? t('error.generic');
    },
    [t],
  );
}

export type Loadable<T> =
  { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'loaded'; value: T };

/** Runs `load` on mount (and on `reload`), ignoring answers that arrive after unmount. */
export function useLoad<T>(load: () => Promise<T>): [Loadable<T>, () => void, (value: T) => void] {
  const [result, setResult] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    load().then(
      (value) => live && setResult({ state: 'loaded', value }),
      (error: unknown) => live && setResult({ state: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [load, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((value: T) => setResult({ state: 'loaded', value }), []);
  return [result, reload, set];
}

/**
 * A user action such as a button's call: which one is running (at most one), and the last
 * failure, cleared when the next one starts. `run` never throws.
 */
export function useAction<K extends string>() {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (key: K, work: () => Promise<void>): Promise<void> => {
    setBusy(key);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
