import fc from 'fast-check';

/*
 * Hostile inputs for the fuzz suite: values to put at random places of a valid mutation input, and the
 * edits that put them there. Everything here is pure (no I/O), so fast-check can replay and shrink it.
 */

/** A JSON-like value as sent in GraphQL variables. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A path into a Json value: object keys and array indexes. */
export type JsonPath = (string | number)[];

/** Text a reporter could really send, however hostile it looks: it must be refused or stored verbatim. */
export const TRICKY_TEXTS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '&lt;b&gt;not bold&lt;/b&gt; &amp; &#x3C;',
  "'; DROP TABLE events; --",
  'Robert"); DELETE FROM records WHERE ("1"="1',
  '{{7*7}} ${7*7} #{7*7} <%= 7*7 %>',
  '%s%s%s%n %x %d',
  '__proto__',
  'constructor',
  '{"not":"json data"}',
  '\\u0000 \\n \\" (escapes written out, not decoded)',
  'C:\\Windows\\System32\\ ../../etc/passwd',
  'Line one\nLine two\r\nLine three\ttabbed',
  '\u202Eevil.exe\u202C (right-to-left override)',
  '\u200F\u05E9\u05DC\u05D5\u05DD mixed \u0645\u0631\u062D\u0628\u0627 direction',
  '\u200Bzero\u200Dwidth\u2060joiners\u200C',
  'inner\uFEFFbyte order mark\uFEFF.',
  'e\u0301 vs \u00E9, \u212B vs \u00C5 (unnormalised)',
  'Z\u0351\u0352\u0353a\u0354\u0355l\u0356\u0357g\u0358\u0359o',
  '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466} \u{1F1F0}\u{1F1ED} \u{1F4A9}',
  'ព្រះរាជាណាចក្រកម្ពុជា ក្រសួងមហាផ្ទៃ',
  'ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ',
  '柬埔寨电信诈骗 ミャンマー 미얀마',
  '\uFFFD\uFFFF\uFFFE noncharacters \u{10FFFF}',
  'non-breaking\u00A0inside\u00A0space',
  'a\u2028line separator\u2029paragraph',
  'NULL',
  'undefined',
  'true',
  '0',
  '-1e308',
  'x',
];

/** Control characters a free-text field must refuse (see plain-text.validator.ts). */
export const FORBIDDEN_CONTROLS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\b',
  '\u000B',
  '\f',
  '\u001B[31m',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u009B',
];

/**
 * Keys that make Fastify refuse a JSON body outright (400 BAD_REQUEST) as prototype poisoning:
 * `__proto__`, or `constructor` holding `prototype`.
 */
export function hasPoisonedKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasPoisonedKey);
  if (typeof value !== 'object' || value === null) return false;
  if (Object.hasOwn(value, '__proto__')) return true;
  const record = value as Record<string, unknown>;
  const ctor = record['constructor'];
  if (Object.hasOwn(value, 'constructor') && typeof ctor === 'object' && ctor !== null && 'prototype' in ctor)
    return true;
  return Object.values(record).some(hasPoisonedKey);
}

/** Strings that are not well-formed UTF-16: lone or reversed surrogates. */
export const LONE_SURROGATES = ['\uD800', '\uDFFF', 'ok\uDC00', '\uDBFF\uD800', '\uDC00\uD800x'];

export const BAD_DATES = [
  '2025-02-30',
  '2025-02-29',
  '2025-13-01',
  '2025-00-10',
  '2025-01-32',
  '0000-01-01',
  '99999-01-01',
  '+002025-01-01',
  '2025-1-1',
  '2025/01/20',
  '20-01-2025',
  '2025-01-20T00:00:00Z',
  '2999-01-01',
  'yesterday',
  'today',
  '２０２５',
  '٢٠٢٥-٠١-٢٠',
  '1e3',
  '',
];

/** Real dates, which may or may not fit where they are put (precision, order, not in the future). */
export const ODD_DATES = [
  '2024-02-29',
  '1900-01-01',
  '0001-01-01',
  '2025',
  '2025-02',
  '1970-01-01',
  '9999-12-31',
];

export const BAD_COUNTRIES = [
  'XX',
  'ZZ',
  'AA',
  'UK',
  'EU',
  'kh',
  'kh ',
  ' KH',
  'Kh',
  'ZZZ',
  'KHM',
  'K',
  '',
  'ＫＨ',
  'K\u0000',
  '12',
];

export const BAD_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'ftp://example.org/file',
  'vbscript:msgbox(1)',
  'mailto:someone@example.org',
  '//example.org/no-scheme',
  'https://',
  'https:///path-only',
  'http://exa mple.org/',
  'https://example.org/<script>',
  'https://example.org\u0000.evil/',
  ' https://example.org/padded ',
  'https://example.org/%zz',
  'https://[::1/',
  'example.org',
  '',
];

/** URLs that are fine but not written canonically: stored in the canonical WHATWG form. */
export const ODD_URLS = [
  'HTTPS://EXAMPLE.ORG/Path',
  'https://example.org',
  'https://例え.jp/パス?q=ខ្មែរ#frag',
  'https://example.org:443/a/../b/./c',
  'http://127.0.0.1:8080/x?y=<z>',
  'https://example.org/?q="quoted"&r=\'single\'',
];

export const BAD_UUIDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-4fff-bfff-ffffffffffff',
  '01234567-89ab-cdef-0123-456789abcdef',
  "1' OR '1'='1",
  '',
];

export const NUMBERS = [
  0,
  -1,
  -0,
  1.5,
  -2.75,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.EPSILON,
  // JSON has no NaN or Infinity: JSON.stringify sends them as null.
  Number.NaN,
  Number.POSITIVE_INFINITY,
];

export const ENUM_LIKE = [
  'REPORTED',
  'reported',
  'HOST ',
  'OFFICIAL_CLAIM',
  'SUPPORTS',
  'DAY',
  'MONTH',
  'YEAR',
  'WEEK',
  'ACTING',
  'SIGNATORY',
  'NOT_A_VALUE',
  '__typename',
];

export const EXTRA_KEYS = [
  'extra',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '__typename',
  'id',
  '$where',
  'recordedBy',
  'position',
  // Real fields, of other inputs or other kinds (a correction's changes accept some of them).
  'title',
  'place',
  'quote',
  'text',
  'note',
  'reason',
  'value',
  'count',
  'charges',
  'sentence',
];

/** Text within reason for a field of that kind; any of it may still be refused by a field's rules. */
export function trickyText(maxLength = 40): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TRICKY_TEXTS) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength }) },
  );
  return fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(' '));
}

/** A string of `length` copies of `unit` (emoji are two UTF-16 units, Khmer clusters several). */
const repeated = (unit: string, length: number) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

export function hugeString(): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom('x', 'ក', '\u{1F600}', '<b>', ' '),
      // At and just over the limits of a label (500), a URL (2048) and a text (10,000), and far over.
      fc.constantFrom(500, 501, 2048, 2049, 10_000, 10_001, 60_000),
    )
    .map(([unit, length]) => repeated(unit, length));
}

/** Strings a field must refuse whatever it is: control characters, lone surrogates, padding. */
export function forbiddenText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...FORBIDDEN_CONTROLS, ...LONE_SURROGATES),
        fc.constantFrom('', 'text'),
        fc.nat(2),
      )
      .map(([bad, text, where]) => [`${bad}${text}`, `${text}${bad}`, `a${bad}b${text}`][where]!),
    fc
      .tuple(fc.constantFrom(' ', '\t', '\n', '\u00A0', '\u3000', '\uFEFF', '\u2028'), fc.boolean())
      .map(([space, before]) => (before ? `${space}padded` : `padded${space}`)),
    fc.constantFrom('', ' ', '   ', '\n\t'),
  );
}

/** An object with an own `__proto__` key (JSON.parse makes one; an object literal would set the prototype). */
function ownProtoObject(value: Json): Json {
  return JSON.parse(`{"__proto__": ${JSON.stringify(value)}, "polluted": true}`) as Json;
}

function deepNesting(depth: number): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { nested: value };
  return value;
}

/** Anything at all, mostly of the wrong type or out of range for wherever it lands. */
export function hostileValue(): fc.Arbitrary<Json> {
  const scalar: fc.Arbitrary<Json> = fc.oneof(
    fc.constantFrom<Json>(null, true, false),
    fc.constantFrom(...NUMBERS),
    fc.integer(),
    fc.double(),
    fc.constantFrom(...BAD_DATES, ...ODD_DATES),
    fc.constantFrom(...BAD_COUNTRIES),
    fc.constantFrom(...BAD_URLS, ...ODD_URLS),
    fc.constantFrom(...BAD_UUIDS),
    fc.constantFrom(...ENUM_LIKE),
    forbiddenText(),
    hugeString(),
    trickyText(),
  );
  return fc.oneof(
    { weight: 8, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(101, 1000, 5000), fc.oneof(trickyText(8), fc.constant<Json>(null)))
        .map(([length, item]) => Array.from({ length }, () => item)),
    },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...EXTRA_KEYS, 'a', 'b'), scalar, { maxKeys: 3 }) },
    { weight: 1, arbitrary: scalar.map(ownProtoObject) },
    { weight: 1, arbitrary: fc.constantFrom(10, 200).map(deepNesting) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  );
}

/** One change to a valid input. `at` picks a node (modulo the node count), so any input can take it. */
export type Edit =
  | { op: 'text'; at: number; text: string }
  | { op: 'replace'; at: number; value: Json }
  | { op: 'remove'; at: number }
  | { op: 'extraField'; at: number; key: string; value: Json }
  | { op: 'grow'; at: number; copies: number; extra: Json };

export function edit(): fc.Arbitrary<Edit> {
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: trickyText() }),
    },
    {
      weight: 4,
      arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: hostileValue() }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), at: fc.nat() }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('extraField' as const),
        at: fc.nat(),
        key: fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ minLength: 1, maxLength: 12 })),
        value: hostileValue(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('grow' as const),
        at: fc.nat(),
        copies: fc.constantFrom(1, 2, 60, 101, 1000),
        extra: hostileValue(),
      }),
    },
  );
}

/**
 * One to three edits, so a refusal can be traced. A third of the runs only rewrite free text, which
 * should mostly be accepted and so checks what is recorded; the rest mix every kind of hostility.
 */
export function edits(): fc.Arbitrary<Edit[]> {
  const textOnly = fc.array(
    fc.record({ op: fc.constant('text' as const), at: fc.nat(), text: trickyText() }),
    { minLength: 1, maxLength: 3 },
  );
  return fc.oneof(
    { weight: 1, arbitrary: textOnly },
    { weight: 2, arbitrary: fc.array(edit(), { minLength: 1, maxLength: 3 }) },
  );
}

/** An idempotency key: mostly none; otherwise text, made unique per run by the caller. */
export function idempotencyKeyText(): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: trickyText(20) },
    { weight: 1, arbitrary: forbiddenText() },
    { weight: 1, arbitrary: hugeString() },
  );
}

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every node of `value` but the root, depth first: where an edit may land. */
export function nodePaths(value: Json, prefix: JsonPath = []): JsonPath[] {
  const entries: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, i) => [i, item])
    : isObject(value)
      ? Object.entries(value)
      : [];
  return entries.flatMap(([key, child]) => [[...prefix, key], ...nodePaths(child, [...prefix, key])]);
}

export function getAt(value: Json, path: JsonPath): Json | undefined {
  let node: Json | undefined = value;
  for (const key of path) {
    if (Array.isArray(node) && typeof key === 'number') node = node[key];
    else if (isObject(node) && typeof key === 'string') node = node[key];
    else return undefined;
  }
  return node;
}

function setAt(root: Json, path: JsonPath, value: Json | undefined): void {
  const parent = getAt(root, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof key === 'number') {
    if (value === undefined) parent.splice(key, 1);
    else parent[key] = value;
  } else if (isObject(parent) && typeof key === 'string') {
    if (value === undefined) delete parent[key];
    else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  }
}

/**
 * Fields whose strings are codes rather than prose: enums, ISO codes, dates, URLs and ids. Tricky text
 * there is refused for what it is; the `text` edit aims at the others, where it should be recorded.
 */
const CODED_FIELDS = new Set([
  'code',
  'role',
  'country',
  'countries',
  'nationality',
  'date',
  'precision',
  'publishedOn',
  'assessedOn',
  'url',
  'confidence',
  'relation',
  'status',
  'rating',
  'category',
  'categories',
  'target',
  'action',
  'qualifier',
  'provenance',
  'recordId',
  'evidenceId',
  'meetingId',
  'statementId',
  'assessmentId',
  'actorType',
  'language',
  'into',
  'allegedBy',
  'about',
  'speakerId',
  'claimantId',
  'assessorId',
  'outletId',
  'memberAgencyIds',
  'publisherId',
  'actorId',
  'disputes',
]);

/** The paths of the free-text strings of `value` (names, titles, quotes, reasons, labels...). */
export function freeTextPaths(value: Json): JsonPath[] {
  return nodePaths(value).filter(
    (path) =>
      typeof getAt(value, path) === 'string' &&
      !path.some((key) => typeof key === 'string' && CODED_FIELDS.has(key)),
  );
}

/** Characters one `grow` edit may add. */
const MAX_GROWTH = 300_000;

/** Applies `edits` to a deep copy of `input` (objects only: the root stays an object). */
export function applyEdits(input: Record<string, unknown>, changes: readonly Edit[]): Record<string, Json> {
  const root = structuredClone(input) as Record<string, Json>;
  for (const change of changes) {
    const paths = nodePaths(root);
    const containers = [[], ...paths].filter((path) => {
      const node = getAt(root, path);
      return change.op === 'grow' ? Array.isArray(node) : change.op === 'extraField' ? isObject(node) : true;
    });
    const texts = freeTextPaths(root);
    if (change.op === 'text' && texts.length > 0) {
      setAt(root, texts[change.at % texts.length]!, change.text);
    } else if (change.op === 'replace' && paths.length > 0) {
      setAt(root, paths[change.at % paths.length]!, change.value);
    } else if (change.op === 'remove' && paths.length > 0) {
      setAt(root, paths[change.at % paths.length]!, undefined);
    } else if (change.op === 'extraField' && containers.length > 0) {
      setAt(root, [...containers[change.at % containers.length]!, change.key], change.value);
    } else if (change.op === 'grow' && containers.length > 0) {
      const list = getAt(root, containers[change.at % containers.length]!) as Json[];
      const model = list.length > 0 ? list[0]! : change.extra;
      // Big, but within a request body an honest server accepts (a few hundred KiB at most).
      const copies = Math.min(change.copies, Math.floor(MAX_GROWTH / JSON.stringify(model ?? null).length));
      for (let i = 0; i < copies; i++) list.push(structuredClone(model));
      list.push(change.extra);
    }
  }
  return root;
}

/** Every string in `value` with its path. */
export function stringLeaves(value: unknown, prefix: JsonPath = []): { path: JsonPath; value: string }[] {
  if (typeof value === 'string') return [{ path: prefix, value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...prefix, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...prefix, key]));
  }
  return [];
}

/** `sources[0].url` for error messages and field names. */
export function pathText(path: JsonPath): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text === '' ? key : `${text}.${key}`),
    '',
  );
}

/** What the text rules refuse anywhere: a control character (but tab and line breaks) or a lone surrogate. */
export function hasForbiddenCharacter(text: string): boolean {
  return !text.isWellFormed() || /[^\P{Cc}\t\n\r]/u.test(text);
}
