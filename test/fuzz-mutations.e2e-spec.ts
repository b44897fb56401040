import fc from 'fast-check';
import { DOMAIN_ERROR_CODES } from '@tracker/domain';
import { API_ERROR_CODES } from '../apps/api/src/graphql/errors/error-codes.js';
import { startApiServer, type RunningServer } from './support/api-server.js';
import { gqlData, graphqlEndpoint, type GqlResponse } from './support/gql.js';
import {
  applyEdits,
  edits,
  FORBIDDEN_CONTROLS,
  freeTextPaths,
  hasForbiddenCharacter,
  hasPoisonedKey,
  hostileValue,
  idempotencyKeyText,
  LONE_SURROGATES,
  pathText,
  stringLeaves,
  TRICKY_TEXTS,
  type Json,
  type JsonPath,
} from './support/fuzz-arbitraries.js';
import { MUTATION_CASES } from './support/mutation-cases.js';
import { mutationDocument, statementInput } from './support/mutation-inputs.js';
import { storeHead, tryMutate, type MutationPayload } from './support/mutations.js';

/*
 * Hardening by fuzzing: for every mutation, a valid input with hostile values at random places (wrong
 * types, oversized strings, impossible dates, unknown countries, non-http URLs, markup, control
 * characters, odd Unicode, huge lists, unknown fields, odd numbers), sent over real HTTP to one real
 * server. Each answer is either a clean refusal (a known code, nothing written) or an acceptance whose
 * every string is recorded and read back exactly as sent. Then raw garbage at the transport, and the
 * server must still be up with nothing unexpected in its log.
 *
 * FUZZ_RUNS sets the runs per property (default below, sized for CI on 2 slow cores); every run prints its
 * seed, and a failure fast-check's seed and path, which FUZZ_SEED and FUZZ_PATH replay; FUZZ_SUMMARY=1 prints how many
 * runs each mutation accepted and refused, and with which codes.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** Every run's seed is chosen here and printed, so any run, not only a failing one, can be replayed. */
const SEED =
  process.env.FUZZ_SEED === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED);
process.stderr.write(`fuzz-mutations: FUZZ_SEED=${SEED} replays this run\n`);
const REPLAY = { seed: SEED, ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}) };
const PROPERTY_TIMEOUT = 10 * 60_000;

/** What a refused mutation may answer with: input errors and the domain's own codes, nothing else. */
const REFUSAL_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'NOT_FOUND',
  ...Object.keys(DOMAIN_ERROR_CODES),
]);
/** What the transport may answer garbage with: any API code but the ones that mean the server failed. */
const TRANSPORT_CODES = new Set<string>(
  Object.keys(API_ERROR_CODES).filter(
    (code) => !['INTERNAL_SERVER_ERROR', 'UNAVAILABLE', 'OUTCOME_UNKNOWN'].includes(code),
  ),
);

/**
 * Fields a mutation records (they are in its event, read back through `history`) but that the record's
 * projection does not show: the reasons of some steps and the sources and dates of lifecycle steps.
 */
const DETENTION_STEP = ['on', 'sources'];
const NOT_PROJECTED: Record<string, string[]> = {
  unlinkEvidence: ['evidenceId', 'reason'],
  unlinkAllegationEvidence: ['evidenceId', 'reason'],
  mergeActor: ['sources'],
  setImplementationStatus: ['reason', 'sources'],
  updateArrestFigures: ['sources'],
  chargeDetention: DETENTION_STEP,
  releaseDetentionOnBail: [...DETENTION_STEP, 'conditions'],
  convictDetention: DETENTION_STEP,
  acquitDetention: DETENTION_STEP,
  dropDetentionCharges: DETENTION_STEP,
  releaseDetention: [...DETENTION_STEP, 'reason'],
  correctRecord: ['reason'],
  correctRetraction: ['reason'],
};

/** Every field of every kind that holds text, to find what was sent in what the read model shows. */
const READ_BACK = `
  fragment Src on Source { url title publisher publishedOn quote }
  fragment Day on PartialDate { date precision }
  fragment When on Occurred { type date precision from { ...Day } to { ...Day } }
  fragment Everything on Record {
    id kind retracted retractionReason confidence
    countries { code role }
    occurred { ...When }
    sources { ...Src }
    ... on Meeting { title place bodies outcomeSummary }
    ... on Statement { speaker speakerId office quote venue }
    ... on Actor { actorType name names { value language } aliases description merger { into reason } }
    ... on Allegation {
      allegedBy about claim allegationStatus evidenceLinks { recordId relation note sources { ...Src } }
    }
    ... on Commitment {
      text theme meetingId statementId deadline { ...Day }
      assessments { assessmentId assessor country { code } rating rationale assessedOn sources { ...Src } }
      evidence { recordId relation note countries { code } sources { ...Src } }
      signatories { country { code } implementation }
    }
    ... on TaskForce { name mandate memberAgencies dissolution { on { ...Day } reason sources { ...Src } } }
    ... on Arrest {
      personsArrested place charges nationalities { country { code } count }
      deported prosecuted figuresOn { ...Day }
    }
    ... on Detention {
      persons { name role nationality { code } } outlet reason charges status
      notes { category note on { ...Day } sources { ...Src } }
      sentence { description custodial months }
    }
    ... on Shutdown { count target action categories authority }
    ... on Figure { indicator value unit qualifier period { ...When } claimant claimantId provenance disputes }
  }
  query ReadBack($id: ID!) {
    record(id: $id) { ...Everything }
    history(recordId: $id, first: 100) { edges { node { position type data metadata } } }
  }`;

const brief = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 1500 ? `${text.slice(0, 1500)}… (${text.length} characters)` : text;
};

function check(condition: unknown, what: string, response?: GqlResponse<unknown>): asserts condition {
  if (!condition) {
    const answer = response ? `\nHTTP ${response.status}: ${brief(response.body)}` : '';
    throw new Error(`${what}${answer}`);
  }
}

const isUrlField = (path: JsonPath) => path.at(-1) === 'url';

/** A URL is stored in its canonical WHATWG form (the domain keys sources by it); anything else as sent. */
function storedForm(path: JsonPath, value: string): string {
  if (isUrlField(path)) return new URL(value).href;
  return value;
}

/**
 * Leaves the domain legitimately leaves out: a source whose URL repeats an earlier one of the same list
 * counts once, the first one kept (documented on parseSources).
 */
function droppedDuplicateSource(input: Json, path: JsonPath): boolean {
  const at = path.lastIndexOf('sources');
  if (at < 0 || typeof path[at + 1] !== 'number') return false;
  let list: Json = input;
  for (const key of path.slice(0, at + 1)) list = (list as any)[key];
  const index = path[at + 1] as number;
  const url = (source: Json) => {
    try {
      return new URL((source as any).url).href;
    } catch {
      return undefined;
    }
  };
  const own = url((list as Json[])[index]!);
  return (list as Json[]).slice(0, index).some((earlier) => url(earlier) === own);
}

/** Why the text rules must refuse this input, if they must. */
function mustRefuse(input: Json): string | undefined {
  for (const leaf of stringLeaves(input)) {
    if (hasForbiddenCharacter(leaf.value)) return `${pathText(leaf.path)} has a forbidden character`;
    const trimmed = leaf.value.trim();
    if (trimmed !== leaf.value) return `${pathText(leaf.path)} is padded or blank`;
  }
  return undefined;
}

function hasStringQuery(body: string): boolean {
  try {
    return typeof (JSON.parse(body) as { query?: unknown } | null)?.query === 'string';
  } catch {
    return false;
  }
}

describe('fuzzing every mutation with hostile input', () => {
  let server: RunningServer;
  let url: string;
  /** A valid input per mutation, with its targets recorded; dropped once a run changed that state. */
  const prepared = new Map<string, Record<string, unknown>>();
  let keys = 0;
  const tally: Record<string, { accepted: number; refused: number; codes: Record<string, number> }> = {};

  beforeAll(async () => {
    server = await startApiServer({
      // The suite sends thousands of requests from one token, some of them big: the rate limit and the
      // body limit have their own specs, so here they are set out of the way.
      env: { TRACKER_DEMO_DATA: 'false', TRACKER_RATE_LIMIT_MAX: '0', TRACKER_MAX_BODY_BYTES: '8388608' },
    });
    url = server.url;
  });
  afterAll(async () => {
    await server.stop();
    // What the properties reached (accepted, refused, codes), for whoever tunes the arbitraries.
    if (process.env.FUZZ_SUMMARY) {
      console.error(
        `Fuzz outcomes (${RUNS} runs each):\n${Object.entries(tally)
          .map(([m, t]) => `  ${m}: ${t.accepted} accepted, ${t.refused} refused ${JSON.stringify(t.codes)}`)
          .join('\n')}`,
      );
    }
  });

  async function validInput(mutation: string): Promise<Record<string, unknown>> {
    if (!prepared.has(mutation)) prepared.set(mutation, await MUTATION_CASES[mutation]!(server));
    return structuredClone(prepared.get(mutation)!);
  }

  async function readBack(recordId: string) {
    return gqlData(url, READ_BACK, { id: recordId });
  }

  /** Sends one input and checks the answer; returns whether it was accepted. */
  async function sendAndCheck(mutation: string, input: Record<string, Json>, key?: string): Promise<boolean> {
    const before = await storeHead(url);
    const response = await tryMutate(
      server,
      mutation,
      input,
      key === undefined ? {} : { idempotencyKey: key },
    );
    const contentType = response.headers.get('content-type') ?? '';
    check(
      /^application\/(graphql-response\+)?json/.test(contentType),
      `answered as ${contentType}`,
      response,
    );
    const payload = response.data?.[mutation];
    const counts = (tally[mutation] ??= { accepted: 0, refused: 0, codes: {} });

    if (payload == null) {
      check([200, 400].includes(response.status), 'a refusal answers HTTP 200 or 400', response);
      check(response.errors !== undefined && response.errors.length > 0, 'a refusal says why', response);
      for (const error of response.errors) {
        const code = error.extensions?.code;
        check(
          typeof error.message === 'string' && error.message !== '',
          'each error has a message',
          response,
        );
        // Fastify refuses a body with a `__proto__` key (prototype poisoning) before GraphQL sees it.
        const poisoned = code === 'BAD_REQUEST' && response.status === 400 && hasPoisonedKey(input);
        check(
          poisoned || (code !== undefined && REFUSAL_CODES.has(code)),
          `refused with a known code, not ${code}`,
          response,
        );
        if (code === 'BAD_USER_INPUT') {
          const fields = error.extensions?.fields;
          check(Array.isArray(fields) && fields.length > 0, 'BAD_USER_INPUT lists its fields', response);
          for (const field of fields) {
            check(
              typeof field.field === 'string' && field.reasons.length > 0,
              'each field has reasons',
              response,
            );
          }
        }
        counts.codes[code!] = (counts.codes[code!] ?? 0) + 1;
      }
      check((await storeHead(url)) === before, 'a refusal writes nothing: the store head moved', response);
      counts.refused++;
      return false;
    }

    counts.accepted++;
    check(response.status === 200 && response.errors === undefined, 'an acceptance has no errors', response);
    const refusal = mustRefuse(input);
    check(refusal === undefined, `accepted although ${refusal}`, response);
    // No run repeats a state (keys are unique, targets fresh), so an acceptance must record something.
    check(payload.eventCount > 0 && !payload.replayed, 'an acceptance records events', response);
    const after = await storeHead(url);
    check(after !== before && after === payload.position, 'the store head is the append', response);

    const data = await readBack(payload.recordId);
    const appended = (
      data.history.edges as { node: { position: string; data: unknown; metadata: unknown } }[]
    )
      .map((edge) => edge.node)
      .filter((event) => before === null || event.position > before);
    check(appended.length === payload.eventCount, 'the appended events are in the history', response);
    const stored = new Set(stringLeaves(appended.map((event) => event.data)).map((leaf) => leaf.value));
    const projected = new Set(stringLeaves(data.record).map((leaf) => leaf.value));
    const hidden = NOT_PROJECTED[mutation] ?? [];
    for (const leaf of stringLeaves(input)) {
      if (droppedDuplicateSource(input, leaf.path)) continue;
      const expected = storedForm(leaf.path, leaf.value);
      const field = pathText(leaf.path);
      check(stored.has(expected), `${field} was not recorded verbatim: sent ${brief(leaf.value)}`, response);
      if (!hidden.includes(String(leaf.path[0]))) {
        check(projected.has(expected), `${field} is not read back verbatim: sent ${brief(leaf.value)}`);
      }
    }
    if (key !== undefined) {
      const metadata = stringLeaves(appended.map((event) => event.metadata)).map((leaf) => leaf.value);
      check(metadata.includes(key), `the idempotency key was not recorded verbatim: ${brief(key)}`);
    }
    return true;
  }

  /** Now and then the whole input is something else: null, a string, a list, a stray object. */
  const wholeInput = fc.oneof(
    { weight: 14, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: hostileValue() },
  ) as fc.Arbitrary<any>;

  it('covers every mutation of the schema', async () => {
    const data = await gqlData(url, '{ __schema { mutationType { fields { name } } } }');
    const names = data.__schema.mutationType.fields.map((field: { name: string }) => field.name).sort();
    expect(names).toHaveLength(29);
    expect(Object.keys(MUTATION_CASES).sort()).toEqual(names);
  });

  it.each(Object.keys(MUTATION_CASES))(
    '%s refuses hostile input cleanly or records it verbatim',
    async (mutation) => {
      await fc.assert(
        fc.asyncProperty(edits(), idempotencyKeyText(), wholeInput, async (changes, keyText, whole) => {
          const input = whole ?? applyEdits(await validInput(mutation), changes);
          const key = keyText === undefined ? undefined : `fuzz${keys++}-${keyText}`;
          // Accepted: the targets' state changed (a detainee released...), so the next run prepares anew.
          if (await sendAndCheck(mutation, input, key)) prepared.delete(mutation);
        }),
        { numRuns: RUNS, ...REPLAY },
      );
    },
    PROPERTY_TIMEOUT,
  );

  it.each(Object.keys(MUTATION_CASES))(
    '%s records markup, scripts and odd Unicode in every free-text field verbatim',
    async (mutation) => {
      const input = await validInput(mutation);
      freeTextPaths(input as Json).forEach((path, i) => {
        let parent: any = input;
        for (const key of path.slice(0, -1)) parent = parent[key];
        parent[path.at(-1)!] = TRICKY_TEXTS[(i + mutation.length) % TRICKY_TEXTS.length];
      });
      expect(await sendAndCheck(mutation, input as Record<string, Json>)).toBe(true);
      prepared.delete(mutation);
    },
  );

  describe('regressions found by fuzzing', () => {
    const refusedNaming = async (input: Record<string, unknown>, field: string) => {
      const before = await storeHead(url);
      const response = await tryMutate(server, 'recordStatement', input);
      expect(response.data?.recordStatement ?? null).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.fields?.map((f) => f.field)).toContain(field);
      expect(await storeHead(url)).toBe(before);
      return response.errors![0]!.extensions!.fields!.find((f) => f.field === field)!.reasons;
    };

    const named = (text: string) =>
      [...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
    it.each([...FORBIDDEN_CONTROLS, ...LONE_SURROGATES].map((bad) => [named(bad), bad]))(
      'refuses %s in free text with BAD_USER_INPUT naming the field (was stored)',
      async (_name, bad) => {
        await refusedNaming({ ...statementInput(), quote: `We will act${bad} now.` }, 'quote');
        const sources = [{ url: 'https://example.org/s', title: `Title ${bad}` }];
        await refusedNaming({ ...statementInput(), sources }, 'sources[0].title');
        await refusedNaming({ ...statementInput(), speaker: bad }, 'speaker');
      },
    );

    it('refuses padded text instead of trimming it silently (was stored trimmed)', async () => {
      const reasons = await refusedNaming({ ...statementInput(), quote: '  We will act.\n' }, 'quote');
      expect(reasons).toEqual(['quote must not start or end with whitespace']);
      await refusedNaming({ ...statementInput(), office: 'Prime Minister\u00A0' }, 'office');
    });

    it('leaves blank text to the domain, as before (VALIDATION_FAILED)', async () => {
      const response = await tryMutate(server, 'recordStatement', { ...statementInput(), quote: ' \n ' });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'quote' });
    });

    it.each(['kh', 'kh ', ' KH', 'Kh'])(
      'refuses the country code %j rather than rewriting it (was stored as KH)',
      async (code) => {
        await refusedNaming(
          { ...statementInput(), countries: [{ code, role: 'ACTING' }] },
          'countries[0].code',
        );
      },
    );

    it('refuses an idempotency key with a lone surrogate', async () => {
      const response = await tryMutate(server, 'recordStatement', statementInput(), {
        idempotencyKey: 'key-\uD800',
      });
      expect(response.errors?.[0]?.extensions?.fields).toEqual([
        {
          field: 'idempotencyKey',
          reasons: ['idempotencyKey must be well-formed Unicode (no lone surrogate)'],
        },
      ]);
    });

    it('refuses setting a status for an empty list of signatories (was a success that recorded nothing)', async () => {
      const input = { ...(await validInput('setImplementationStatus')), countries: [] };
      const before = await storeHead(url);
      const response = await tryMutate(server, 'setImplementationStatus', input);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_A_SIGNATORY', field: 'countries' });
      expect(await storeHead(url)).toBe(before);
    });

    it('records markup, tabs, line breaks and any well-formed Unicode byte for byte', async () => {
      const accepted: string[] = [];
      const texts = [...TRICKY_TEXTS, 'Tab\there,\r\nCRLF and LF\nkept'];
      for (const quote of texts) {
        const input = { ...statementInput(), quote, sources: [{ url: 'https://example.org/q', quote }] };
        if (await sendAndCheck('recordStatement', input as Record<string, Json>)) accepted.push(quote);
      }
      expect(accepted).toEqual(texts);
    });
  });

  describe('the raw transport', () => {
    const CONTENT_TYPES = [
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/graphql',
      'application/graphql-response+json',
      'text/plain',
      'text/html',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'application/octet-stream',
      'application/xml',
      '*/*',
      '',
    ];
    const validBody = JSON.stringify({
      query: mutationDocument('recordStatement'),
      variables: { input: statementInput() },
    });
    const garbageBody: fc.Arbitrary<string | Uint8Array> = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      fc.string({ unit: 'binary', maxLength: 512 }),
      fc.json({ maxDepth: 4 }),
      fc.nat(validBody.length - 1).map((cut) => validBody.slice(0, cut)),
      fc
        .record(
          { query: hostileValue(), variables: hostileValue(), operationName: hostileValue() },
          { requiredKeys: [] },
        )
        .map((body) => JSON.stringify(body)),
      fc.string({ maxLength: 200 }).map((query) => JSON.stringify({ query: `mutation {${query}` })),
      fc.constantFrom(10, 1000, 100_000).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
      fc
        .constantFrom(10, 1000, 100_000)
        .map((depth) => `{"query":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`),
      fc.constantFrom('', 'null', 'true', '[]', '{}', '"query"', '{"query":null}', '{"query":""}'),
      fc.constantFrom(
        `${validBody}garbage`,
        `${validBody}${validBody}`,
        // A repeated key: the last one counts (a BOM before a valid body is fine, so not here).
        `${validBody.slice(0, -1)},"query":1}`,
      ),
      // A valid document with variables of every wrong kind.
      hostileValue().map((variables) =>
        JSON.stringify({ query: mutationDocument('recordStatement'), variables }),
      ),
      hostileValue().map((input) =>
        JSON.stringify({ query: mutationDocument('recordStatement'), variables: { input } }),
      ),
      // Documents nested past the depth limit (but not as deep as the open case below), or long.
      fc
        .constantFrom(20, 300)
        .map((depth) => JSON.stringify({ query: `{${'records { edges { node { id '.repeat(depth)}` })),
      fc
        .constantFrom(20, 1000)
        .map((depth) => JSON.stringify({ query: `{${'a{'.repeat(depth)}b${'}'.repeat(depth + 1)}` })),
      fc
        .constantFrom(20, 1000)
        .map((depth) => JSON.stringify({ query: `{a(x: ${'['.repeat(depth)}1${']'.repeat(depth)})}` })),
      fc.constantFrom(1000, 20_000).map((n) => JSON.stringify({ query: `{ ${'a: __typename '.repeat(n)}}` })),
    );

    it('refuses random bytes, garbage JSON and wrong media types with a 4xx and GraphQL errors', async () => {
      await fc.assert(
        fc.asyncProperty(
          garbageBody,
          fc.constantFrom(...CONTENT_TYPES),
          fc.constantFrom(
            undefined,
            'application/json',
            'application/graphql-response+json',
            '*/*',
            'text/html',
          ),
          fc.boolean(),
          async (body, contentType, accept, withToken) => {
            const before = await storeHead(url);
            const response = await fetch(graphqlEndpoint(url), {
              method: 'POST',
              headers: {
                ...(contentType === '' ? {} : { 'content-type': contentType }),
                ...(accept === undefined ? {} : { accept }),
                ...(withToken ? { authorization: `Bearer ${server.tokens.reviewer}` } : {}),
              },
              body,
            });
            const text = await response.text();
            let parsed: any;
            try {
              parsed = JSON.parse(text);
            } catch {
              parsed = undefined;
            }
            const answer = `HTTP ${response.status}: ${brief(text)}`;
            // GraphQL over HTTP: a well-formed request (a JSON object with a query, or an
            // application/graphql document) answered as application/json may carry its request errors
            // (parse, validation) with 200; anything else is a 4xx.
            // (application/graphql: whatever the body is, it is the document.)
            const wellFormed =
              contentType === 'application/graphql' ||
              (typeof body === 'string' && /^application\/json/.test(contentType) && hasStringQuery(body));
            const legacyJson = /^application\/json/.test(response.headers.get('content-type') ?? '');
            check(
              (response.status >= 400 && response.status < 500) ||
                (response.status === 200 && wellFormed && legacyJson),
              `garbage gets a 4xx. ${answer}`,
            );
            check(
              Array.isArray(parsed?.errors) && parsed.errors.length > 0,
              `a GraphQL-shaped body. ${answer}`,
            );
            for (const error of parsed.errors) {
              check(typeof error.message === 'string', `each error has a message. ${answer}`);
              check(TRANSPORT_CODES.has(error.extensions?.code), `a known code. ${answer}`);
            }
            check(parsed.data == null, `nothing executed. ${answer}`);
            check((await storeHead(url)) === before, `nothing written. ${answer}`);
          },
        ),
        { numRuns: RUNS * 4, ...REPLAY },
      );
    });
  });

  describe('afterwards', () => {
    it('the server is still up and answers queries', async () => {
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(server.child.exitCode).toBeNull();
      const payload = (await tryMutate(server, 'recordStatement', statementInput())).data?.recordStatement as
        MutationPayload | undefined;
      expect(payload?.kind).toBe('STATEMENT');
      const data = await gqlData(url, '{ records(first: 1) { totalCount } }');
      expect(data.records.totalCount).toBeGreaterThan(0);
    });

    it('logged no unexpected error', () => {
      const errors = server.logs.filter((line) => {
        const level = /"level":(\d+)/.exec(line)?.[1];
        return (
          (level !== undefined && Number(level) >= 50) ||
          /INTERNAL_SERVER_ERROR|Unhandled|uncaught/i.test(line)
        );
      });
      expect(errors).toEqual([]);
    });
  });
});

/**
 * Found by the transport property: a document nested a couple of thousand levels deep, well within
 * the body and token limits (`{a(x: [[[…]]])}` is 10 KB and under 5,000 tokens), overflowed graphql-js's
 * recursive parser and the client got INTERNAL_SERVER_ERROR. Now refused before parsing (maxNesting).
 */
describe('documents nested deeper than the parser can recurse', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false', TRACKER_RATE_LIMIT_MAX: '0' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('are refused with a 4xx client error, not INTERNAL_SERVER_ERROR', async () => {
    for (const query of [
      `{a(x: ${'['.repeat(4990)}1${']'.repeat(4990)})}`,
      `{${'a{'.repeat(2499)}b${'}'.repeat(2500)}}`,
    ]) {
      const response = await fetch(graphqlEndpoint(server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(TRANSPORT_CODES.has(body.errors?.[0]?.extensions?.code ?? '')).toBe(true);
    }
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
