import { Logger } from '@nestjs/common';
import type { RunnerLogger } from '@tracker/read-models';

/** The projection runner's outages and recoveries, in the app's log (pino once the app is up). */
export function runnerLogger(context = 'ProjectionRunner'): RunnerLogger {
  const logger = new Logger(context);
  return {
    info: (msg, details) => logger.log({ msg, ...details }),
    warn: (msg, details) => logger.warn({ msg, ...details }),
    error: (msg, details) => logger.error({ msg, ...details }),
  };
}
