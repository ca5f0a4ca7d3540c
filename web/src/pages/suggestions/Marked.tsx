import type { Segment } from './toolsTypes';

/** Text with the matched parts marked, as the search returns it (never HTML from the server). */
export function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.mark ? <mark key={i} className="hit-mark" style={{ background: '#ffe58f', padding: '0 1px', borderRadius: 2 }}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}
