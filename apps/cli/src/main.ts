import { openEventStore, type EventStore, type EventStoreChoice } from '@tracker/event-store';
import { existsSync } from 'node:fs';
import { ConfigError, loadAppConfig } from '@tracker/config';
import { eventStoreChoice } from '@tracker/config';
import { ReadDbInUseError } from '@tracker/read-models';
import { REBUILD_USAGE, runRebuildCommand } from './commands/rebuild.command.js';
import { runTokensCommand, TOKENS_USAGE } from './commands/tokens.command.js';
import { runLogKeyCommand, runVerifyCommand, VERIFY_USAGE } from './commands/verify.command.js';
import { EXPORT_USAGE, runExportCommand } from './commands/export.command.js';
import { IMPORT_USAGE, runImportCommand } from './commands/import.command.js';
import { UsageError } from './commands/usage-error.js';

const USAGE = `Usage (npm run cli -- <command>):
${TOKENS_USAGE}
${REBUILD_USAGE}
${VERIFY_USAGE}
${EXPORT_USAGE}
${IMPORT_USAGE}

Configuration: the server's own (TRACKER_DATA_DIR, EVENT_STORE, KURRENTDB_CONNECTION_STRING, ...): the
CLI writes to the event store the server reads.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const out = (line: string) => console.log(line);
  let store: EventStore | undefined;
  try {
    switch (command) {
      case 'tokens': {
        // The server's configuration, so tokens land in the store every instance reads.
        const config = loadAppConfig();
        return await runTokensCommand(
          args,
          async () => (store = await openAndSay(eventStoreChoice(config))),
          out,
        );
      }
      case 'rebuild':
        return await runRebuildCommand(loadAppConfig(), out);
      case 'verify':
        return await runVerifyCommand(args, loadAppConfig(), out, (line) => console.error(line));
      case 'export':
        return await runExportCommand(args, loadAppConfig(), process.stdout, (line) => console.error(line));
      case 'import':
        return await runImportCommand(args, loadAppConfig(), out, (line) => console.error(line));
      case 'log-key':
        return runLogKeyCommand(loadAppConfig(), out);
      case undefined:
      case 'help':
      case '--help':
        out(USAGE);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof RangeError ||
      error instanceof ConfigError ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
    ) {
      console.error(`tracker: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof ReadDbInUseError) {
      console.error(
        `tracker: ${error.message}: stop the server first, or restart it with TRACKER_REBUILD_READ_MODEL=true`,
      );
      return 1;
    }
    throw error;
  } finally {
    await store?.close();
  }
}

/**
 * Opens the configured store and says which (on stderr: stdout stays the command's own output), warning
 * when it has just been created: a token issued into a new, empty store is one no server knows.
 */
async function openAndSay(choice: EventStoreChoice): Promise<EventStore> {
  const say = (line: string) => console.error(line);
  if (choice.kind === 'sqlite') {
    const existed = existsSync(choice.path);
    say(`Event store: SQLite file ${choice.path}`);
    const opened = await openEventStore(choice);
    if (!existed) {
      say(
        `Warning: ${choice.path} did not exist: a new, empty event store was created. A server reads this ` +
          'token only if it runs with the same TRACKER_DATA_DIR; set it as the server has it.',
      );
    }
    return opened;
  }
  say(`Event store: KurrentDB at ${withoutCredentials(choice.connectionString)}`);
  return openEventStore(choice);
}

function withoutCredentials(connectionString: string): string {
  return connectionString.replace(/\/\/[^@/]*@/, '//***@');
}

process.exitCode = await main(process.argv.slice(2));
