import { transparencyLogPath } from '@tracker/config';
import { SqliteEventStore, type EventStore } from '@tracker/event-store';
import { LogSigner, MerkleLog } from '@tracker/integrity';
import { mkdirSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import type { AppConfig } from '@tracker/config';
import { LogFollower } from './log-follower.js';

/** The log of the configured store, its signing key, and what keeps it up to date. */
export interface TransparencyLog {
  log: MerkleLog;
  signer: LogSigner;
  /** Starts following the store, where the store does not keep the log itself. */
  start(onError: (error: unknown) => void): void;
  /** Stops following; the log stays readable. */
  stop(): Promise<void>;
  close(): void;
}

/**
 * The embedded store keeps the log in its own file, leaf and event in one transaction. Any other store
 * (KurrentDB) gets a log file of this instance's own in the data folder, built by following $all.
 */
export function openTransparencyLog(store: EventStore, config: AppConfig): TransparencyLog {
  const signer = LogSigner.atPath(config.logOrigin, config.logSigningKeyFile);
  if (store instanceof SqliteEventStore && store.log !== undefined) {
    return { log: store.log, signer, start: () => {}, stop: async () => {}, close: () => {} };
  }
  mkdirSync(config.dataDir, { recursive: true });
  const db = new DatabaseSync(transparencyLogPath(config));
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  const log = new MerkleLog(db);
  let follower: LogFollower | undefined;
  return {
    log,
    signer,
    start(onError) {
      follower = new LogFollower(store, db, log, onError);
      follower.start();
    },
    async stop() {
      await follower?.stop();
    },
    close() {
      db.close();
    },
  };
}
