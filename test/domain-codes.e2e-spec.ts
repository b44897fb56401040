import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startApiServer, type RunningServer } from './support/api-server.js';
import { errorCodes } from './support/gql.js';
import { commitmentInput, detentionInput, figureInput, meetingInput } from './support/mutation-inputs.js';
import { mutate, tryMutate } from './support/mutations.js';

/*
 * Every domain code a client can meet is answered with its own code, never INTERNAL_SERVER_ERROR. Three
 * cannot be met over GraphQL, because the API's input rules refuse first (BAD_USER_INPUT): a source that
 * is not http(s), a creation under an id already used (the API makes creation ids), a conviction without
 * a sentence (the schema requires one). Those three are met through `tracker import` of domain commands,
 * whose report must carry the domain's code too.
 */
describe("domain codes reach the client as the domain's own", () => {
  let server: RunningServer;
  let commitmentId: string;
  let detentionId: string;
  let figureId: string;
  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false' } });
    const meeting = await mutate(server, 'recordMeeting', meetingInput());
    commitmentId = (await mutate(server, 'makeCommitment', commitmentInput(meeting.recordId))).recordId;
    detentionId = (await mutate(server, 'reportDetention', detentionInput())).recordId;
    // Charged, so that a conviction is the next step and only its missing sentence is wrong.
    await mutate(server, 'chargeDetention', {
      recordId: detentionId,
      on: { date: '2025-01-20', precision: 'DAY' },
      charges: ['incitement'],
      sources: [{ url: 'https://example.org/charges' }],
    });
    figureId = (await mutate(server, 'reportFigure', figureInput())).recordId;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('INVALID_ASSESSMENT: a status resting on an assessment the commitment does not have', async () => {
    const refused = await tryMutate(server, 'setImplementationStatus', {
      recordId: commitmentId,
      status: 'SUBSTANTIAL',
      countries: ['KH'],
      reason: 'Per the assessment.',
      sources: [{ url: 'https://example.org/assessment' }],
      assessmentId: '0193c5a0-0000-7000-8000-0000000000aa',
    });
    expect(errorCodes(refused)).toEqual(['INVALID_ASSESSMENT']);
    expect(refused.errors![0]!.extensions).toMatchObject({ field: 'assessmentId' });
  });

  it('the three the input rules keep out of GraphQL are refused there as BAD_USER_INPUT', async () => {
    const ftp = await tryMutate(server, 'reportFigure', {
      ...figureInput(),
      sources: [{ url: 'ftp://example.org/x' }],
    });
    expect(errorCodes(ftp)).toEqual(['BAD_USER_INPUT']);
    const noSentence = await tryMutate(server, 'convictDetention', {
      recordId: detentionId,
      on: { date: '2025-02-01', precision: 'DAY' },
      sources: [{ url: 'https://example.org/verdict' }],
    });
    expect(errorCodes(noSentence)).toEqual(['BAD_USER_INPUT']);
  });

  it('INVALID_SOURCE, ALREADY_EXISTS and SENTENCE_REQUIRED, met through the import of domain commands', async () => {
    await server.stop();
    const file = join(server.dataDir, 'codes.ndjson');
    const day = { type: 'DATE', date: '2025-02-06', precision: 'DAY' };
    const figure = { ...figureInput(), type: 'ReportFigure', occurred: day };
    writeFileSync(
      file,
      [
        { ...figure, sources: [{ url: 'ftp://example.org/x' }] },
        { ...figure, recordId: figureId },
        {
          type: 'ConvictDetention',
          recordId: detentionId,
          on: { date: '2025-02-01', precision: 'DAY' },
          sources: [{ url: 'https://example.org/verdict' }],
        },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const run = spawnSync(
      process.execPath,
      ['--disable-warning=ExperimentalWarning', 'dist/apps/cli/src/main.js', 'import', file],
      { env: { ...process.env, TRACKER_DATA_DIR: server.dataDir }, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    const report = readFileSync(`${file}.refused.ndjson`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(report.map(({ line, code }) => [line, code])).toEqual([
      [1, 'INVALID_SOURCE'],
      [2, 'ALREADY_EXISTS'],
      [3, 'SENTENCE_REQUIRED'],
    ]);
  });
});
