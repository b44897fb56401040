import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function benchFile(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'tracker-bench-')), name);
}

/** Where generated scale datasets are kept between runs (they are deterministic: made once, reused). */
export const SCALE_FOLDER = process.env.TRACKER_SCALE_DIR ?? join(tmpdir(), 'tracker-scale-datasets');
