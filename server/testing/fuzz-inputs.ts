import fc from 'fast-check';

/**
 * Inputs that have broken systems of this kind: control and non-characters, lone surrogates, full-width
 * and zero-width variants of numbers, very long text, injection-shaped text, impossible dates.
 * Every text route is fuzzed with them (server/fuzz.test.ts); new routes get them for free.
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '', ' ', '\t\n\r', '\u0000', 'a\u0000b', '%00', '\u0007\u001b[31m', '\u007f', '\u0085', '\u2028\u2029',
  '\uFFFF', '\uFFFE', '关于\uFFFE的建议', '\uFDD0', '\uD800', 'x\uDC00y', '\uDBFF\uDFFF', '🙂👨‍👩‍👧',
  '１３９１２３４５６７８', '139\u200B1234\u200B5678', '110105\u00AD19491231002X', '\uFEFF关于', '\u202Eevil',
  'x'.repeat(5000), '关'.repeat(20000), "'; drop table suggestion; --", '" or 1=1 --', '<script>alert(1)</script>',
  '../../etc/passwd', 'C:\\Windows\\win.ini', '${7*7}', '{{7*7}}', '__proto__', 'constructor',
  'null', 'undefined', 'NaN', '-1', '0', '1e999', '9007199254740993', '2024-02-30', '2024-13-01', '0000-00-00',
  '9999-12-31', '2024-08-22T25:61:00Z', '１９４９年１０月１日', '高工信发〔2024〕37号', '〔〕号',
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0, -1, 1, 2, 0.5, -0.000001, 1e-9, 2 ** 31, -(2 ** 31), 2 ** 53 + 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER,
];

type Schema = Record<string, any>;

/** Resolves `$ref`s of an OpenAPI document's components. */
export function resolver(spec: Schema) {
  return (s: Schema | undefined): Schema => {
    let cur = s ?? {};
    for (let i = 0; i < 10 && typeof cur.$ref === 'string'; i++) {
      const parts = cur.$ref.replace(/^#\//, '').split('/');
      cur = parts.reduce((o: any, k: string) => o?.[k], spec) ?? {};
    }
    return cur;
  };
}

export interface ArbContext {
  resolve: (s: Schema | undefined) => Schema;
  /** Values that make a field meaningful: real ids, versions, dates seen in the data. */
  realValues: (field: string) => readonly (string | number)[];
}

const plausibleText = fc.constantFrom('关于改善园区道路照明的建议', '已完成', '同意', '测试', '高平市', 'B', 'A', '2024-08-22', '2026-12-07', '2024', '满意', 'organizer', 'demo123456');

function stringArb(s: Schema, field: string, c: ArbContext): fc.Arbitrary<string> {
  const parts: Array<{ weight: number; arbitrary: fc.Arbitrary<string> }> = [
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: plausibleText },
  ];
  if (typeof s.pattern === 'string') {
    try { parts.push({ weight: 3, arbitrary: fc.stringMatching(new RegExp(s.pattern, 'u')).filter((x) => x.length < 200) }); } catch { /* a pattern JS cannot read */ }
  }
  if (s.format === 'date') parts.push({ weight: 3, arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)) });
  if (s.format === 'date-time') parts.push({ weight: 3, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) });
  const real = c.realValues(field).filter((v): v is string => typeof v === 'string');
  if (real.length) parts.push({ weight: 5, arbitrary: fc.constantFrom(...real) });
  return fc.oneof(...parts);
}

function numberArb(s: Schema, field: string, c: ArbContext): fc.Arbitrary<number> {
  const real = c.realValues(field).filter((v): v is number => typeof v === 'number');
  const parts: Array<{ weight: number; arbitrary: fc.Arbitrary<number> }> = [
    { weight: 3, arbitrary: fc.integer({ min: -3, max: 12 }) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  ];
  if (typeof s.minimum === 'number' || typeof s.maximum === 'number') {
    const min = Math.max(-1e9, Number(s.minimum ?? -1e9));
    const max = Math.min(1e9, Number(s.maximum ?? 1e9));
    if (min <= max) parts.push({ weight: 3, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) });
  }
  if (real.length) parts.push({ weight: 4, arbitrary: fc.constantFrom(...real) });
  return fc.oneof(...parts);
}

/**
 * A fast-check arbitrary for values of a JSON schema: mostly well-formed with hostile leaves, sometimes
 * the wrong type altogether, sometimes with fields missing or extra. Depth-limited.
 */
export function arbFromSchema(schema: Schema | undefined, c: ArbContext, field = '', depth = 0): fc.Arbitrary<unknown> {
  const s = c.resolve(schema);
  const wrong = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom<unknown>(null, true, 0, '', [], {}));
  if (depth > 5) return wrong;
  const typed = typedArb(s, c, field, depth);
  return fc.oneof({ weight: 9, arbitrary: typed }, { weight: 1, arbitrary: wrong });
}

function typedArb(s: Schema, c: ArbContext, field: string, depth: number): fc.Arbitrary<unknown> {
  const alternatives = s.anyOf ?? s.oneOf;
  if (Array.isArray(alternatives) && alternatives.length) return fc.oneof(...alternatives.map((a: Schema) => arbFromSchema(a, c, field, depth + 1)));
  if (Array.isArray(s.allOf) && s.allOf.length) return arbFromSchema(Object.assign({}, ...s.allOf.map((x: Schema) => c.resolve(x))), c, field, depth + 1);
  if (s.const !== undefined) return fc.oneof({ weight: 4, arbitrary: fc.constant(s.const) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) });
  if (Array.isArray(s.enum) && s.enum.length) return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...s.enum) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) });
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((t: string) => typedArb({ ...s, type: t }, c, field, depth)));
  switch (type[0]) {
    case 'string': return stringArb(s, field, c);
    case 'integer': case 'number': return numberArb(s, field, c);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': return fc.array(arbFromSchema(s.items, c, field, depth + 1), { maxLength: 4 });
    case 'object': case undefined: {
      const props: Record<string, Schema> = s.properties ?? {};
      const required = new Set<string>(s.required ?? []);
      const keys = Object.keys(props);
      if (!keys.length) return type[0] === 'object' ? fc.dictionary(fc.constantFrom('a', '__proto__', 'constructor', 'x'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }) : fc.jsonValue({ maxDepth: 2 });
      const entries = keys.map((k) =>
        fc.tuple(fc.constant(k), arbFromSchema(props[k], c, k, depth + 1), required.has(k) ? fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x < 0.93) : fc.boolean()));
      return fc.tuple(...entries, fc.boolean()).map((list) => {
        const extra = list.pop() as boolean;
        const out: Record<string, unknown> = {};
        for (const [k, v, present] of list as Array<[string, unknown, boolean]>) if (present) out[k] = v;
        if (extra) out.unexpectedField = '\u0000';
        return out;
      });
    }
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}
