import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { runTokensCommand, TOKENS_USAGE } from './commands/tokens.command.js';
import { apiTokenFile } from '@tracker/tracking';
import { UsageError } from './commands/usage-error.js';

const USAGE = `Usage (npm run cli -- <command>):
${TOKENS_USAGE}

Environment: TRACKER_DATA_DIR (default ./data), the same folder the server uses.`;

function main(argv: string[]): number {
  const dataDir = resolve(process.env.TRACKER_DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  const [command, ...args] = argv;
  const out = (line: string) => console.log(line);
  try {
    switch (command) {
      case 'tokens':
        return runTokensCommand(args, apiTokenFile(dataDir), out);
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
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
    ) {
      console.error(`tracker: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2));
