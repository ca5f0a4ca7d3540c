/**
 * Who is responsible for a point of a reply: the organisation the text names as doing it
 * (由恒通公司负责, 恒通集团将…, 高平开发区坚持…), under one name per organisation
 * (恒通公司 and 恒通集团 are one; 开发区 and 高平开发区 are the zone's 管委会).
 */

// Facilities end like organisations too (泵站, 服务中心, 卫生所): a name counts as a subject only when an
// agent's verb follows it (将坚持, 负责, 牵头, 已将 …), never with 已建成 or 将于年底投入使用.
const ORG_SUFFIX =
  '(?:集团|公司|管委会|管理委员会|开发区|经开区|高新区|局|委员会|委|办公室|办|中心|人民政府|政府|街道办事处|街道|镇|乡|厅|大队|支队|派出所|供电所|卫生院|法院|检察院|银行|协会)';
const NAME = `[\\u4e00-\\u9fa5（）()]{0,18}?${ORG_SUFFIX}`;
const AGENT_VERB =
  '(?:(?:还|也)?(?:将|要|已)?(?:坚持|积极|全力|持续|继续|进一步|加快|加大|着力|不断|认真|会同|联合|协调|组织|督促|指导|推动|推进|一体|始终|主动|负责|牵头|计划|拟)|已将|将把|还将|也将)';

const BY_RESPONSIBLE = new RegExp(`由(${NAME})(?:牵头负责|牵头|负责|承担|实施|建设|组织)`, 'g');
const SUBJECT = new RegExp(
  `(?:^|[，。；：！？\\s、])(?:下一步|下步|今后|同时|此外|目前|近年来|今年以来)?[，]?(${NAME})${AGENT_VERB}`,
  'g',
);

/** Generic words that end like an organisation but name none. */
const NOT_ORGS = /^(我们|我局|本局|我委|本委|我办|本办|我中心|相关部门|有关部门|各部门|各单位|相关单位|有关单位|部门|单位|全市|我市|本市|全区|全县|公司|集团|政府|园区|该所|学校|驻所|派出所)$/;

export interface OrgNames {
  /** The canonical name of an organisation mentioned in the text, or null when it is not one. */
  canonical(name: string): string | null;
}

/**
 * Learns the names used in a whole reply: the full name of the development zone
 * (高平经济技术开发区), and the pairs XX公司 / XX集团 that are one company.
 */
export function learnOrgNames(fullText: string): OrgNames {
  const text = String(fullText ?? '');
  const zone = zoneFullName(text);
  const groups = new Set<string>();
  for (const m of text.matchAll(/([\u4e00-\u9fa5]{2,6}?)集团/g)) groups.add(m[1]);
  return {
    canonical(raw: string): string | null {
      let name = raw.replace(/^(?:由|是|和|与|及|并|对|在|让|为)/, '').trim();
      if (name.length < 2 || NOT_ORGS.test(name) || name.includes('的')) return null;
      if (!new RegExp(`${ORG_SUFFIX}$`).test(name)) return null;
      const z = /^(.{0,8}?)(?:经济技术开发区|经济开发区|高新技术产业开发区|开发区|经开区|高新区)(管委会|管理委员会)?$/.exec(name);
      if (z) {
        if (zone && (z[1] === '' || zone.startsWith(z[1]))) return `${zone}管委会`;
        return `${name.replace(/(管委会|管理委员会)$/, '')}管委会`;
      }
      const c = /^(.+?)(?:有限责任公司|股份有限公司|有限公司|公司)$/.exec(name);
      if (c) {
        for (const stem of groups) if (c[1] === stem || c[1].endsWith(stem)) return `${c[1]}集团`;
      }
      return name;
    },
  };
}

function zoneFullName(text: string): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/([\u4e00-\u9fa5]{2,8})(经济技术开发区|经济开发区|高新技术产业开发区)/g)) {
    const stem = placeStem(m[1], text);
    const full = stem + m[2];
    counts.set(full, (counts.get(full) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of counts) if (v > n) [best, n] = [k, v];
  return best;
}

/** The place name at the end of `prefix`: the shortest tail the text also uses as 某市/某县/某开发区. */
function placeStem(prefix: string, text: string): string {
  for (let len = 2; len <= prefix.length; len++) {
    const stem = prefix.slice(prefix.length - len);
    if (new RegExp(`${stem}(?:市|县|区|开发区|经开区)`).test(text.replace(new RegExp(`${stem}(经济技术|经济|高新技术产业)开发区`, 'g'), ''))) {
      return stem;
    }
  }
  return prefix.slice(-Math.min(prefix.length, 4));
}

/** Hides quoted text (“兹氏铸业集团”入区) so that it is not read as a subject. */
function maskQuotes(s: string): string {
  return s.replace(/“[^”]*”|《[^》]*》|「[^」]*」/g, (q) => '□'.repeat(q.length));
}

/**
 * The organisation responsible for one point: 由X负责 anywhere in it first, then the subject of the
 * heading (高平开发区坚持…), then the first organisation that is the subject of a commitment in the text.
 */
export function pointOwner(heading: string | null, text: string, names: OrgNames): string | null {
  const body = maskQuotes(String(text ?? ''));
  for (const m of body.matchAll(BY_RESPONSIBLE)) {
    const c = names.canonical(m[1]);
    if (c) return c;
  }
  for (const source of [maskQuotes(heading ?? ''), body]) {
    for (const m of source.matchAll(SUBJECT)) {
      const c = names.canonical(m[1]);
      if (c) return c;
    }
  }
  return null;
}
