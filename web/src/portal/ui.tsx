import type { ReactNode } from 'react';
import type { Loaded } from './fetch';

export function Loading<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  if (state.loading && !state.data) return <p className="muted">正在加载……</p>;
  if (state.error) return <p className="error" role="alert">{state.error}</p>;
  if (!state.data) return null;
  return <>{children(state.data)}</>;
}

export function Progress({ value, label }: { value: number; label?: string }) {
  const v = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className="progress" role="progressbar" aria-valuenow={v} aria-valuemin={0} aria-valuemax={100} aria-label={label}>
      <div className="bar" style={{ width: `${v}%` }} />
      <span>{v}%</span>
    </div>
  );
}

const LIGHT_TEXT: Record<string, string> = { green: '正常', yellow: '滞后', red: '严重滞后' };
export function Light({ light }: { light: string }) {
  return <span className={`light light-${light}`}>{LIGHT_TEXT[light] ?? light}</span>;
}

export function Tag({ children, tone = 'default' }: { children: ReactNode; tone?: 'default' | 'red' | 'green' | 'orange' | 'blue' }) {
  return <span className={`tag tag-${tone}`}>{children}</span>;
}
