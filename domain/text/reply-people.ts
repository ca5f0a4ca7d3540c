/**
 * People named in a reply: the proposers it is addressed to and the contact person and phone in its note.
 * Names are only taken where the text writes them; 张三等5名代表 yields 张三 alone.
 */
import { SALUTATION, groupAddressee } from './reply-patterns.js';

// ---------------------------------------------------------------- proposers

const NAME = /^(?:\p{Script=Han}{2,4}|\p{Script=Han}{1,10}[·•・]\p{Script=Han}{1,10})$/u;
const NOT_A_NAME = /^(各位|全体|你们|您们|诸位|有关|相关|广大|人大|政协|市|区|县|亲爱的|某)|(团|组|界|们|局|办公室|科室|中心|单位|公司)$/;

export function isPersonName(s: string): boolean {
  return NAME.test(s) && !NOT_A_NAME.test(s);
}

export interface Addressees {
  names: string[];
  /** 代表 or 委员 (or 同志 …) as written before the colon; null for groups or no salutation. */
  role: string | null;
}

/** Proposers named by the salutation line: 尊敬的郜义鹏、李科代表： / 张三等5名代表： / 民盟高平市委员会： */
export function addresseesOf(line: string): Addressees {
  const group = groupAddressee(line);
  if (group) return { names: [group], role: null };
  const m = SALUTATION.exec(line);
  if (!m) return { names: [], role: null };
  const role = /委员/.test(m[0]) ? '委员' : /代表/.test(m[0]) ? '代表' : m[2];
  return { names: namesIn(m[1]), role };
}

/** Names in a list such as 郜义鹏、李科、杜小林 or 张三代表、李四代表 or 张 三 (padded) or 张三等5名. */
export function namesIn(list: string): string[] {
  const body = list
    .replace(/^尊敬的/, '')
    .replace(/等\s*[\d一二三四五六七八九十两]*\s*[名位个人]?\s*$/, '')
    .replace(/[（(][^）)]*[）)]/g, '');
  const names: string[] = [];
  for (const raw of body.split(/[、，,；;/]+/)) {
    const segment = raw
      .trim()
      .replace(/^(?:市|区|县|省)?(?:人大|政协)?(?:代表|委员)\s*/, '')
      .replace(/\s*(?:代表|委员|同志)$/, '');
    for (const name of splitPadded(segment)) if (isPersonName(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** "张 三" is one padded two-character name; "张三 李四" are two names. */
function splitPadded(segment: string): string[] {
  const pieces = segment.split(/\s+/).filter(Boolean);
  if (pieces.length > 1 && pieces.every((p) => [...p].length === 1)) return [pieces.join('')];
  return pieces;
}

const PROPOSER_LABEL =
  /(领衔代表|领衔委员|领衔人|建议人|提出人|提案人|提议人|代表姓名|委员姓名|联名代表|附议代表|附议委员|附议人|联名人)\s*[：:]\s*/g;

/** Names under labels such as 领衔代表：高建明　附议代表：李红梅、赵志远 (portals print them with the suggestion). */
export function proposersFromLabels(lines: string[]): string[] {
  const names: string[] = [];
  for (const line of lines) {
    const labels = [...line.matchAll(PROPOSER_LABEL)];
    labels.forEach((label, k) => {
      const from = (label.index ?? 0) + label[0].length;
      const to = k + 1 < labels.length ? labels[k + 1].index ?? line.length : line.length;
      const value = line.slice(from, to).split(/\s{2,}|[；;。]/)[0];
      for (const name of namesIn(value)) if (!names.includes(name)) names.push(name);
    });
  }
  return names;
}

const PROPOSED_BY = /(?:^|[由，,。])\s*([\p{Script=Han}、，,\s]{2,60}?)(?:等\s*[\d一二三四五六七八九十两]*\s*[名位]?)?(?:代表|委员)(?:领衔)?(?:联名)?(?:提出|所提|提交)/u;

/** Names from the intro when the reply has no salutation: 郜义鹏等5名代表提出的… */
export function proposersInIntro(intro: string): string[] {
  const m = PROPOSED_BY.exec(intro);
  return m ? namesIn(m[1]) : [];
}

// ---------------------------------------------------------------- contact

export interface Contact {
  person: string | null;
  phone: string | null;
}

const PERSON_LABEL = /(联系人员|联系人|经办人|承办人|办理人)(?:及(?:其)?(?:联系)?(?:电话|方式))?\s*[：:]\s*/;
const PHONE_LABEL = /(联系电话|联系方式|联系号码|办公电话|电话|手机号码|手机号|手机|座机|固话)\s*[：:]?\s*/;
const PHONE =
  /(?<![\d-])(?:\+?86[-\s]?)?(?:1[3-9]\d{9}|(?:[（(]0\d{2,3}[)）]\s*|0\d{2,3}\s*[-－—–]?\s*)?[2-9]\d{6,7}(?:\s*(?:[-－—–]|转)\s*\d{1,5})?)(?!\d)/;

/** Spaced-out labels (联 系 人：) closed up so the patterns see them. */
function closeLabels(s: string): string {
  return s
    .replace(/联\s*系\s*人\s*员/g, '联系人员')
    .replace(/联\s*系\s*人/g, '联系人')
    .replace(/联\s*系\s*电\s*话/g, '联系电话')
    .replace(/联\s*系\s*方\s*式/g, '联系方式')
    .replace(/经\s*办\s*人/g, '经办人')
    .replace(/承\s*办\s*人/g, '承办人')
    .replace(/电\s+话/g, '电话');
}

export function personIn(line: string): string | null {
  const s = closeLabels(line);
  const label = PERSON_LABEL.exec(s);
  const from = label ? (label.index ?? 0) + label[0].length : -1;
  if (from < 0) {
    const any = /联系方式\s*[：:]\s*/.exec(s);
    if (!any) return null;
    return leadingName(s.slice((any.index ?? 0) + any[0].length), true);
  }
  return leadingName(s.slice(from), false);
}

const NAME_RUN = /^([\p{Script=Han}·]{2,8}?)(?=$|[\s，,；;、：:（()）\d-]|联系电话|电话|手机|联系方式)/u;
const UNIT_WORD = /(室|科|股|处|办|部|所|站|中心|局|委|单位|公司)$/;

/**
 * The name at the start of a label's value, after at most one unit word (办公室 张三); with `needPhone`,
 * only when a phone follows it.
 */
function leadingName(value: string, needPhone: boolean): string | null {
  let rest = value.trim();
  for (let step = 0; step < 2; step++) {
    const m = NAME_RUN.exec(rest);
    if (!m) return null;
    const after = rest.slice(m[0].length);
    const next = NAME_RUN.exec(after.trim());
    if (step === 0 && UNIT_WORD.test(m[1]) && next && isPersonName(next[1])) {
      rest = after.trim();
      continue;
    }
    if (!isPersonName(m[1])) return null;
    return needPhone && !PHONE.test(after) ? null : m[1];
  }
  return null;
}

export function phoneIn(line: string): string | null {
  const s = closeLabels(line);
  const label = PHONE_LABEL.exec(s) ?? PERSON_LABEL.exec(s);
  if (!label) return null;
  const value = s.slice((label.index ?? 0) + label[0].length);
  const m = PHONE.exec(value);
  if (!m) return null;
  // Without a colon the label must be followed by the number itself (电话 5241566), not by prose.
  if (!/[：:]/.test(label[0]) && m.index !== 0) return null;
  return tidyPhone(m[0]);
}

function tidyPhone(s: string): string {
  return s.replace(/[－—–]/g, '-').replace(/（/g, '(').replace(/）/g, ')').replace(/\s*(-|转)\s*/g, '$1').replace(/[)]\s+/g, ')').trim();
}

/** The first contact person and the first phone over the lines given (closing note first). */
export function contactIn(lines: string[]): Contact {
  let person: string | null = null;
  let phone: string | null = null;
  for (const line of lines) {
    person ??= personIn(line);
    phone ??= phoneIn(line);
    if (person && phone) break;
  }
  return { person, phone };
}
