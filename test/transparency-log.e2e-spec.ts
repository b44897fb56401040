import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SqliteEventStore } from '@tracker/event-store';
import { leafHash, LogSigner, verifyConsistency, verifyInclusion } from '@tracker/integrity';
import { generateKeyPairSync } from 'node:crypto';
import { newDataDir, startApiServer, type RunningServer } from './support/api-server.js';
import { errorCodes, gql, gqlData } from './support/gql.js';
import { figureInput } from './support/mutation-inputs.js';
import { mutate } from './support/mutations.js';
import { waitFor } from './support/wait.js';

const LOG = `{ transparencyLog { origin verifierKey treeSize latestCheckpoint { treeSize rootHash time note } } }`;

interface LogInfo {
  origin: string;
  verifierKey: string;
  treeSize: number;
  latestCheckpoint: { treeSize: number; rootHash: string; time: string; note: string } | null;
}

async function signedUpToDate(server: RunningServer): Promise<LogInfo> {
  let info: LogInfo | undefined;
  await waitFor(async () => {
    info = (await gqlData<{ transparencyLog: LogInfo }>(server.url, LOG)).transparencyLog;
    return info.treeSize > 0 && info.latestCheckpoint?.treeSize === info.treeSize ? true : undefined;
  });
  return info!;
}

/** The bundled standalone verifier, run from a folder of its own: nothing of the repo can be found. */
function standaloneVerifier(evidence: unknown, key: string) {
  const folder = mkdtempSync(join(tmpdir(), 'evidence-'));
  copyFileSync('dist/verify-evidence.mjs', join(folder, 'verify-evidence.mjs'));
  writeFileSync(join(folder, 'evidence.json'), JSON.stringify(evidence));
  const result = spawnSync(process.execPath, ['verify-evidence.mjs', 'evidence.json', '--key', key], {
    cwd: folder,
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

function verifyCli(dataDir: string, ...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', 'dist/apps/cli/src/main.js', 'verify', ...args],
    { env: { ...process.env, TRACKER_DATA_DIR: dataDir }, encoding: 'utf8' },
  );
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** A copy of a stopped server's data folder, its event store changed by `tamper` (raw SQL, as an attacker would). */
function tamperedCopy(dataDir: string, tamper: (db: DatabaseSync) => void): string {
  const copy = newDataDir();
  cpSync(dataDir, copy, { recursive: true });
  const db = new DatabaseSync(join(copy, 'events.sqlite'));
  tamper(db);
  db.close();
  return copy;
}

/** The same text with one character changed, inside its first string value. */
function oneByteChanged(data: string): string {
  const at = data.indexOf(':"') + 2;
  return data.slice(0, at) + (data[at] === 'x' ? 'y' : 'x') + data.slice(at + 1);
}

const eventAt = (db: DatabaseSync, position: number) =>
  db.prepare('SELECT * FROM events WHERE global_position = ?').get(position) as Record<string, string>;

describe('the transparency log: checkpoints, proofs, and evidence anyone can verify', () => {
  let server: RunningServer;
  let first: LogInfo;
  let recordId: string;

  beforeAll(async () => {
    server = await startApiServer({ env: { TRACKER_CHECKPOINT_INTERVAL_MS: '200' } });
    first = await signedUpToDate(server);
    recordId = (await mutate(server, 'reportFigure', figureInput())).recordId;
    await mutate(server, 'correctRecord', {
      recordId,
      changes: { value: 18001 },
      reason: 'A later statement gave a more precise figure.',
    });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('logs every event, the demo data included, and signs checkpoints as they grow', async () => {
    expect(first.origin).toBe('regional-cooperation-tracker/log');
    expect(first.verifierKey).toMatch(/^regional-cooperation-tracker\/log\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/);
    const later = await signedUpToDate(server);
    expect(later.treeSize).toBeGreaterThan(first.treeSize);
    expect(later.latestCheckpoint!.note).toContain(
      `\n${later.treeSize}\n${later.latestCheckpoint!.rootHash}\n`,
    );
    // Every earlier checkpoint is kept.
    const earlier = await gqlData(
      server.url,
      `{ checkpoint(treeSize: ${first.treeSize}) { treeSize note } }`,
    );
    expect(earlier.checkpoint).toEqual({ treeSize: first.treeSize, note: first.latestCheckpoint!.note });
  });

  it("serves inclusion proofs for each event of a record's history that verify against the checkpoint", async () => {
    const log = await signedUpToDate(server);
    const history = await gqlData(
      server.url,
      `query($id: ID!) { history(recordId: $id) { edges { node { eventId leafIndex } } } }`,
      { id: recordId },
    );
    const root = Buffer.from(log.latestCheckpoint!.rootHash, 'base64');
    for (const { node } of history.history.edges) {
      const { inclusionProof: proof } = await gqlData(
        server.url,
        `query($id: ID!) { inclusionProof(eventId: $id) { leafIndex treeSize leafHash hashes } }`,
        { id: node.eventId },
      );
      expect(proof.leafIndex).toBe(node.leafIndex);
      expect(proof.treeSize).toBe(log.treeSize);
      const hashes = proof.hashes.map((hash: string) => Buffer.from(hash, 'base64'));
      const leaf = Buffer.from(proof.leafHash, 'base64');
      expect(verifyInclusion(leaf, proof.leafIndex, proof.treeSize, hashes, root)).toBe(true);
      expect(
        verifyInclusion(leafHash(Buffer.from('not the event')), proof.leafIndex, log.treeSize, hashes, root),
      ).toBe(false);
    }
  });

  it("answers a record's evidence bundle that the standalone verifier accepts, and refuses it altered", async () => {
    const log = await signedUpToDate(server);
    const { recordEvidence } = await gqlData(
      server.url,
      `query($id: ID!) { recordEvidence(recordId: $id) { eventCount pendingEvents checkpoint { treeSize } bundle } }`,
      { id: recordId },
    );
    expect(recordEvidence.eventCount).toBeGreaterThanOrEqual(1);
    expect(recordEvidence.pendingEvents).toBe(0);
    const verified = standaloneVerifier(recordEvidence.bundle, log.verifierKey);
    expect(verified).toMatchObject({ code: 0, err: '' });
    expect(verified.out).toMatch(/verified: \d+ event\(s\) were in the log/);

    const altered = structuredClone(recordEvidence.bundle);
    altered.events[0].event.data.value += 1;
    const refused = standaloneVerifier(altered, log.verifierKey);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`FAIL event ${altered.events[0].event.id}`);

    // A key that is not one, or evidence that is not there: a usage error (2), not a verdict.
    expect(standaloneVerifier(recordEvidence.bundle, 'not-a-key')).toMatchObject({ code: 2 });
    const nothing = spawnSync(
      process.execPath,
      ['dist/verify-evidence.mjs', 'no-such.json', '--key', log.verifierKey],
      {
        encoding: 'utf8',
      },
    );
    expect(nothing.status).toBe(2);
    expect(nothing.stderr).toContain('cannot read the input');

    // A checkpoint signed by another key is not evidence, whatever it says.
    const otherPem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' });
    const otherKey = LogSigner.fromPem(log.origin, otherPem.toString()).verifierKey;
    const impostor = standaloneVerifier(recordEvidence.bundle, otherKey);
    expect(impostor.code).toBe(1);
    expect(impostor.out).toContain(`the note is not signed by ${log.origin}`);
  });

  it('proves a later checkpoint extends an earlier one, and the standalone verifier agrees', async () => {
    const log = await signedUpToDate(server);
    const { consistencyProof } = await gqlData(
      server.url,
      `{ consistencyProof(fromSize: ${first.treeSize}, toSize: ${log.treeSize}) { hashes bundle } }`,
    );
    const hashes = consistencyProof.hashes.map((hash: string) => Buffer.from(hash, 'base64'));
    const [from, to] = [first, log].map((info) => Buffer.from(info.latestCheckpoint!.rootHash, 'base64'));
    expect(verifyConsistency(first.treeSize, log.treeSize, from!, to!, hashes)).toBe(true);
    const verified = standaloneVerifier(consistencyProof.bundle, log.verifierKey);
    expect(verified.code).toBe(0);
    expect(verified.out).toContain(`contains the log of ${first.treeSize} unchanged`);
  });

  it('refuses impossible proof requests with a code, naming the argument', async () => {
    const size = (await signedUpToDate(server)).treeSize;
    const cases: [string, string][] = [
      ['{ inclusionProof(eventId: "00000000-0000-4000-8000-000000000000") { leafIndex } }', 'NOT_FOUND'],
      [`{ consistencyProof(fromSize: 2, toSize: ${size + 1}) { hashes } }`, 'BAD_USER_INPUT'],
      ['{ consistencyProof(fromSize: 5, toSize: 3) { hashes } }', 'BAD_USER_INPUT'],
      ['{ consistencyProof(fromSize: -1, toSize: 3) { hashes } }', 'BAD_USER_INPUT'],
      ['{ checkpoint(treeSize: 0) { treeSize } }', 'BAD_USER_INPUT'],
      [`{ checkpoint(treeSize: ${size + 5}) { treeSize } }`, 'BAD_USER_INPUT'],
      ['{ recordEvidence(recordId: "00000000-0000-4000-8000-000000000000") { eventCount } }', 'NOT_FOUND'],
    ];
    for (const [query, code] of cases) {
      const answer = await gql(server.url, query);
      expect({ query, codes: errorCodes(answer) }).toEqual({ query, codes: [code] });
    }
    const history = await gqlData(
      server.url,
      `query($id: ID!) { history(recordId: $id) { edges { node { eventId leafIndex } } } }`,
      { id: recordId },
    );
    const last = history.history.edges.at(-1).node;
    const early = await gql(
      server.url,
      `{ inclusionProof(eventId: "${last.eventId}", treeSize: ${last.leafIndex}) { hashes } }`,
    );
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect(early.errors![0]!.message).toContain('treeSize');
  });

  describe('tracker verify, on copies of the stopped server’s store', () => {
    let dataDir: string;
    let target: Record<string, string>;

    beforeAll(async () => {
      await server.stop();
      dataDir = server.dataDir;
      const db = new DatabaseSync(join(dataDir, 'events.sqlite'), { readOnly: true });
      target = eventAt(db, 20);
      db.close();
    });

    it('finds an intact store matching its log and every checkpoint', () => {
      const result = verifyCli(dataDir);
      expect(result).toMatchObject({ code: 0 });
      expect(result.out).toMatch(
        /verified: \d+ events match their leaves, and \d+ signed checkpoint\(s\) match/,
      );
    });

    it('names the event when one byte of its data changed', () => {
      const copy = tamperedCopy(dataDir, (db) => {
        db.prepare('UPDATE events SET data = ? WHERE global_position = 20').run(oneByteChanged(target.data!));
      });
      const result = verifyCli(copy);
      expect(result.code).toBe(1);
      expect(result.out).toContain(`leaf 19: event ${target.id}`);
      expect(result.out).toContain('changed since it was logged');
    });

    it('names the event deleted', () => {
      const copy = tamperedCopy(dataDir, (db) => db.exec('DELETE FROM events WHERE global_position = 20'));
      const result = verifyCli(copy);
      expect(result.code).toBe(1);
      expect(result.out).toContain(`leaf 19 logged event ${target.id}`);
      expect(result.out).toContain('was deleted or moved');
    });

    it('names the first of two events swapped', () => {
      const copy = tamperedCopy(dataDir, (db) => {
        const other = eventAt(db, 25);
        const move = db.prepare(
          'UPDATE events SET stream = ?, revision = ?, id = ?, type = ?, data = ?, metadata = ?, recorded_at = ? WHERE global_position = ?',
        );
        const fields = (row: Record<string, string>) =>
          [row.stream, row.revision, row.id, row.type, row.data, row.metadata, row.recorded_at] as string[];
        // Through a free position: (stream, revision) and (stream, id) are unique.
        move.run(...fields({ ...target, stream: 'parked', id: 'parked' }), 20);
        move.run(...fields(target), 25);
        move.run(...fields(other), 20);
      });
      const result = verifyCli(copy);
      expect(result.code).toBe(1);
      expect(result.out).toContain(`leaf 19 logged event ${target.id}`);
    });

    it('catches a store whose log was rebuilt to match it: the signed checkpoints do not', async () => {
      const copy = tamperedCopy(dataDir, (db) => {
        db.prepare('UPDATE events SET data = ? WHERE global_position = 20').run(oneByteChanged(target.data!));
        db.exec('DELETE FROM log_tree;');
      });
      // Opening the store logs its events afresh, the changed one included: leaves and events agree.
      await SqliteEventStore.open({ path: join(copy, 'events.sqlite') }).close();
      const result = verifyCli(copy);
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/checkpoint at \d+ events \(signed .*\) does not match the events/);
    });

    it('catches a forged checkpoint: its signature fails', () => {
      const copy = tamperedCopy(dataDir, (db) => {
        const latest = db
          .prepare('SELECT tree_size, note FROM log_checkpoints ORDER BY tree_size DESC LIMIT 1')
          .get() as {
          tree_size: number;
          note: string;
        };
        const forged = latest.note.replace(/\ntime (\S+)\n/, '\ntime 2020-01-01T00:00:00.000Z\n');
        db.prepare('UPDATE log_checkpoints SET note = ? WHERE tree_size = ?').run(forged, latest.tree_size);
      });
      const result = verifyCli(copy);
      expect(result.code).toBe(1);
      expect(result.out).toContain('does not verify: the note was altered');
    });

    it('refuses a malformed key with a usage error', () => {
      const result = verifyCli(dataDir, '--key', 'not-a-key');
      expect(result.code).toBe(2);
      expect(result.err).toContain('--key:');
    });
  });
});
