import { describe, expect, it } from '@jest/globals';
import { CORRECTABLE_FIELDS } from '@tracker/domain';
import { readFileSync } from 'node:fs';

describe('RecordChangesInput', () => {
  it('offers exactly the fields the domain lets a correction change, of every kind', () => {
    const schema = readFileSync('schema.gql', 'utf8');
    const body = /input RecordChangesInput \{([\s\S]*?)\n\}/.exec(schema)![1]!;
    const fields = [...body.matchAll(/^ {2}(\w+): /gm)].map((match) => match[1]).sort();
    const correctable = new Set(Object.values(CORRECTABLE_FIELDS).flat());
    expect(fields).toEqual([...correctable].sort());
    expect(fields).toHaveLength(51);
  });
});
