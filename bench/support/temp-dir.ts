import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function benchFile(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'tracker-bench-')), name);
}
