import { join } from 'node:path';
import type { AppConfig } from './app-config.js';

/** The read DB of this instance: each instance keeps its own, in its data folder. */
export function readDbPath(config: Pick<AppConfig, 'dataDir'>): string {
  return join(config.dataDir, 'read.sqlite');
}

/** This instance's own transparency log, where the store does not keep it (KurrentDB). */
export function transparencyLogPath(config: Pick<AppConfig, 'dataDir'>): string {
  return join(config.dataDir, 'transparency-log.sqlite');
}
