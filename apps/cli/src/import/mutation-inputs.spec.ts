import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { MUTATION_INPUTS } from './mutation-inputs.js';

describe('the import’s mutations', () => {
  it('are every mutation of the committed schema, each with its input class', () => {
    const schema = readFileSync('schema.gql', 'utf8');
    const body = /type Mutation \{([\s\S]*?)\n\}/.exec(schema)![1]!;
    const mutations = [...body.matchAll(/^ {2}(\w+)\(/gm)].map((match) => match[1]).sort();
    expect(Object.keys(MUTATION_INPUTS).sort()).toEqual(mutations);
  });
});
