import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { RECORD_MUTATIONS } from './record-mutations.js';

/** The committed schema's mutations: name → the block that declares it (description, arguments, type). */
function schemaMutations(): Map<string, string> {
  const schema = readFileSync('schema.gql', 'utf8');
  const body = /type Mutation \{([\s\S]*?)\n\}/.exec(schema)![1]!;
  const blocks = body.split(/\n\n/);
  return new Map(blocks.map((block) => [/^ {2}(\w+)\(/m.exec(block)![1]!, block]));
}

describe('RECORD_MUTATIONS', () => {
  it('is every mutation of the committed schema, each with its description and input type', () => {
    const mutations = schemaMutations();
    expect(Object.keys(RECORD_MUTATIONS).sort()).toEqual([...mutations.keys()].sort());
    for (const [name, { input, description }] of Object.entries(RECORD_MUTATIONS)) {
      const block = mutations.get(name)!;
      // The description, whether the schema wrote it on one line or three.
      expect(/^\s*"""\s*([\s\S]*?)\s*"""/.exec(block)?.[1]).toBe(description);
      expect(block).toContain(`    input: ${input.name}!\n`);
      expect(block).toMatch(/\): RecordMutationPayload!$/);
    }
  });
});
