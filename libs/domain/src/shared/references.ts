import type { DecisionContext, RecordFact } from './decider.js';
import { InvalidReferenceError, UnknownRecordError } from './errors.js';
import type { RecordKind } from './record.js';

/**
 * The record `id` (found in `field`) must exist, be one of `kinds` and not be retracted: a commitment
 * made at a meeting that never was, or disputing a retracted figure, would mislead every reader.
 */
/**
 * The actor `id` (found in `field`): it must exist, not be retracted, and not have been merged into
 * another (the surviving actor is the one to name).
 */
export function requireActor(context: DecisionContext, id: string, field: string): RecordFact {
  const fact = requireReference(context, id, field, ['ACTOR']);
  if (fact.mergedInto !== undefined) {
    throw new InvalidReferenceError(
      `${field}: actor ${id} was merged into ${fact.mergedInto}: name that one`,
      field,
    );
  }
  return fact;
}

export function requireReference(
  context: DecisionContext,
  id: string,
  field: string,
  kinds: readonly RecordKind[],
): RecordFact {
  const fact = context.records.get(id);
  if (fact === undefined) throw new UnknownRecordError(`${field}: no record ${id}`, field);
  if (!kinds.includes(fact.kind)) {
    throw new InvalidReferenceError(
      `${field}: record ${id} is ${withArticle(fact.kind)}, not ${kinds.map(withArticle).join(' or ')}`,
      field,
    );
  }
  if (fact.retracted) throw new InvalidReferenceError(`${field}: record ${id} is retracted`, field);
  return fact;
}

/** `an ACTOR`, `a MEETING`: a kind as a message names it. */
function withArticle(kind: RecordKind): string {
  return `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}`;
}
