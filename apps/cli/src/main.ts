import { openEventStore, type EventStore } from '@tracker/event-store';
import { ConfigError, loadAppConfig } from '../../api/src/config/app-config.js';
import { eventStoreChoice } from '../../api/src/event-store/event-store-choice.js';
import { ReadDbInUseError } from '@tracker/read-models';
import { REBUILD_USAGE, runRebuildCommand } from './commands/rebuild.command.js';
import { runTokensCommand, TOKENS_USAGE } from './commands/tokens.command.js';
import { UsageError } from './commands/usage-error.js';

const USAGE = `Usage (npm run cli -- <command>):
${TOKENS_USAGE}
${REBUILD_USAGE}

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
          async () => (store = await openEventStore(eventStoreChoice(config))),
          out,
        );
      }
      case 'rebuild':
        return await runRebuildCommand(loadAppConfig(), out);
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

process.exitCode = await main(process.argv.slice(2));
