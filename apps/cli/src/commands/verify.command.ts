import { transparencyLogPath } from '@tracker/config';
import { allEvents, openEventStore } from '@tracker/event-store';
import {
  LogSigner,
  MerkleLog,
  parseVerifierKey,
  verifyLogAgainstEvents,
  type NoteVerifier,
} from '@tracker/integrity';
import { existsSync, readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import type { AppConfig } from '@tracker/config';
import { eventStoreChoice } from '@tracker/config';
import { UsageError } from './usage-error.js';

export const VERIFY_USAGE = `tracker verify [--key <verifier key>]
                         recompute the transparency log from the event store: every event against its
                         leaf, every signed checkpoint against its signature and root; exit 1 naming the
                         first event found changed, deleted or moved (key: the log's own by default)
tracker log-key          print the log's verifier key, for readers to check checkpoints with`;

/** `tracker verify`: the store checked against its log, read-only, with progress on stderr. */
export async function runVerifyCommand(
  args: string[],
  config: AppConfig,
  out: (line: string) => void,
  progress: (line: string) => void,
): Promise<number> {
  const { values } = parseArgs({ args, options: { key: { type: 'string' } } });
  const verifier = values.key === undefined ? ownVerifier(config) : verifierFrom(values.key);
  const choice = eventStoreChoice(config);
  const logPath = choice.kind === 'sqlite' ? choice.path : transparencyLogPath(config);
  if (!existsSync(logPath)) throw new UsageError(`no transparency log at ${logPath}: check TRACKER_DATA_DIR`);
  // The store opened without its log: verifying writes nothing, not even a missing leaf.
  const store = await openEventStore(
    choice.kind === 'sqlite' ? { ...choice, transparencyLog: false } : choice,
  );
  const db = new DatabaseSync(logPath, { readOnly: true });
  try {
    const hasLog = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'log_tree'").get() !== undefined;
    if (!hasLog) {
      out(`NOT verified: ${logPath} holds no transparency log (start the server once to build it)`);
      return 1;
    }
    const log = new MerkleLog(db, { create: false });
    const started = Date.now();
    let said = started;
    const report = await verifyLogAgainstEvents(allEvents(store), log, verifier, ({ events, of }) => {
      if (Date.now() - said < 2_000 && events < of) return;
      said = Date.now();
      const rate = Math.round(events / Math.max(0.001, (said - started) / 1000));
      progress(`checked ${events} of ${of} events (${rate}/s)`);
    });
    if (!report.ok) {
      out(`NOT verified: leaf ${report.problem!.leafIndex}: ${report.problem!.message}`);
      return 1;
    }
    out(
      `verified: ${report.events} events match their leaves, and ${report.checkpoints} signed checkpoint(s) ` +
        `match the events (key ${verifier.name})`,
    );
    return 0;
  } finally {
    db.close();
    await store.close();
  }
}

/** `tracker log-key`: the verifier key of the log's signing key (made if missing, as the server would). */
export function runLogKeyCommand(config: AppConfig, out: (line: string) => void): number {
  out(LogSigner.atPath(config.logOrigin, config.logSigningKeyFile).verifierKey);
  return 0;
}

function verifierFrom(key: string): NoteVerifier {
  try {
    return parseVerifierKey(key);
  } catch (error) {
    throw new UsageError(`--key: ${(error as Error).message}`);
  }
}

function ownVerifier(config: AppConfig): NoteVerifier {
  if (!existsSync(config.logSigningKeyFile)) {
    throw new UsageError(
      `no signing key at ${config.logSigningKeyFile}: pass the log's verifier key with --key`,
    );
  }
  const signer = LogSigner.fromPem(config.logOrigin, readFileSync(config.logSigningKeyFile, 'utf8'));
  return verifierFrom(signer.verifierKey);
}
