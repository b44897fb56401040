import { getAlpha2Codes } from 'i18n-iso-countries';
import { startApiServer, type RunningServer } from './support/api-server.js';
import { errorCodes, gql, gqlData } from './support/gql.js';
import { arrestInput } from './support/mutation-inputs.js';
import { mutate, storeHead, tryMutate } from './support/mutations.js';

/*
 * What no single read may do to the server, and totals that outgrow 32 bits: over real HTTP against the
 * running server on the demo data.
 */

const ALL_CODES = Object.keys(getAlpha2Codes());

async function healthAnswers(url: string): Promise<boolean> {
  return (await fetch(`${url}/health`)).ok;
}

describe('bounded reads and wide totals', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it.each([300, 1000])(
    'refuses a records filter naming %i countries with a clear code, and /health keeps answering',
    async (size) => {
      const codes = Array.from({ length: size }, (_, i) => ALL_CODES[i % ALL_CODES.length]);
      const query = `query($countries: [String!]) { records(filter: { countries: $countries }) { totalCount } }`;
      const [answer, health] = await Promise.all([
        gql(server.url, query, { countries: codes }),
        healthAnswers(server.url),
      ]);
      expect(health).toBe(true);
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(answer.errors)).toContain('at most 50 countries');
      const detentions = await gql(
        server.url,
        `query($countries: [String!]) { detentions(filter: { countries: $countries }) { totalCount } }`,
        { countries: codes },
      );
      expect(errorCodes(detentions)).toEqual(['BAD_USER_INPUT']);
    },
  );

  it('answers a filter of 50 countries, counting each record once', async () => {
    const codes = ['KH', ...ALL_CODES.filter((code) => code !== 'KH').slice(0, 49)];
    const data = await gqlData(
      server.url,
      `query($countries: [String!]) {
        records(first: 100, filter: { countries: $countries }) { totalCount edges { node { id } } }
        all: records(first: 100) { totalCount edges { node { id kind countries { code } } } }
      }`,
      { countries: codes },
    );
    const ids = data.records.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(data.records.totalCount).toBe(ids.length);
    // Exactly the demo's records that involve one of those countries: actors are in no country's lists.
    const involving = data.all.edges
      .filter(
        (edge: { node: { kind: string; countries: { code: string }[] } }) =>
          edge.node.kind !== 'ACTOR' && edge.node.countries.some((country) => codes.includes(country.code)),
      )
      .map((edge: { node: { id: string } }) => edge.node.id);
    expect(data.all.totalCount).toBeGreaterThan(involving.length);
    expect([...ids].sort()).toEqual([...involving].sort());
  });

  it('counts list arguments in the query cost', async () => {
    const codes = Array.from({ length: 1000 }, (_, i) => ALL_CODES[i % ALL_CODES.length]);
    const aliases = Array.from(
      { length: 11 },
      (_, i) => `r${i}: records(first: 1, filter: { countries: $countries }) { totalCount }`,
    ).join('\n');
    const answer = await gql(server.url, `query($countries: [String!]) { ${aliases} }`, { countries: codes });
    expect(errorCodes(answer)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('sums persons arrested past 2^31 exactly, and refuses a count over a billion writing nothing', async () => {
    const stats = `{ country(code: "VN") { stats { personsArrested arrestOperations } } }`;
    const input = { ...arrestInput(), countries: [{ code: 'VN', role: 'ACTING' }], nationalities: [] };
    await mutate(server, 'reportArrest', { ...input, personsArrested: 1_000_000_000 });
    await mutate(server, 'reportArrest', { ...input, personsArrested: 1_000_000_000 });
    await mutate(server, 'reportArrest', { ...input, personsArrested: 500_000_000 });
    expect((await gqlData(server.url, stats)).country.stats).toEqual({
      personsArrested: 2_500_000_000,
      arrestOperations: 3,
    });
    const everyone = await gqlData(server.url, '{ countries { code stats { personsArrested } } }');
    expect(everyone.countries.find((c: { code: string }) => c.code === 'VN').stats.personsArrested).toBe(
      2_500_000_000,
    );

    const head = await storeHead(server.url);
    for (const personsArrested of [1_000_000_001, 2_147_483_647]) {
      const refused = await tryMutate(server, 'reportArrest', { ...input, personsArrested });
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(refused.errors)).toContain('personsArrested');
    }
    expect(await storeHead(server.url)).toBe(head);
  });

  it.each([
    ['a day that does not exist', '2026-11-31T00:00:00Z'],
    ['29 February of a common year', '2026-02-29T12:00:00Z'],
    ['a day without a time', '2026-11-30'],
    ['an hour past 23', '2026-11-30T24:00:00Z'],
  ])('refuses an asOf that is not an RFC 3339 date-time (%s) with BAD_USER_INPUT', async (_, asOf) => {
    const byVariable = await gql(
      server.url,
      'query($asOf: DateTime) { country(code: "KH", asOf: $asOf) { asOf } }',
      { asOf },
    );
    expect(errorCodes(byVariable)).toEqual(['BAD_USER_INPUT']);
    const inline = await gql(server.url, `{ country(code: "KH", asOf: "${asOf}") { asOf } }`);
    expect(inline.data ?? null).toBeNull();
    expect(inline.errors?.length).toBeGreaterThan(0);
    // A real one is taken as it is.
    const real = await gqlData(server.url, `{ country(code: "KH", asOf: "2099-02-28T23:59:59Z") { asOf } }`);
    expect(real.country.asOf).toBe('2099-02-28T23:59:59.000Z');
  });

  it.each([
    [
      'a figures cursor it never issued',
      '{ country(code: "KH") { figures(after: "not-a-cursor") { totalCount } } }',
      'after',
    ],
    [
      'a negative side size',
      '{ country(code: "KH") { figures(first: 1) { edges { node { official(first: -1) { id } } } } } }',
      'first',
    ],
    [
      'a history cursor of another list',
      '{ history(recordId: "5b0f3e1a-2c4d-4e6f-8a1b-000000000002", after: "WyJ4Il0") { totalCount } }',
      'after',
    ],
    [
      'a timeline cursor of another list',
      '{ country(code: "KH") { timeline(after: "WzFd") { totalCount } } }',
      'after',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_, query, argument) => {
    const answer = await gql(server.url, query);
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(answer.errors)).toContain(argument);
  });

  it('pages figures and bounds each side of an indicator', async () => {
    const tooMany = await gql(server.url, '{ country(code: "KH") { figures(first: 101) { totalCount } } }');
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
    const side = await gql(
      server.url,
      '{ country(code: "KH") { figures(first: 1) { edges { node { official(first: 101) { id } } } } } }',
    );
    expect(errorCodes(side)).toEqual(['BAD_USER_INPUT']);
    const page = await gqlData(
      server.url,
      `{ country(code: "KH") { figures(first: 1) { totalCount pageInfo { hasNextPage endCursor }
          edges { node { indicator officialCount independentCount official(first: 1) { id } } } } } }`,
    );
    const { figures } = page.country;
    expect(figures.edges).toHaveLength(1);
    expect(figures.pageInfo.hasNextPage).toBe(figures.totalCount > 1);
    expect(figures.edges[0].node.official.length).toBeLessThanOrEqual(1);
  });
});
