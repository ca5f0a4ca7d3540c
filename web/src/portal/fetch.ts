import { useEffect, useState } from 'react';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
}

/** GET a public JSON endpoint; errors carry the server's Chinese message. */
export function usePublic<T>(url: string | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: null, error: null, loading: !!url });
  useEffect(() => {
    if (!url) return;
    let alive = true;
    setState((s) => ({ ...s, loading: true, error: null }));
    fetch(url, { headers: { accept: 'application/json' } })
      .then(async (r) => {
        const body = await r.json().catch(() => null);
        if (!r.ok) throw new Error(body?.message ?? `加载失败（${r.status}）`);
        return body as T;
      })
      .then((data) => alive && setState({ data, error: null, loading: false }))
      .catch((e: Error) => alive && setState({ data: null, error: e.message || '网络连接失败', loading: false }));
    return () => {
      alive = false;
    };
  }, [url]);
  return state;
}

/** The portal reads dates as the staff app does (web/src/lib/format.ts). */
export { formatDateCn as fmtDate } from '../lib/format';
