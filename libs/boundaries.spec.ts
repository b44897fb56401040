import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';

/** Lints `code` as if it were the file at `path`, with the project's own configuration. */
async function restrictedImports(path: string, code: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(code, { filePath: path });
  return result!.messages
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

// The architecture's boundaries are lint rules (eslint.config.js): each deliberate violation below fails.
describe('import boundaries', () => {
  it('keep the domain pure', async () => {
    expect(
      await restrictedImports(
        'libs/domain/src/shared/x.ts',
        "import { SqliteEventStore } from '@tracker/event-store';\n",
      ),
    ).toEqual([expect.stringContaining('the domain is pure TypeScript')]);
    expect(
      await restrictedImports(
        'libs/domain/src/shared/x.ts',
        "import { Injectable } from '@nestjs/common';\n",
      ),
    ).toHaveLength(1);
  });

  it('keep the event store free of domain types, and every lib out of the apps', async () => {
    expect(
      await restrictedImports(
        'libs/event-store/src/x.ts',
        "import type { RecordKind } from '@tracker/domain';\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'libs/read-models/src/x.ts',
        "import { loadAppConfig } from '../../../apps/api/src/config/app-config.js';\n",
      ),
    ).toEqual([expect.stringContaining('a lib never imports an app')]);
  });

  it('keep integrity and the standalone verifier apart from the server', async () => {
    expect(
      await restrictedImports(
        'libs/integrity/src/x.ts',
        "import { recordsDecider } from '@tracker/domain';\n",
      ),
    ).toHaveLength(1);
    expect(
      await restrictedImports('apps/verifier/src/x.ts', "import { MerkleLog } from '@tracker/integrity';\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        'apps/verifier/src/x.ts',
        "import { verifyInclusion } from '@tracker/integrity/verification';\n",
      ),
    ).toEqual([]);
  });

  it('keep the CLI off the API: what both use is in libs', async () => {
    expect(
      await restrictedImports(
        'apps/cli/src/commands/x.ts',
        "import { loadAppConfig } from '../../../api/src/config/app-config.js';\n",
      ),
    ).toEqual([expect.stringContaining('@tracker/config')]);
    expect(
      await restrictedImports(
        'apps/cli/src/import/x.ts',
        "import { RecordMutationsResolver } from '../../../api/src/graphql/mutations/record-mutations.resolver.js';\n",
      ),
    ).toEqual([expect.stringContaining('@tracker/mutation-inputs')]);
    expect(
      await restrictedImports(
        'apps/cli/src/import/x.ts',
        "import { RECORD_MUTATIONS } from '@tracker/mutation-inputs';\n",
      ),
    ).toEqual([]);
  });

  it('let what is allowed through', async () => {
    expect(
      await restrictedImports(
        'libs/read-models/src/x.ts',
        "import { recordsDecider } from '@tracker/domain';\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedImports('apps/api/src/x.ts', "import { ReadDatabase } from '@tracker/read-models';\n"),
    ).toEqual([]);
  });
});
