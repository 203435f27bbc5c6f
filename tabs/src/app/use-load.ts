import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, asApiError } from '../http/api-error';

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  /**
   * The data on screen answered an earlier key (another page, filter or sort) while the current one
   * loads: what a person acts on there (a tick, "select the page") is not what the page now names.
   */
  stale: boolean;
  reload: () => void;
}

/**
 * Loads whenever `key` changes; an answer that arrives after a newer request started is dropped,
 * so fast filter typing never shows an older page.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; dataKey: string | null; error: ApiError | null; loading: boolean }>({
    data: null,
    dataKey: null,
    error: null,
    loading: true,
  });
  const [nonce, setNonce] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, loading: true, error: null }));
    loadRef.current().then(
      (data) => {
        if (ticket === latest.current) setState({ data, dataKey: key, error: null, loading: false });
      },
      (e: unknown) => {
        if (ticket === latest.current) setState((s) => ({ ...s, error: asApiError(e), loading: false }));
      },
    );
  }, [key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const { data, error, loading, dataKey } = state;
  return { data, error, loading, stale: data !== null && dataKey !== key, reload };
}
