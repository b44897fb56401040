import { startApiServer, type RunningServer } from './support/api-server.js';
import { gqlData } from './support/gql.js';
import { actorInput, figureInput, taskForceInput } from './support/mutation-inputs.js';
import { mutate } from './support/mutations.js';

/*
 * A page's address is typed, bookmarked and edited by people: however its query string is given, the
 * dashboard answers a page or an error page that says what is wrong, never a server error. Plain HTTP
 * against the real server on the demo data (the browser tests are in dashboard.e2e-spec.ts).
 */
/** A page's words: tags out, spaces folded, none before punctuation. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,:;])/g, '$1');
}

describe('the dashboard, given addresses people type', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  /** The page's status, and its main content as text. */
  async function page(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}${path}`, { headers });
    const html = await response.text();
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
    const text = main
      .replace(/<[^>]*>/g, ' ')
      .replace(/&quot;/g, '"')
      .replace(/\s+/g, ' ')
      .trim();
    return { status: response.status, type: response.headers.get('content-type'), text };
  }

  it('takes a list of kinds repeated, as a form sends it, or comma-separated, in any case', async () => {
    const repeated = await page('/countries/KH/records?kinds=FIGURE&kinds=ARREST');
    const commas = await page('/countries/KH/records?kinds=figure,,%20arrest&kinds=FIGURE');
    expect(repeated.status).toBe(200);
    expect(repeated.text).toContain('figure,arrest records');
    expect(commas).toEqual(repeated);
    const onlyFigures = await page('/countries/KH/records?kinds=FIGURE');
    expect(onlyFigures.text).not.toEqual(repeated.text);
  });

  it('reads an empty list of kinds as no filter', async () => {
    const all = await page('/countries/KH/records');
    expect(all.status).toBe(200);
    expect(all.text).toContain('all records');
    expect(await page('/countries/KH/records?kinds=,,,')).toEqual(all);
    expect(await page('/countries/KH/records?kinds=')).toEqual(all);
  });

  it.each([
    ['/countries/KH?asOf=2024-01-01&asOf=2024-02-01', 'asOf is given more than once'],
    ['/countries/KH/records?after=a&after=b', 'after is given more than once'],
    ['/countries/KH?asOf=not-a-date', 'Variable "$asOf" got invalid value "not-a-date"'],
    ['/countries/KH/records?kinds=FIGURE,NOT_A_KIND', '"NOT_A_KIND" does not exist in "RecordKind" enum'],
    ['/countries/KH/records?after=zzz', 'after is not a cursor of this list'],
    ['/countries/%3Cb%3E', 'is not an ISO 3166-1 alpha-2 code'],
    [
      '/records/5b0f3e1a-2c4d-4e6f-8a1b-000000000023?historyAfter=a&historyAfter=b',
      'historyAfter is given more than once',
    ],
    ['/records/5b0f3e1a-2c4d-4e6f-8a1b-000000000023?historyAfter=zzz', 'after is not a cursor of this list'],
  ])('answers %s with 400 and a page that names what is wrong', async (path, reason) => {
    const answer = await page(path);
    expect(answer.status).toBe(400);
    expect(answer.type).toBe('text/html; charset=utf-8');
    expect(answer.text).toContain(reason);
  });

  it('reads a token cookie that is not valid percent-encoding as no token, not as a server error', async () => {
    const answer = await page('/countries/KH', { cookie: 'tracker_token=%E0%A4%A' });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Cambodia');
    const schema = await fetch(`${server.url}/graphiql/schema.graphql`, {
      headers: { cookie: 'other=1; tracker_token=%ZZ' },
    });
    expect(schema.status).toBe(200);
  });

  it("pages an actor's references, 100 at a time, to the last one", async () => {
    const { recordId: actorId } = await mutate(
      server,
      'recordActor',
      actorInput({ name: 'A much-cited body' }),
    );
    const claimed: string[] = [];
    for (let i = 0; i < 101; i++) {
      claimed.push(
        (await mutate(server, 'reportFigure', { ...figureInput(), claimantId: actorId })).recordId,
      );
    }
    const links = (html: string) => [...html.matchAll(/href="\/records\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    const firstPage = await (await fetch(`${server.url}/records/${actorId}`)).text();
    expect(firstPage).toContain('101 records, newest first.');
    const next = /<a href="(\?referencesAfter=[^"]+)">Older records<\/a>/.exec(firstPage)?.[1];
    expect(next).toBeDefined();
    const secondPage = await (
      await fetch(`${server.url}/records/${actorId}${next!.replace(/&amp;/g, '&')}`)
    ).text();
    expect(secondPage).not.toContain('Older records');
    const listed = new Set([...links(firstPage), ...links(secondPage)]);
    expect(claimed.filter((id) => !listed.has(id))).toEqual([]);
  });

  it("says what a country's sections leave out, and links to all of it", async () => {
    // More than a page of task forces (50) and of the timeline (100); one indicator with over 20 figures.
    for (let i = 0; i < 51; i++) await mutate(server, 'createTaskForce', taskForceInput());
    for (let i = 0; i < 50; i++) await mutate(server, 'reportFigure', figureInput());
    const { country } = await gqlData(
      server.url,
      '{ country(code: "KH") { taskForces: timeline(kinds: [TASK_FORCE]) { totalCount } } }',
    );
    const html = await (await fetch(`${server.url}/countries/KH`)).text();
    const text = textOf(html);
    expect(text).toContain(`Showing 50 of ${country.taskForces.totalCount} task forces: all of them.`);
    expect(html).toContain('href="/countries/KH/records?kinds=TASK_FORCE"');
    expect(html).toContain('href="/countries/KH/records"');
    expect(text).toMatch(/the latest 100 of (\d+)\. All \1 records\./);
    expect(text).toContain(
      'Each indicator shows its latest 20 official and 20 independent figures: all figures.',
    );
    // As of a past day, the links say that they lead to the records as they stand now.
    const past = await (await fetch(`${server.url}/countries/KH?asOf=2099-01-01`)).text();
    expect(textOf(past)).toContain('all of them (as they stand now).');
  });
});
