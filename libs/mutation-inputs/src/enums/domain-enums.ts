import { registerEnumType } from '@nestjs/graphql';
import {
  CONFIDENCE_LEVELS,
  COUNTRY_ROLES,
  DATE_PRECISIONS,
  DETENTION_NOTE_CATEGORIES,
  DETENTION_STATUSES,
  EVIDENCE_RELATIONS,
  FIGURE_PROVENANCES,
  FIGURE_QUALIFIERS,
  IMPLEMENTATION_STATUSES,
  PERSON_ROLES,
  RECORD_KINDS,
  SHUTDOWN_ACTIONS,
  SHUTDOWN_CATEGORIES,
  SHUTDOWN_TARGETS,
} from '@tracker/domain';

/*
 * Every domain enum, registered with GraphQL exactly once, here. Inputs (mutations) and outputs (record
 * types, filters, subscriptions) import the same objects: registering one name twice breaks the schema.
 * The values come from the domain's lists, so a new value in the domain appears in the schema (and in
 * the committed schema.gql diff) without a hand-written copy drifting apart.
 */

/** `['A', 'B']` → `{ A: 'A', B: 'B' }`, the enum-like object `registerEnumType` wants. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const RecordKind = enumOf(RECORD_KINDS);
registerEnumType(RecordKind, { name: 'RecordKind', description: 'The eight kinds of record.' });

export const CountryRole = enumOf(COUNTRY_ROLES);
registerEnumType(CountryRole, {
  name: 'CountryRole',
  description: 'Why a country is part of a record (each kind says which roles it accepts).',
});

export const Confidence = enumOf(CONFIDENCE_LEVELS);
registerEnumType(Confidence, {
  name: 'Confidence',
  description:
    'REPORTED: one source; CORROBORATED: two or more independent sources; OFFICIAL_CLAIM: the acting government itself; DISPUTED: sources disagree.',
});

export const DatePrecision = enumOf(DATE_PRECISIONS);
registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How precise a date is: DAY `2025-02-06`, MONTH `2025-02`, YEAR `2025`.',
});

export const ImplementationStatus = enumOf(IMPLEMENTATION_STATUSES);
registerEnumType(ImplementationStatus, {
  name: 'ImplementationStatus',
  description: 'OGP-style implementation of a commitment, per signatory.',
});

export const EvidenceRelation = enumOf(EVIDENCE_RELATIONS);
registerEnumType(EvidenceRelation, {
  name: 'EvidenceRelation',
  description: 'SUPPORTS: an action that fulfils the commitment; CONTRADICTS: one that works against it.',
});

export const DetentionStatus = enumOf(DETENTION_STATUSES);
registerEnumType(DetentionStatus, { name: 'DetentionStatus', description: 'Where a detention case stands.' });

export const PersonRole = enumOf(PERSON_ROLES);
registerEnumType(PersonRole, { name: 'PersonRole', description: 'What a detained person does.' });

export const DetentionNoteCategory = enumOf(DETENTION_NOTE_CATEGORIES);
registerEnumType(DetentionNoteCategory, {
  name: 'DetentionNoteCategory',
  description: 'Kinds of note on a detention case (a published apology, an appeal...).',
});

export const ShutdownTarget = enumOf(SHUTDOWN_TARGETS);
registerEnumType(ShutdownTarget, { name: 'ShutdownTarget', description: 'What was shut down.' });

export const ShutdownAction = enumOf(SHUTDOWN_ACTIONS);
registerEnumType(ShutdownAction, { name: 'ShutdownAction', description: 'Blocked or closed.' });

export const ShutdownCategory = enumOf(SHUTDOWN_CATEGORIES);
registerEnumType(ShutdownCategory, {
  name: 'ShutdownCategory',
  description: 'What the shut-down sites or platforms were used for.',
});

export const FigureProvenance = enumOf(FIGURE_PROVENANCES);
registerEnumType(FigureProvenance, {
  name: 'FigureProvenance',
  description: 'OFFICIAL: claimed by the government concerned; INDEPENDENT: by anyone else.',
});

export const FigureQualifier = enumOf(FIGURE_QUALIFIERS);
registerEnumType(FigureQualifier, {
  name: 'FigureQualifier',
  description: '"nearly 100,000" is APPROXIMATE; "more than 18,000" is AT_LEAST.',
});
