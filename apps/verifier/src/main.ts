#!/usr/bin/env node
// The standalone evidence verifier: it depends on nothing of the server (libs/integrity's verification
// entry and node:crypto only) and is bundled into one file, dist/verify-evidence.mjs, to hand to anyone.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isEventsExport, verifyEventsExportFile } from './events-export.js';
import { keyFromFile, verifyEvidenceFile } from './verify-evidence.js';

const USAGE = `Usage: verify-evidence <evidence.json> (--key <verifier key> | --key-file <file>)

Checks, offline, evidence saved from the tracker's API (the bundle, or the whole GraphQL answer):
  - a record's events (the bundle of the recordEvidence query): the checkpoint's signature, then that each
    event, exactly as saved, is the leaf its proof says in the signed tree;
  - two checkpoints (the bundle of the consistencyProof query): both signatures, and that the later log
    contains the earlier one unchanged;
  - an events export (\`tracker export events\`): that its events are exactly the tree its closing
    checkpoint signed.
The verifier key is the log's (the transparencyLog query's verifierKey, or \`npm run cli -- log-key\`):
obtain it once from a source you trust, not from the evidence file. A key file holds the key, or the
GraphQL answer of { transparencyLog { verifierKey } }.
Exit status: 0 verified, 1 not verified, 2 usage or unreadable input.`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { key: { type: 'string' }, 'key-file': { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    console.error(`verify-evidence: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || (values.key === undefined) === (values['key-file'] === undefined)) {
    console.error(USAGE);
    return 2;
  }
  let key: string;
  let events: boolean;
  try {
    key = values.key ?? keyFromFile(readFileSync(values['key-file']!, 'utf8'));
    events = await isEventsExport(positionals[0]!);
  } catch (error) {
    console.error(`verify-evidence: cannot read the input: ${(error as Error).message}`);
    return 2;
  }
  if (events) {
    const verdict = await verifyEventsExportFile(positionals[0]!, key);
    for (const line of verdict.lines) console.log(line);
    return verdict.ok ? 0 : 1;
  }
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(positionals[0]!, 'utf8'));
  } catch (error) {
    console.error(`verify-evidence: cannot read the input: ${(error as Error).message}`);
    return 2;
  }
  try {
    const verdict = verifyEvidenceFile(content, key);
    for (const line of verdict.lines) console.log(line);
    return verdict.ok ? 0 : 1;
  } catch (error) {
    // A malformed verifier key: the only input the checks themselves refuse by throwing.
    console.error(`verify-evidence: ${(error as Error).message}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
