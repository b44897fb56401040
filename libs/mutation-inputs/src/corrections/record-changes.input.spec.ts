import { describe, expect, it } from '@jest/globals';
import {
  ARREST_CORRECTABLE_FIELDS,
  COMMITMENT_CORRECTABLE_FIELDS,
  DETENTION_CORRECTABLE_FIELDS,
  FIGURE_CORRECTABLE_FIELDS,
  MEETING_CORRECTABLE_FIELDS,
  SHUTDOWN_CORRECTABLE_FIELDS,
  STATEMENT_CORRECTABLE_FIELDS,
  TASK_FORCE_CORRECTABLE_FIELDS,
} from '@tracker/domain';
import { readFileSync } from 'node:fs';

describe('RecordChangesInput', () => {
  it('offers exactly the fields the domain lets a correction change, of every kind', () => {
    const schema = readFileSync('schema.gql', 'utf8');
    const body = /input RecordChangesInput \{([\s\S]*?)\n\}/.exec(schema)![1]!;
    const fields = [...body.matchAll(/^ {2}(\w+): /gm)].map((match) => match[1]).sort();
    const correctable = new Set([
      ...MEETING_CORRECTABLE_FIELDS,
      ...COMMITMENT_CORRECTABLE_FIELDS,
      ...TASK_FORCE_CORRECTABLE_FIELDS,
      ...ARREST_CORRECTABLE_FIELDS,
      ...DETENTION_CORRECTABLE_FIELDS,
      ...SHUTDOWN_CORRECTABLE_FIELDS,
      ...FIGURE_CORRECTABLE_FIELDS,
      ...STATEMENT_CORRECTABLE_FIELDS,
    ]);
    expect(fields).toEqual([...correctable].sort());
    expect(fields).toHaveLength(40);
  });
});
