/**
 * Which organisation a proposed promise belongs to: the name the extractor read from the reply (恒通集团,
 * 高平经济技术开发区管委会, 教育局 …) matched against the org units by full name or short name; a promise
 * whose text names nobody (or an organisation the system does not know) belongs to the lead unit.
 */
export interface OrgLite {
  id: string;
  name: string;
  short_name: string;
}

const norm = (s: string) => s.replace(/[（）()\s]/g, '').replace(/有限责任公司|股份有限公司|有限公司$/, '');

export function matchOrg(name: string | null | undefined, orgs: OrgLite[]): OrgLite | null {
  if (!name) return null;
  const n = norm(name);
  if (n.length < 2) return null;
  const exact = orgs.find((o) => norm(o.name) === n || norm(o.short_name) === n);
  if (exact) return exact;
  // 市教育局 / 高平市教育局: the longest org name or short name (3+ characters) that the name ends with, or
  // that ends with the name.
  const candidates = orgs
    .map((o) => {
      const full = norm(o.name);
      const short = norm(o.short_name);
      const score = Math.max(
        n.endsWith(full) ? full.length : 0,
        short.length >= 3 && n.endsWith(short) ? short.length : 0,
        n.length >= 3 && full.endsWith(n) ? n.length : 0,
      );
      return { o, score };
    })
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score);
  if (candidates.length === 0) return null;
  if (candidates.length > 1 && candidates[0].score === candidates[1].score) return null; // ambiguous: let staff choose
  return candidates[0].o;
}
