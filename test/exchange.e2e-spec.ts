import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { newDataDir, startApiServer, type RunningServer } from './support/api-server.js';
import { gql, gqlData } from './support/gql.js';
import { figureInput, meetingInput, statementInput } from './support/mutation-inputs.js';
import { mutate } from './support/mutations.js';

function cli(dataDir: string, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'dist/apps/cli/src/main.js', ...args],
    { env: { ...process.env, TRACKER_DATA_DIR: dataDir }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** A record as exported, without what only says when and by whom it was recorded (an import is later). */
function comparable(line: string) {
  const {
    recordedAt: _a,
    recordedBy: _b,
    updatedAt: _c,
    updatedBy: _d,
    position: _e,
    ...record
  } = JSON.parse(line);
  return record;
}
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

function recordsOf(dataDir: string) {
  const out = join(dataDir, 'records.ndjson');
  const result = cli(dataDir, 'export', 'records', '--format', 'ndjson', '--out', out);
  expect(result.code).toBe(0);
  return readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map(comparable).sort(byId);
}

describe('data in and out: exports, imports, the changes feed', () => {
  let server: RunningServer;
  let retractedId: string;

  beforeAll(async () => {
    server = await startApiServer();
    // Beyond the demo data: a correction, a retraction, a reinstatement, so every kind of change is there.
    const figure = await mutate(server, 'reportFigure', figureInput());
    await mutate(server, 'correctRecord', {
      recordId: figure.recordId,
      changes: { value: 100001, qualifier: 'AT_LEAST' },
      reason: 'The report says at least.',
    });
    retractedId = (await mutate(server, 'recordStatement', statementInput())).recordId;
    await mutate(server, 'retractRecord', {
      recordId: retractedId,
      reason: 'Misattributed: another official said it.',
    });
    const meeting = await mutate(server, 'recordMeeting', meetingInput());
    await mutate(server, 'retractRecord', { recordId: meeting.recordId, reason: 'Duplicate.' });
    await mutate(server, 'correctRetraction', {
      recordId: meeting.recordId,
      reason: 'Not a duplicate after all.',
      reinstate: true,
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('over HTTP', () => {
    it('streams records as CSV (with a BOM when asked) and NDJSON, filtered as GraphQL filters', async () => {
      const csv = await fetch(`${server.url}/exports/records.csv?kind=FIGURE&bom=true`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = Buffer.from(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = parse(bytes, { columns: true, bom: true }) as Record<string, string>[];
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.every((row) => row.kind === 'FIGURE')).toBe(true);
      const corrected = rows.find((row) => row.value === '100001')!;
      expect(corrected).toMatchObject({ qualifier: 'AT_LEAST', countries: 'KH:SCOPE', retracted: 'false' });

      const ndjson = await (await fetch(`${server.url}/exports/records.ndjson?country=KH`)).text();
      const records = ndjson
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(records.find((record) => record.id === retractedId)).toMatchObject({
        retracted: true,
        retractionReason: 'Misattributed: another official said it.',
      });
    });

    it('refuses a bad filter with a code naming it (tokens: access-control.e2e-spec.ts)', async () => {
      const bad = await fetch(`${server.url}/exports/records.csv?kind=NOPE`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({
        errors: [{ extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'kind' }] } }],
      });
      const badDay = await fetch(`${server.url}/exports/records.ndjson?from=2025-13-01`);
      expect(badDay.status).toBe(400);
      expect((await fetch(`${server.url}/exports/records.xlsx`)).status).toBe(404);
      expect((await fetch(`${server.url}/changes.ndjson?limit=5000`)).status).toBe(400);
      expect((await fetch(`${server.url}/changes.ndjson?after=not-a-position`)).status).toBe(400);
    });

    it('takes a list repeated (as forms send it) or comma-separated, and refuses a repeated single value or a non-boolean, naming the parameter', async () => {
      const ids = async (path: string) => {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status).toBe(200);
        return (await response.text())
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line).id as string)
          .sort();
      };
      const figuresAndMeetings = await ids('/exports/records.ndjson?kind=FIGURE&kind=MEETING');
      expect(figuresAndMeetings).toEqual(await ids('/exports/records.ndjson?kind=FIGURE,MEETING'));
      expect(figuresAndMeetings.length).toBeGreaterThan(
        (await ids('/exports/records.ndjson?kind=FIGURE')).length,
      );
      expect(await ids('/exports/records.ndjson?country=KH&country=TH,KH')).toEqual(
        await ids('/exports/records.ndjson?country=KH,TH'),
      );
      const feed = await fetch(
        `${server.url}/changes.ndjson?countries=KH&countries=TH&kinds=FIGURE&kinds=MEETING`,
      );
      expect(feed.status).toBe(200);

      const refusals: [string, string, string][] = [
        [
          '/exports/records.csv?asOf=2025-01-01T00:00:00Z&asOf=2025-02-01T00:00:00Z',
          'asOf',
          'given more than once',
        ],
        ['/exports/records.csv?from=2025-01-01&from=2025-02-01', 'from', 'given more than once'],
        ['/exports/records.csv?retracted=maybe', 'retracted', 'must be true or false, not maybe'],
        ['/exports/records.csv?bom=yes', 'bom', 'must be true or false'],
        ['/changes.ndjson?limit=5&limit=6', 'limit', 'given more than once'],
        ['/changes.ndjson?limit=1e9', 'limit', 'limit must be a whole number from 1 to 1000, not 1e9'],
        ['/changes.ndjson?after=a&after=b', 'after', 'given more than once'],
        ['/changes.ndjson?kinds=FIGURE&kinds=NOPE', 'kinds', 'NOPE is not a record kind'],
      ];
      for (const [path, field, reason] of refusals) {
        const response = await fetch(`${server.url}${path}`);
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
        const body = (await response.json()) as {
          errors: { message: string; extensions: { code: string; fields: { field: string }[] } }[];
        };
        expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field }] });
        expect(body.errors[0]!.message).toContain(reason);
      }
      const retractedOnly = await ids('/exports/records.ndjson?retracted=1');
      expect(retractedOnly).toContain(retractedId);
    });

    it('serves the changes feed as NDJSON a page at a time, the cursor in X-End-Cursor', async () => {
      const seen: string[] = [];
      let after = '';
      for (;;) {
        const response = await fetch(`${server.url}/changes.ndjson?limit=7&after=${after}`);
        expect(response.status).toBe(200);
        const lines = (await response.text())
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line));
        seen.push(...lines.map((line) => line.change));
        after = response.headers.get('x-end-cursor')!;
        if (response.headers.get('x-has-next-page') !== 'true') break;
      }
      expect(seen).toEqual(
        expect.arrayContaining(['CREATED', 'CORRECTED', 'RETRACTED', 'REINSTATED', 'STATUS_CHANGED']),
      );
    });
  });

  describe('a mirror kept by the GraphQL changes feed', () => {
    const FEED = `query($after: String) {
      changes(after: $after, first: 10) {
        edges { node { position recordId change reason changedFields record { id retracted retractionReason updatedAt } } }
        pageInfo { endCursor hasNextPage }
      }
    }`;
    async function sync(mirror: Map<string, unknown>, after: string | null): Promise<string | null> {
      let cursor = after;
      for (;;) {
        const { changes } = await gqlData(server.url, FEED, { after: cursor });
        for (const { node } of changes.edges) mirror.set(node.recordId, node.record);
        cursor = changes.pageInfo.endCursor;
        if (!changes.pageInfo.hasNextPage) return cursor;
      }
    }
    async function tracker(): Promise<Map<string, unknown>> {
      const all = new Map<string, unknown>();
      let after: string | null = null;
      for (;;) {
        const { records }: any = await gqlData(
          server.url,
          `query($after: String) { records(first: 100, after: $after) {
            edges { node { id retracted retractionReason updatedAt } } pageInfo { endCursor hasNextPage } } }`,
          { after },
        );
        for (const { node } of records.edges) all.set(node.id, node);
        if (!records.pageInfo.hasNextPage) return all;
        after = records.pageInfo.endCursor;
      }
    }

    it('ends equal to the tracker, retractions included, syncing as changes keep coming', async () => {
      const mirror = new Map<string, unknown>();
      const cursor = await sync(mirror, null);
      expect(mirror).toEqual(await tracker());

      const figure = await mutate(server, 'reportFigure', { ...figureInput(), value: 42 });
      await mutate(server, 'retractRecord', { recordId: figure.recordId, reason: 'Wrong country.' });
      await mutate(server, 'correctRecord', {
        recordId: retractedId,
        changes: {},
        reason: 'No change.',
      }).catch(() => undefined);
      await mutate(server, 'correctRetraction', {
        recordId: retractedId,
        reason: 'It was him after all.',
        reinstate: true,
      });
      // Only what changed since the cursor comes; the mirror holds everything.
      const { changes } = await gqlData(server.url, FEED, { after: cursor });
      expect(changes.edges.map(({ node }: any) => node.change)).toEqual([
        'CREATED',
        'RETRACTED',
        'REINSTATED',
      ]);
      await sync(mirror, cursor);
      expect(mirror).toEqual(await tracker());
      expect(mirror.get(figure.recordId)).toMatchObject({
        retracted: true,
        retractionReason: 'Wrong country.',
      });
      expect(mirror.get(retractedId)).toMatchObject({ retracted: false });
    });

    it("filters by country and kind, and resumes from a mutation's own position", async () => {
      const figure = await mutate(server, 'reportFigure', figureInput());
      const after = await mutate(server, 'correctRecord', {
        recordId: figure.recordId,
        changes: { value: 7 },
        reason: 'Typo.',
      });
      const { changes } = await gqlData(
        server.url,
        `query($after: String) { changes(after: $after, filter: { countries: ["KH"], kinds: [FIGURE] }) {
          edges { node { change changedFields reason } } } }`,
        { after: figure.position },
      );
      expect(changes.edges.map(({ node }: any) => node)).toEqual([
        { change: 'CORRECTED', changedFields: ['value'], reason: 'Typo.' },
      ]);
      expect(after.position > figure.position).toBe(true);
      const elsewhere = await gqlData(
        server.url,
        `{ changes(filter: { countries: ["FJ"] }) { edges { cursor } } }`,
      );
      expect(elsewhere.changes.edges).toEqual([]);
      const refused = await gql(server.url, `{ changes(first: 101) { edges { cursor } } }`);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('tracker export and tracker import', () => {
    let source: string;
    beforeAll(async () => {
      await server.stop();
      source = server.dataDir;
    });

    it('round-trips the whole history: events exported, imported into an empty store, the same records', () => {
      const file = join(newDataDir(), 'events.ndjson');
      const exported = cli(source, 'export', 'events', '--out', file);
      expect(exported.code).toBe(0);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      expect(JSON.parse(lines.at(-1)!)).toEqual({ checkpoint: expect.stringContaining('\n\n— ') });

      const target = newDataDir();
      const imported = cli(target, 'import', file);
      expect(imported).toMatchObject({ code: 0 });
      expect(imported.out).toMatch(/ 0 lines refused/);
      expect(recordsOf(target)).toEqual(recordsOf(source));
      // Again: every command is recognised as done, nothing is recorded twice.
      const again = cli(target, 'import', file);
      expect(again.out).toMatch(/, 0 commands recorded, \d+ already recorded before, 0 lines refused/);
      expect(recordsOf(target)).toEqual(recordsOf(source));
    });

    it('round-trips records through CSV: what each says, and whether it stands', () => {
      const file = join(newDataDir(), 'records.csv');
      expect(cli(source, 'export', 'records', '--out', file).code).toBe(0);
      const target = newDataDir();
      const imported = cli(target, 'import', file);
      expect(imported).toMatchObject({ code: 0 });
      const said = (records: ReturnType<typeof recordsOf>) =>
        records.map(({ id, kind, fields, retracted, retractionReason }) => ({
          id,
          kind,
          fields,
          retracted,
          retractionReason,
        }));
      expect(said(recordsOf(target))).toEqual(said(recordsOf(source)));
    });

    it('takes a list option repeated or comma-separated alike', () => {
      const folder = newDataDir();
      const exported = (...options: string[]) => {
        const file = join(folder, `${options.join('_')}.ndjson`);
        expect(cli(source, 'export', 'records', '--format', 'ndjson', ...options, '--out', file).code).toBe(
          0,
        );
        return readFileSync(file, 'utf8').trim().split('\n').map(comparable).sort(byId);
      };
      const repeated = exported(
        '--kind',
        'FIGURE',
        '--kind',
        'MEETING',
        '--country',
        'KH',
        '--country',
        'TH',
      );
      expect(repeated).toEqual(exported('--kind', 'FIGURE,MEETING', '--country', 'KH,TH'));
      expect(new Set(repeated.map((record) => record.kind))).toEqual(new Set(['FIGURE', 'MEETING']));
      expect(cli(source, 'export', 'records', '--kind', 'FIGURE', '--kind', 'NOPE').err).toContain(
        '--kind: NOPE is not a record kind',
      );
    });

    it('imports NDJSON mutations through the API rules: refused lines reported, the rest recorded once', () => {
      const folder = newDataDir();
      const file = join(folder, 'batch.ndjson');
      writeFileSync(
        file,
        [
          JSON.stringify({ mutation: 'reportFigure', input: figureInput() }),
          JSON.stringify({ mutation: 'reportFigure', input: { ...figureInput(), value: 'many' } }),
          '{ not json',
          JSON.stringify({ mutation: 'dropEverything', input: {} }),
          JSON.stringify({
            mutation: 'recordStatement',
            input: { ...statementInput(), countries: [{ code: 'XX', role: 'ACTING' }] },
          }),
          // A domain command, as the demo dataset writes them (its occurrence in the domain's own shape).
          JSON.stringify({
            type: 'ReportFigure',
            ...figureInput(),
            occurred: { type: 'DATE', date: '2024-08-15', precision: 'DAY' },
            recordId: '0193c5a0-0000-7000-8000-00000000abcd',
          }),
        ].join('\n'),
      );
      const target = newDataDir();
      const dry = cli(target, 'import', file, '--dry-run');
      expect(dry.out).toMatch(
        /^Dry run \(nothing written\): 6 lines, 2 commands recorded, 0 already recorded before, 4 lines refused/,
      );
      expect(existsSync(join(target, 'events.sqlite'))).toBe(false);

      const run = cli(target, 'import', file, '--actor', 'Licadho import');
      expect(run.code).toBe(1);
      expect(run.out).toMatch(/6 lines, 2 commands recorded, 0 already recorded before, 4 lines refused/);
      const report = readFileSync(`${file}.refused.ndjson`, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(report).toEqual([
        expect.objectContaining({ line: 2, field: 'input.value', code: 'BAD_USER_INPUT' }),
        expect.objectContaining({
          line: 3,
          code: 'BAD_USER_INPUT',
          message: expect.stringContaining('not JSON'),
        }),
        expect.objectContaining({ line: 4, field: 'mutation', code: 'BAD_USER_INPUT' }),
        expect.objectContaining({ line: 5, code: expect.stringMatching(/INVALID_COUNTRY|BAD_USER_INPUT/) }),
      ]);
      expect(recordsOf(target).map((record) => record.kind)).toEqual(['FIGURE', 'FIGURE']);
      // Keys are the actor's own, as over the API: the same actor running the same file again.
      const again = cli(target, 'import', file, '--actor', 'Licadho import');
      expect(again.out).toMatch(/, 0 commands recorded, 2 already recorded before, 4 lines refused/);
      expect(recordsOf(target)).toHaveLength(2);
    });

    it('refuses a file that is not there, a format or kind it does not read, a malformed day, writing nothing', () => {
      const target = newDataDir();
      const missing = cli(target, 'import', join(target, 'nowhere.ndjson'));
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('no file');
      const format = cli(target, 'import', 'data/examples/figures.csv', '--format', 'xlsx');
      expect(format.code).toBe(2);
      expect(format.err).toContain('--format is csv or ndjson');
      expect(cli(target, 'export', 'records', '--kind', 'NOPE').err).toContain(
        '--kind: NOPE is not a record kind',
      );
      expect(existsSync(join(target, 'events.sqlite'))).toBe(false);
      const day = cli(target, 'export', 'records', '--from', '2025-13-01');
      expect(day.code).toBe(2);
      expect(day.err).toContain('--from: from must be a day written YYYY-MM-DD');
    });

    it("imports README's example files cleanly into an empty store, and again records nothing twice", () => {
      const target = newDataDir();
      for (const file of ['data/examples/commands.ndjson', 'data/examples/figures.csv']) {
        const report = join(target, 'refused.ndjson');
        const first = cli(target, 'import', file, '--report', report);
        expect({ file, code: first.code, out: first.out }).toMatchObject({
          file,
          code: 0,
          out: expect.stringMatching(/ 0 lines refused/),
        });
        expect(existsSync(report)).toBe(false);
        expect(cli(target, 'import', file).out).toMatch(
          /, 0 commands recorded, \d+ already recorded before, 0 lines refused/,
        );
      }
      const records = recordsOf(target);
      expect(records.map((record) => record.kind).sort()).toEqual([
        'COMMITMENT',
        'FIGURE',
        'FIGURE',
        'FIGURE',
        'FIGURE',
        'MEETING',
      ]);
      expect(
        records.find((record) => record.id === '0193c5a0-1111-7000-8000-000000000002')!.state,
      ).toMatchObject({
        implementation: { KH: 'LIMITED' },
      });
      expect(records.filter((record) => record.retracted).map((record) => record.id)).toEqual([
        '0193c5a0-2222-7000-8000-000000000003',
      ]);
    });

    it('exports events that the standalone verifier finds exactly signed, and refuses them altered', () => {
      const folder = newDataDir();
      const file = join(folder, 'events.ndjson');
      expect(cli(source, 'export', 'events', '--out', file).code).toBe(0);
      const key = cli(source, 'log-key').out.trim();
      const verify = (path: string) =>
        spawnSync(process.execPath, ['dist/verify-evidence.mjs', path, '--key', key], { encoding: 'utf8' });
      expect(verify(file).status).toBe(0);
      const lines = readFileSync(file, 'utf8').trim().split('\n');
      const altered = join(folder, 'altered.ndjson');
      writeFileSync(altered, [...lines.slice(0, 3), ...lines.slice(4)].join('\n'));
      const refused = verify(altered);
      expect(refused.status).toBe(1);
      expect(refused.stdout).toContain('events were added or removed');
    });
  });
});
