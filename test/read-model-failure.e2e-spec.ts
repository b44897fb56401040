import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { startApiServer, type RunningServer } from './support/api-server.js';
import { gql, gqlData } from './support/gql.js';
import { figureInput } from './support/mutation-inputs.js';
import { storeHead } from './support/mutations.js';

/*
 * The event store is the truth: a write it made durable is answered as made, whatever the read model
 * does next, so a client never retries (and records twice) a change that is recorded.
 */

describe('a durable write while the read model fails', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_DEMO_DATA: 'false' } });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('is answered as recorded, with the read model behind; /health says degraded and why, until it recovers', async () => {
    // An injected fault: another process holds the read DB's write lock, so the projection cannot commit.
    const blocker = new DatabaseSync(join(server.dataDir, 'read.sqlite'));
    // The server may be committing (its start-up replay) at this very moment: wait for it, as SQLite does.
    blocker.exec('PRAGMA busy_timeout = 10000');
    blocker.exec('BEGIN EXCLUSIVE');
    let answer;
    try {
      answer = await gqlData(
        server.url,
        `mutation($input: ReportFigureInput!) {
          reportFigure(input: $input) { recordId position eventCount readModelBehind record { id } }
        }`,
        { input: figureInput() },
        { token: server.tokens.reviewer },
      );
      const health = (await (await fetch(`${server.url}/health`)).json()) as {
        status: string;
        readModel: { failing: boolean; lastError?: string };
      };
      expect(health).toMatchObject({ status: 'degraded', readModel: { failing: true } });
      expect(health.readModel.lastError).toMatch(/locked|busy/i);
    } finally {
      blocker.exec('ROLLBACK');
      blocker.close();
    }
    expect(answer.reportFigure).toMatchObject({ eventCount: 1, readModelBehind: true, record: null });
    // The event is in the store all the same, and the read model takes it in once it recovers.
    expect(await storeHead(server.url)).toBe(answer.reportFigure.position);
    const { recordId } = answer.reportFigure;
    for (let tries = 0; ; tries++) {
      const read = await gql(server.url, `{ record(id: "${recordId}") { id } }`);
      if (read.data?.record) break;
      if (tries > 100) throw new Error('the read model did not recover');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const health = (await (await fetch(`${server.url}/health`)).json()) as { status: string };
    expect(health.status).toBe('up');
  });
});
