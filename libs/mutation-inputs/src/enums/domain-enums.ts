import { registerEnumType } from '@nestjs/graphql';
import {
  ACTOR_TYPES,
  ALLEGATION_EVIDENCE_RELATIONS,
  ALLEGATION_STATUSES,
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

/**
 * A GraphQL enum of the domain's values, registered under `name`: `['A', 'B']` → `{ A: 'A', B: 'B' }`, the
 * enum-like object `registerEnumType` wants, so the schema's enum is the domain's list itself.
 */
function graphqlEnum<T extends string>(
  values: readonly T[],
  name: string,
  description: string,
): { [K in T]: K } {
  const enumLike = Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
  registerEnumType(enumLike, { name, description });
  return enumLike;
}

export const RecordKind = graphqlEnum(RECORD_KINDS, 'RecordKind', 'The kinds of record.');

export const ActorType = graphqlEnum(
  ACTOR_TYPES,
  'ActorType',
  'What an actor is: an organisation (government body, NGO, intergovernmental body, company, media outlet, research body) or a person (official, journalist, rights defender, other).',
);

export const AllegationStatus = graphqlEnum(
  ALLEGATION_STATUSES,
  'AllegationStatus',
  'Where an allegation stands, from its linked evidence: REFUTED by any refutation, else CORROBORATED by any corroboration, else DENIED by any denial, else ALLEGED.',
);

export const AllegationEvidenceRelation = graphqlEnum(
  ALLEGATION_EVIDENCE_RELATIONS,
  'AllegationEvidenceRelation',
  'How a linked record bears on an allegation.',
);

export const CountryRole = graphqlEnum(
  COUNTRY_ROLES,
  'CountryRole',
  'Why a country is part of a record (each kind says which roles it accepts).',
);

export const Confidence = graphqlEnum(
  CONFIDENCE_LEVELS,
  'Confidence',
  'REPORTED: one source; CORROBORATED: two or more independent sources; OFFICIAL_CLAIM: the acting government itself; DISPUTED: sources disagree.',
);

export const DatePrecision = graphqlEnum(
  DATE_PRECISIONS,
  'DatePrecision',
  'How precise a date is: DAY `2025-02-06`, MONTH `2025-02`, YEAR `2025`.',
);

export const ImplementationStatus = graphqlEnum(
  IMPLEMENTATION_STATUSES,
  'ImplementationStatus',
  'OGP-style implementation of a commitment, per signatory.',
);

export const EvidenceRelation = graphqlEnum(
  EVIDENCE_RELATIONS,
  'EvidenceRelation',
  'SUPPORTS: an action that fulfils the commitment; CONTRADICTS: one that works against it.',
);

export const DetentionStatus = graphqlEnum(
  DETENTION_STATUSES,
  'DetentionStatus',
  'Where a detention case stands.',
);

export const PersonRole = graphqlEnum(PERSON_ROLES, 'PersonRole', 'What a detained person does.');

export const DetentionNoteCategory = graphqlEnum(
  DETENTION_NOTE_CATEGORIES,
  'DetentionNoteCategory',
  'Kinds of note on a detention case (a published apology, an appeal...).',
);

export const ShutdownTarget = graphqlEnum(SHUTDOWN_TARGETS, 'ShutdownTarget', 'What was shut down.');

export const ShutdownAction = graphqlEnum(SHUTDOWN_ACTIONS, 'ShutdownAction', 'Blocked or closed.');

export const ShutdownCategory = graphqlEnum(
  SHUTDOWN_CATEGORIES,
  'ShutdownCategory',
  'What the shut-down sites or platforms were used for.',
);

export const FigureProvenance = graphqlEnum(
  FIGURE_PROVENANCES,
  'FigureProvenance',
  'OFFICIAL: claimed by the government concerned; INDEPENDENT: by anyone else.',
);

export const FigureQualifier = graphqlEnum(
  FIGURE_QUALIFIERS,
  'FigureQualifier',
  '"nearly 100,000" is APPROXIMATE; "more than 18,000" is AT_LEAST.',
);
