import type { SQLInputValue } from 'node:sqlite';

/** A piece of SQL and its positional parameters, composed without string-pasting values. */
export interface Sql {
  readonly text: string;
  readonly params: readonly SQLInputValue[];
}

export function sql(text: string, ...params: SQLInputValue[]): Sql {
  return { text, params };
}

/** Every condition; an empty list is `1` (no condition). */
export function and(conditions: readonly Sql[]): Sql {
  if (conditions.length === 0) return sql('1');
  return {
    text: conditions.map((c) => `(${c.text})`).join(' AND '),
    params: conditions.flatMap((c) => c.params),
  };
}
