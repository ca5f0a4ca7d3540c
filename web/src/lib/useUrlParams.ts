import { useSearchParams } from 'react-router';

export type UrlPatch = Record<string, string | string[] | undefined | null>;

/**
 * A page's filters kept in the URL. `set(patch)` changes the given keys (undefined, null or '' removes one;
 * an array repeats it) and goes back to the first page unless the patch names `page` or `keepPage` is given.
 * It works from the current URL, not a render's copy, so two quick clicks do not undo each other.
 */
export function useUrlParams(opts: { replace?: boolean } = {}) {
  const [params, setParams] = useSearchParams();
  const set = (patch: UrlPatch, keepPage = false) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const [k, v] of Object.entries(patch)) {
      next.delete(k);
      if (Array.isArray(v)) v.forEach((x) => next.append(k, x));
      else if (v !== undefined && v !== null && v !== '') next.set(k, v);
    }
    if (!keepPage && !('page' in patch)) next.delete('page');
    return next;
  }, { replace: opts.replace });
  return [params, set] as const;
}
