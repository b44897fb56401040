import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startApiServer, type RunningServer } from './support/api-server.js';
import { DEMO } from './support/demo-data.js';
import { gqlData } from './support/gql.js';
import { figureInput } from './support/mutation-inputs.js';
import { mutate } from './support/mutations.js';

/*
 * The dashboard in a real browser: Debian's Chromium (.ci/run installs it), driven by playwright-core,
 * against the real server on the demo data. What a page shows must be what the API answers; a change made
 * by another client must appear without a reload. Screenshots go to test/artifacts/ (not committed).
 */
// The callbacks given to page.evaluate run in the browser; its globals, loosely typed (the tests have no DOM lib).
declare const document: {
  body: { dataset: Record<string, string | undefined>; innerText: string };
  fonts: { check(font: string, text: string): boolean };
  documentElement: { scrollWidth: number };
  activeElement: { textContent: string | null } | null;
};
declare const window: Record<string, unknown> & {
  axe: { run(context: unknown, options: unknown): Promise<AxeResults> };
};

const CHROMIUM = '/usr/bin/chromium';
/** What this closed network needs: no background connections Chromium would otherwise try at start. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ARTIFACTS = join('test', 'artifacts');
/** axe-core, the accessibility engine, injected into the page under test. */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeResults {
  violations: { id: string; help: string; nodes: unknown[] }[];
}

async function launch(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(
      `Chromium is needed for the dashboard tests (${CHROMIUM}): apt-get install -y chromium.`,
      {
        cause: error,
      },
    );
  }
}

/** The page's errors, and requests it made anywhere but this server. */
function watch(page: Page, origin: string) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('ws://127.0.0.1') && !url.startsWith('data:')) {
      problems.push(`fetched from elsewhere: ${url}`);
    }
  });
  return problems;
}

describe('the dashboard, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startApiServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows Cambodia's numbers as the API answers them, with its charts and Khmer name", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems = watch(page, server.url);
    await page.goto(`${server.url}/countries/KH`);
    await page.waitForSelector('#timeline-chart svg');
    await page.waitForSelector('#figures-chart svg');

    const api = await gqlData(
      server.url,
      `{ country(code: "KH") { name recordCount localNames { name }
         stats { commitments activeTaskForces openDetentionCases journalistsDetained detentionDays shutdownOperations } } }`,
    );
    const shown = async (label: string) =>
      Number(
        (await page.locator('#stats tr', { hasText: label }).locator('td').innerText()).replaceAll(',', ''),
      );
    expect(await shown('Commitments signed')).toBe(api.country.stats.commitments);
    expect(await shown('Active task forces')).toBe(api.country.stats.activeTaskForces);
    expect(await shown('Open detention cases')).toBe(api.country.stats.openDetentionCases);
    expect(await shown('Journalists detained now')).toBe(api.country.stats.journalistsDetained);
    expect(await shown('Days in detention')).toBe(api.country.stats.detentionDays);
    expect(await shown('Shutdowns')).toBe(api.country.stats.shutdownOperations);
    expect(await page.locator('#stats caption').innerText()).toBe(`${api.country.recordCount} records`);
    // Each number links to the records it counts.
    await page.locator('#stats tr', { hasText: 'Active task forces' }).locator('a').click();
    await page.waitForURL('**/countries/KH/records?kinds=TASK_FORCE');
    expect(await page.locator('ol.timeline li').count()).toBe(api.country.stats.activeTaskForces);
    await page.goBack();
    await page.waitForSelector('#timeline-chart svg');
    // The Khmer name, in the bundled Khmer font (it renders wherever the page is read).
    const khmer = page.locator('h1 [lang="km"]');
    expect(await khmer.innerText()).toBe(api.country.localNames[0].name);
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans Khmer"', 'កម្ពុជា'))).toBe(true);
    // The follow-through matrix: the demo's commitment, LIMITED for Cambodia.
    expect(await page.locator('table', { hasText: 'Follow-through' }).innerText()).toContain('LIMITED');
    await page.screenshot({ path: join(ARTIFACTS, 'country-KH.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows a link to a record, and shows its sources with the quoted sentence and its history', async () => {
    const page = await browser.newPage();
    const problems = watch(page, server.url);
    await page.goto(`${server.url}/countries/KH`);
    await page.locator(`a[href="/records/${DEMO.traffickedWorkersFigure}"]`).first().click();
    await page.waitForURL(`**/records/${DEMO.traffickedWorkersFigure}`);
    const api = await gqlData(
      server.url,
      `{ record(id: "${DEMO.traffickedWorkersFigure}") { sources { quote } } }`,
    );
    expect(await page.locator('.sources blockquote').first().innerText()).toBe(api.record.sources[0].quote);
    expect(await page.locator('.history li').first().innerText()).toContain('FigureReported');
    // Its claimant is an actor: one more link, to the UN Human Rights Office.
    await page.locator(`a[href="/records/${DEMO.unHumanRightsOffice}"]`).first().click();
    await page.waitForURL(`**/records/${DEMO.unHumanRightsOffice}`);
    expect(await page.locator('dl.fields').innerText()).toContain('UN Human Rights Office');
    // An actor's page lists what names it: here, the figure it claimed.
    expect(await page.locator('section', { hasText: 'What names this actor' }).innerText()).toContain(
      'claimant: figure',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'record.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a record's whole history a page at a time, each event as recorded, its time in UTC", async () => {
    const page = await browser.newPage();
    const problems = watch(page, server.url);
    const { recordId } = await mutate(server, 'reportFigure', figureInput());
    // 54 corrections: 55 events, more than a page of history (50).
    for (let value = 1; value <= 54; value++) {
      await mutate(server, 'correctRecord', {
        recordId,
        changes: { value },
        reason: `Correction number ${value}.`,
      });
    }
    await page.goto(`${server.url}/records/${recordId}`);
    const history = page.locator('.history > li');
    expect(await history.count()).toBe(50);
    expect(await page.locator('section', { hasText: 'History' }).locator('p.note').innerText()).toContain(
      '55 events',
    );
    const first = history.first();
    expect(await first.locator('summary').innerText()).toMatch(
      /^FigureReported recorded \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z by /,
    );
    // An event opens to what it recorded.
    await history.nth(1).locator('summary').click();
    expect(await history.nth(1).locator('pre').innerText()).toContain('Correction number 1.');
    expect(await page.locator('dl.fields').innerText()).not.toContain('GMT');

    await page.getByRole('link', { name: 'Later events' }).click();
    await page.waitForURL(/historyAfter=/);
    expect(await history.count()).toBe(5);
    expect(await history.first().getAttribute('value')).toBe('51');
    expect(await history.last().locator('summary').innerText()).toContain('RecordCorrected');
    await history.last().locator('summary').click();
    expect(await history.last().locator('pre').innerText()).toContain('Correction number 54.');
    expect(await page.getByRole('link', { name: 'Later events' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the country as the tracker knew it on a chosen day, and then now again', async () => {
    const page = await browser.newPage();
    const problems = watch(page, server.url);
    await page.goto(`${server.url}/countries/KH`);
    const now = await page.locator('#stats caption').innerText();
    // The demo was recorded when the server started: the day before, the tracker knew nothing of Cambodia.
    const dayBefore = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('As the tracker knew it on').fill(dayBefore);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(`**/countries/KH?asOf=${dayBefore}`);
    expect(await page.locator('#stats caption').innerText()).toBe('0 records');
    expect(await page.locator('p.note').first().innerText()).toContain(`As of ${dayBefore}`);
    await page.getByRole('link', { name: 'Now' }).click();
    await page.waitForURL('**/countries/KH');
    expect(await page.locator('#stats caption').innerText()).toBe(now);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('updates without a reload when another client records something about the country', async () => {
    const page = await browser.newPage();
    const problems = watch(page, server.url);
    await page.goto(`${server.url}/countries/KH`);
    await page.waitForFunction(() => document.body.dataset.live === 'on');
    // Kept across the update only if the page was not reloaded.
    await page.evaluate(() => (window.marker = 42));
    const before = Number((await page.locator('#stats caption').innerText()).split(' ')[0]);
    // graphql-ws has no acknowledgement: wait until the subscription is surely open.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { recordId } = await mutate(server, 'reportFigure', figureInput(), {
      token: server.tokens.recorder,
    });
    await page.waitForSelector(`#timeline a[href="/records/${recordId}"]`, { timeout: 15_000 });
    expect(await page.evaluate(() => window.marker)).toBe(42);
    expect(await page.locator('#stats caption').innerText()).toBe(`${before + 1} records`);
    expect(await page.locator('#live-status').innerText()).toMatch(/Updated/);
    await page.screenshot({ path: join(ARTIFACTS, 'country-KH-updated.png'), fullPage: true });

    // A burst of changes is a few refreshes, not one per change, and the page ends with all of them.
    const refreshes = async () => Number(await page.evaluate(() => document.body.dataset.updates ?? '0'));
    const before10 = await refreshes();
    const burst = await Promise.all(
      Array.from({ length: 10 }, () =>
        mutate(server, 'reportFigure', figureInput(), { token: server.tokens.recorder }),
      ),
    );
    for (const made of burst) {
      await page.waitForSelector(`#timeline a[href="/records/${made.recordId}"]`, { timeout: 15_000 });
    }
    expect((await refreshes()) - before10).toBeLessThan(5);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows what a record holds as text, never as markup, and answers what does not exist with its status', async () => {
    const page = await browser.newPage();
    const problems = watch(page, server.url);
    const { recordId } = await mutate(server, 'reportFigure', {
      ...figureInput(),
      claimant: '<script>window.pwned = true</script><b>UN</b>',
    });
    await page.goto(`${server.url}/records/${recordId}`);
    expect(await page.locator('dl.fields').innerText()).toContain(
      '<script>window.pwned = true</script><b>UN</b>',
    );
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    expect((await page.goto(`${server.url}/records/0b7c1a52-6a8e-4c1e-9d55-4f1a0a0000ee`))?.status()).toBe(
      404,
    );
    expect((await page.goto(`${server.url}/countries/XX`))?.status()).toBe(400);
    expect((await page.goto(`${server.url}/countries/KH/records?kinds=NOT_A_KIND`))?.status()).toBe(400);
    expect(problems.filter((problem) => !problem.includes('status of 40'))).toEqual([]);
    await page.close();
  });

  it('serves GraphiQL from its own assets: it answers a query with nothing loaded from elsewhere', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    const problems = watch(page, server.url);
    await page.goto(`${server.url}/graphiql`);
    await page.waitForSelector('.graphiql-query-editor .CodeMirror');
    await page.locator('.graphiql-query-editor .CodeMirror').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('{ countries { code name } }');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.body.innerText.includes('"Cambodia"'));
    await page.screenshot({ path: join(ARTIFACTS, 'graphiql.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('passes an accessibility audit (axe-core: contrast, labels, names, structure) on every kind of page', async () => {
    // The audit is a script the pages' policy rightly refuses: this browser context alone lets it in.
    const page = await browser.newPage({ bypassCSP: true });
    const pages = [
      '/',
      '/countries/KH',
      '/countries/KH/records?kinds=FIGURE',
      `/records/${DEMO.traffickedWorkersFigure}`,
      `/records/${DEMO.amSamAth}`,
    ];
    for (const path of pages) {
      await page.goto(`${server.url}${path}`);
      if (path === '/countries/KH') await page.waitForSelector('#figures-chart svg');
      await page.addScriptTag({ path: AXE });
      const violations = (await page.evaluate(() =>
        window.axe
          .run(document, { resultTypes: ['violations'] })
          .then((results: AxeResults) =>
            results.violations.map(
              (violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`,
            ),
          ),
      )) as string[];
      expect({ path, violations }).toEqual({ path, violations: [] });
    }
    await page.close();
  });

  it('lists the countries, and stays usable at phone width by keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(server.url);
    expect(await page.locator('table caption').innerText()).toBe('Every country the records involve');
    // The page itself never scrolls sideways; wide tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the content');
    await page.screenshot({ path: join(ARTIFACTS, 'countries-phone.png'), fullPage: true });
    await page.close();
  });
});

describe('the dashboard with reading closed (TRACKER_PUBLIC_READ=false)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_PUBLIC_READ: 'false' } });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('gives the schema to GraphiQL only with a token, as it gives the data', async () => {
    const refused = await fetch(`${server.url}/graphiql/schema.graphql`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain('type Query');
    const given = await fetch(`${server.url}/graphiql/schema.graphql`, {
      headers: { authorization: `Bearer ${server.tokens.reader}` },
    });
    expect(given.status).toBe(200);
    const sdl = await given.text();
    expect(sdl).toContain('type Query');
    // Printed once and kept: the same text again.
    const again = await fetch(`${server.url}/graphiql/schema.graphql`, {
      headers: { cookie: `tracker_token=${encodeURIComponent(server.tokens.reader)}` },
    });
    expect(await again.text()).toBe(sdl);
  });

  it('serves only the files the build made under /assets, never a path out of it', async () => {
    for (const name of ['..%2Fpackage.json', '%2E%2E%2F%2E%2E%2Fpackage.json', 'app.js.map', 'nope.js']) {
      expect({ name, status: (await fetch(`${server.url}/assets/${name}`)).status }).toEqual({
        name,
        status: 404,
      });
    }
    const css = await fetch(`${server.url}/assets/app.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('asks for a token, and shows the page once given one', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}/countries/KH`);
    expect(response?.status()).toBe(401);
    await page.getByLabel('API token').fill(server.tokens.reader);
    await page.getByRole('button', { name: 'Read with this token' }).click();
    await page.waitForSelector('#stats');
    expect(await page.locator('h1').innerText()).toContain('Cambodia');
    await page.close();
  });
});

describe('the dashboard across a server restart', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startApiServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says when live updates pause, reconnects, and shows what was recorded while it was away', async () => {
    const page = await browser.newPage();
    const problems = watch(page, server.url);
    await page.goto(`${server.url}/countries/KH`);
    await page.waitForFunction(() => document.body.dataset.live === 'on');
    await page.evaluate(() => (window.marker = 42));
    const { dataDir, port } = server;
    await server.stop();
    await page.waitForFunction(() => document.body.dataset.live === 'reconnecting');
    expect(await page.locator('#live-status').innerText()).toBe('Live updates paused: reconnecting…');

    // Recorded while the server is down, by another writer (the CLI's import): pushed to no one.
    const recordId = '0193c5a0-2222-7000-8000-00000000aaaa';
    const file = join(dataDir, 'while-away.ndjson');
    writeFileSync(file, `${JSON.stringify({ mutation: 'reportFigure', recordId, input: figureInput() })}\n`);
    const imported = spawnSync(
      process.execPath,
      [
        '--disable-warning=ExperimentalWarning',
        'dist/apps/cli/src/main.js',
        'import',
        file,
        '--actor',
        'e2e',
      ],
      { env: { ...process.env, TRACKER_DATA_DIR: dataDir }, encoding: 'utf8' },
    );
    expect(imported.status).toBe(0);

    // Only once the browser has tried and been refused: a refused connection must not end live updates.
    for (let waited = 0; !problems.some((problem) => problem.includes('ERR_CONNECTION_REFUSED')); waited++) {
      if (waited > 300) throw new Error('the page never tried to reconnect');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    server = await startApiServer({ dataDir, env: { PORT: String(port) } });
    await page.waitForSelector(`#timeline a[href="/records/${recordId}"]`, { timeout: 30_000 });
    await page.waitForFunction(() => document.body.dataset.live === 'on');
    expect(await page.evaluate(() => window.marker)).toBe(42);
    // The browser reports each failed attempt to reconnect; nothing else may go wrong.
    expect(problems.filter((problem) => !problem.includes('WebSocket connection'))).toEqual([]);
    await page.close();
  });
});
