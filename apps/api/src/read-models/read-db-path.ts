import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';

/** The read DB of this instance: each instance keeps its own, in its data folder. */
export function readDbPath(config: Pick<AppConfig, 'dataDir'>): string {
  return join(config.dataDir, 'read.sqlite');
}
