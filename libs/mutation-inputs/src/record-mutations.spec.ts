import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { RECORD_COMMAND_TYPES } from '@tracker/domain';
import { commandFor, RECORD_MUTATIONS } from './record-mutations.js';

/** The committed schema's mutations: name → the block that declares it (description, arguments, type). */
function schemaMutations(): Map<string, string> {
  const schema = readFileSync('schema.gql', 'utf8');
  const body = /type Mutation \{([\s\S]*?)\n\}/.exec(schema)![1]!;
  const blocks = body.split(/\n\n/);
  return new Map(blocks.map((block) => [/^ {2}(\w+)\(/m.exec(block)![1]!, block]));
}

describe('RECORD_MUTATIONS', () => {
  it('makes every domain command, each from one mutation', () => {
    const commands = Object.values(RECORD_MUTATIONS).map((mutation) => mutation.command);
    expect(commands.sort()).toEqual([...RECORD_COMMAND_TYPES].sort());
  });

  it('fills the lists the domain keeps, and leaves ids to the executor', () => {
    expect(commandFor(RECORD_MUTATIONS.assessCommitment, { recordId: 'r' })).toEqual({
      type: 'AssessCommitment',
      recordId: 'r',
    });
    expect(commandFor(RECORD_MUTATIONS.reportArrest, { personsArrested: 3, charges: null })).toEqual({
      type: 'ReportArrest',
      personsArrested: 3,
      nationalities: [],
      charges: [],
    });
  });

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
