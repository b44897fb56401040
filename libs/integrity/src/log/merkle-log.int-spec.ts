import { afterEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { leafHash } from '../rfc9162/hashes.js';
import { consistencyPath, inclusionPath, inMemoryTree, rootHash } from '../rfc9162/proofs.js';
import { verifyConsistency, verifyInclusion } from '../rfc9162/verify.js';
import { MerkleLog, type LogEntry } from './merkle-log.js';

const folders: string[] = [];
function openFile(): { path: string; db: DatabaseSync } {
  const folder = mkdtempSync(join(tmpdir(), 'merkle-log-'));
  folders.push(folder);
  const path = join(folder, 'log.sqlite');
  const db = new DatabaseSync(path);
  db.exec('PRAGMA journal_mode = WAL');
  return { path, db };
}
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const entry = (at: number): LogEntry => ({
  eventId: `event-${at}`,
  position: String(at + 1),
  leafHash: leafHash(Buffer.from(`event ${at}`)),
});

function appendInTransaction(db: DatabaseSync, log: MerkleLog, entries: LogEntry[]): void {
  db.exec('BEGIN IMMEDIATE');
  log.append(entries);
  db.exec('COMMIT');
}

describe('MerkleLog on SQLite', () => {
  it('agrees with the tree recomputed in memory, at every size, whatever the batches', () => {
    const { db } = openFile();
    const log = new MerkleLog(db);
    const all = Array.from({ length: 300 }, (_, at) => entry(at));
    const memory = inMemoryTree(all.map((one) => one.leafHash));
    let size = 0;
    for (const batch of [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 69]) {
      appendInTransaction(db, log, all.slice(size, size + batch));
      size += batch;
      expect(log.size()).toBe(size);
      expect(log.root().equals(rootHash(memory, size))).toBe(true);
    }
    for (let at = 0; at <= size; at += 7) expect(log.root(at).equals(rootHash(memory, at))).toBe(true);
    expect(log.leafAt('43')).toMatchObject({ index: 42, eventId: 'event-42' });
    expect(log.leafAt('no-such-position')).toBeUndefined();
    expect(log.leaves(298, 5).map((leaf) => leaf.eventId)).toEqual(['event-298', 'event-299']);
    expect(() => log.root(size + 1)).toThrow(RangeError);
  });

  it('serves proofs any verifier accepts: tree sizes 1 to 1,000, pairs sampled', () => {
    const { db } = openFile();
    const log = new MerkleLog(db);
    const all = Array.from({ length: 1000 }, (_, at) => entry(at));
    appendInTransaction(db, log, all);
    const memory = inMemoryTree(all.map((one) => one.leafHash));
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 1000 })
          .chain((size) =>
            fc.tuple(
              fc.constant(size),
              fc.integer({ min: 0, max: size - 1 }),
              fc.integer({ min: 0, max: size }),
            ),
          ),
        ([size, index, from]) => {
          const root = log.root(size);
          const path = log.inclusionProof(index, size);
          expect(path.map(String)).toEqual(inclusionPath(memory, index, size).map(String));
          expect(verifyInclusion(all[index]!.leafHash, index, size, path, root)).toBe(true);
          const proof = log.consistencyProof(from, size);
          expect(proof.map(String)).toEqual(consistencyPath(memory, from, size).map(String));
          expect(verifyConsistency(from, size, log.root(from), root, proof)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('follows appends made through another connection to the same file', () => {
    const { path, db } = openFile();
    const first = new MerkleLog(db);
    const otherDb = new DatabaseSync(path);
    const second = new MerkleLog(otherDb);
    const all = Array.from({ length: 40 }, (_, at) => entry(at));
    appendInTransaction(db, first, all.slice(0, 5));
    appendInTransaction(otherDb, second, all.slice(5, 12));
    appendInTransaction(db, first, all.slice(12, 40));
    const memory = inMemoryTree(all.map((one) => one.leafHash));
    expect(first.root().equals(rootHash(memory, 40))).toBe(true);
    expect(second.root().equals(rootHash(memory, 40))).toBe(true);
    otherDb.close();
  });

  it('after a rolled-back transaction, forgets what it held and appends right', () => {
    const { db } = openFile();
    const log = new MerkleLog(db);
    const all = Array.from({ length: 10 }, (_, at) => entry(at));
    appendInTransaction(db, log, all.slice(0, 3));
    db.exec('BEGIN IMMEDIATE');
    log.append([entry(99), entry(98)]);
    db.exec('ROLLBACK');
    log.forget();
    appendInTransaction(db, log, all.slice(3, 10));
    expect(log.root().equals(rootHash(inMemoryTree(all.map((one) => one.leafHash)), 10))).toBe(true);
  });

  it('keeps checkpoints by size, the latest first asked', () => {
    const { db } = openFile();
    const log = new MerkleLog(db);
    appendInTransaction(
      db,
      log,
      Array.from({ length: 9 }, (_, at) => entry(at)),
    );
    for (const size of [3, 6, 9]) {
      log.addCheckpoint({
        size,
        root: log.root(size),
        time: `2026-11-30T10:0${size}:00.000Z`,
        note: `note ${size}`,
      });
    }
    expect(log.checkpoint()?.size).toBe(9);
    expect(log.checkpoint(6)?.note).toBe('note 6');
    expect(log.checkpoint(7)).toBeUndefined();
    expect(log.checkpoints(3, 10).map((one) => one.size)).toEqual([6, 9]);
  });
});
