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

/** `column IN (?, ?, ...)`; `0` (nothing matches) for an empty list. */
export function inList(column: string, values: readonly SQLInputValue[]): Sql {
  if (values.length === 0) return sql('0');
  return sql(`${column} IN (${values.map(() => '?').join(', ')})`, ...values);
}
