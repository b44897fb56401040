import { Field, Float, ID, Int, InterfaceType, ObjectType } from '@nestjs/graphql';
import type {
  ActorType as ActorTypeValue,
  AllegationEvidenceRelation as AllegationEvidenceRelationValue,
  AllegationStatus as AllegationStatusValue,
  Confidence as ConfidenceValue,
  DetentionNoteCategory as DetentionNoteCategoryValue,
  DetentionStatus as DetentionStatusValue,
  EvidenceRelation as EvidenceRelationValue,
  FigureProvenance as FigureProvenanceValue,
  FigureQualifier as FigureQualifierValue,
  ImplementationStatus as ImplementationStatusValue,
  PersonRole as PersonRoleValue,
  RecordKind as RecordKindValue,
  ShutdownAction as ShutdownActionValue,
  ShutdownCategory as ShutdownCategoryValue,
  ShutdownTarget as ShutdownTargetValue,
} from '@tracker/domain';
import type { AnyRecordView } from '@tracker/read-models';
import {
  ActorType,
  AllegationEvidenceRelation,
  AllegationStatus,
  Confidence,
  DetentionNoteCategory,
  DetentionStatus,
  EvidenceRelation,
  FigureProvenance,
  FigureQualifier,
  ImplementationStatus,
  PersonRole,
  RecordKind,
  ShutdownAction,
  ShutdownCategory,
  ShutdownTarget,
} from '@tracker/mutation-inputs';
import { CountryRef, Occurred, PartialDate, RecordCountry, Source } from './record-parts.types.js';

/*
 * The `Record` interface and one object type per kind, in one file: the interface's resolveType names
 * every kind, and ESM would see a half-initialised class if they imported one another.
 */

@InterfaceType('Record', {
  description:
    'Anything the tracker records. Retracted records stay readable (retracted: true) and count in no tally.',
  resolveType: (value: RecordInterface) => RECORD_TYPES[value.kind],
})
export abstract class RecordInterface {
  @Field(() => ID)
  id: string;

  @Field(() => RecordKind)
  kind: RecordKindValue;

  @Field(() => [RecordCountry], { description: 'Every country involved, each in its role.' })
  countries: RecordCountry[];

  @Field(() => Occurred)
  occurred: Occurred;

  @Field(() => [Source])
  sources: Source[];

  @Field(() => Confidence)
  confidence: ConfidenceValue;

  @Field()
  retracted: boolean;

  @Field({ nullable: true, description: 'Why it was retracted, when it is.' })
  retractionReason?: string;

  @Field({ description: 'When the tracker recorded it (recording time, not occurrence time).' })
  recordedAt: Date;

  @Field({ nullable: true, description: 'Who recorded it.' })
  recordedBy?: string;

  @Field({ description: 'When the latest change to it was recorded.' })
  updatedAt: Date;

  @Field({ nullable: true, description: 'Who made the latest change.' })
  updatedBy?: string;

  @Field({ description: 'Position of the latest event projected for it (opaque; compare as strings).' })
  position: string;

  @Field(() => Int, { description: "0-based revision of the record's stream at that event." })
  revision: number;

  @Field({ nullable: true, description: 'The recording time this view is as of; null for the current view.' })
  asOf?: Date;

  /** The read model's view it was made from, for field resolvers (evidence records...); not in the schema. */
  view: AnyRecordView;
}

const implementsRecord = { implements: () => [RecordInterface] };

@ObjectType('Meeting', { ...implementsRecord, description: 'A multilateral meeting.' })
export class MeetingRecord extends RecordInterface {
  @Field()
  title: string;

  @Field({ nullable: true })
  place?: string;

  @Field(() => [String], { description: 'Participating bodies that are not countries.' })
  bodies: string[];

  @Field({ nullable: true })
  outcomeSummary?: string;
}

@ObjectType({ description: "An assessor's rating of a commitment's implementation; every one is kept." })
export class Assessment {
  @Field(() => ID)
  assessmentId: string;

  @Field()
  assessor: string;

  @Field(() => ID, { nullable: true, description: 'The assessor as an ACTOR record, when there is one.' })
  assessorId?: string;

  @Field(() => CountryRef, { nullable: true, description: 'The signatory assessed; null for the whole.' })
  country?: CountryRef;

  @Field(() => ImplementationStatus)
  rating: ImplementationStatusValue;

  @Field()
  rationale: string;

  @Field(() => [Source])
  sources: Source[];

  @Field({ description: 'YYYY-MM-DD.' })
  assessedOn: string;
}

@ObjectType({ description: "One signatory's own follow-through on a (possibly joint) commitment." })
export class Signatory {
  @Field(() => CountryRef)
  country: CountryRef;

  @Field(() => ImplementationStatus)
  implementation: ImplementationStatusValue;

  @Field({ description: 'Deadline passed and not COMPLETE for this signatory, as of today (or asOf).' })
  overdue: boolean;

  @Field(() => [Assessment], { description: 'Latest per assessor, about it or the whole commitment.' })
  latestAssessments: Assessment[];
}

@ObjectType({ description: 'An action record linked to a commitment as evidence.' })
export class EvidenceLink {
  @Field(() => EvidenceRelation)
  relation: EvidenceRelationValue;

  @Field(() => ID)
  recordId: string;

  @Field(() => RecordKind)
  recordKind: RecordKindValue;

  @Field(() => [CountryRef], { description: 'The signatories it is evidence about.' })
  countries: CountryRef[];

  @Field({ nullable: true })
  note?: string;

  @Field(() => [Source])
  sources: Source[];

  @Field(() => RecordInterface, {
    nullable: true,
    description: 'The linked record (as of the same time as the commitment).',
  })
  record?: RecordInterface;
}

@ObjectType('Commitment', {
  ...implementsRecord,
  description: 'A pledge by one or more signatories, each with its own implementation status.',
})
export class CommitmentRecord extends RecordInterface {
  @Field()
  text: string;

  @Field()
  theme: string;

  @Field(() => ID, { nullable: true, description: 'The meeting it was made at.' })
  meetingId?: string;

  @Field(() => ID, { nullable: true, description: 'The statement it was made in.' })
  statementId?: string;

  @Field(() => PartialDate, { nullable: true })
  deadline?: PartialDate;

  @Field({ description: 'Overdue for at least one signatory, as of today (or asOf). Derived, never stored.' })
  overdue: boolean;

  @Field(() => [Signatory], { description: 'Implementation per signatory.' })
  signatories: Signatory[];

  @Field(() => [Assessment], { description: 'Every assessment, in recording order.' })
  assessments: Assessment[];

  @Field(() => [Assessment], { description: 'The ones that count: the latest per assessor and signatory.' })
  latestAssessments: Assessment[];
}

@ObjectType({ description: 'When and why a task force was dissolved.' })
export class Dissolution {
  @Field(() => PartialDate)
  on: PartialDate;

  @Field({ nullable: true })
  reason?: string;

  @Field(() => [Source])
  sources: Source[];
}

@ObjectType('TaskForce', { ...implementsRecord, description: 'A body created by one or more countries.' })
export class TaskForceRecord extends RecordInterface {
  @Field()
  name: string;

  @Field()
  mandate: string;

  @Field(() => [String])
  memberAgencies: string[];

  @Field(() => [ID], { description: 'Member agencies as ACTOR records, where they are recorded.' })
  memberAgencyIds: string[];

  // Not `status`: kinds whose statuses differ in type could not both be selected under one name.
  @Field({ description: 'Created and not dissolved.' })
  active: boolean;

  @Field(() => Dissolution, { nullable: true })
  dissolution?: Dissolution;
}

@ObjectType({ description: 'How many of the persons arrested were nationals of a country.' })
export class Nationality {
  @Field(() => CountryRef)
  country: CountryRef;

  @Field(() => Int)
  count: number;
}

@ObjectType('Arrest', { ...implementsRecord, description: 'An enforcement operation by one country.' })
export class ArrestRecord extends RecordInterface {
  @Field(() => Int)
  personsArrested: number;

  @Field(() => [Nationality])
  nationalities: Nationality[];

  @Field(() => [String])
  charges: string[];

  @Field({ nullable: true })
  place?: string;

  @Field(() => Int, { nullable: true, description: 'Later figure: how many were deported.' })
  deported?: number;

  @Field(() => Int, { nullable: true, description: 'Later figure: how many were prosecuted.' })
  prosecuted?: number;

  @Field(() => PartialDate, { nullable: true, description: 'The date the later figures are as of.' })
  figuresOn?: PartialDate;
}

@ObjectType({ description: 'A detained journalist or rights defender.' })
export class DetainedPerson {
  @Field()
  name: string;

  @Field(() => PersonRole)
  role: PersonRoleValue;

  @Field(() => CountryRef, { nullable: true })
  nationality?: CountryRef;

  @Field(() => ID, { nullable: true, description: 'The person as an ACTOR record, when there is one.' })
  actorId?: string;
}

@ObjectType({ description: 'A sentence, as reported.' })
export class Sentence {
  @Field()
  description: string;

  @Field({ description: 'Whether it keeps the person in custody.' })
  custodial: boolean;

  @Field(() => Int, { nullable: true })
  months?: number;
}

@ObjectType({
  description: 'Days in custody as far as the dates allow: min = max when every date is known to the day.',
})
export class DaysRange {
  @Field(() => Int)
  min: number;

  @Field(() => Int)
  max: number;
}

@ObjectType({ description: 'A stretch of time in custody; `to` is null while it lasts.' })
export class CustodyPeriod {
  @Field()
  from: string;

  @Field({ nullable: true })
  to?: string;
}

@ObjectType({ description: 'A note on a detention case, e.g. a published apology.' })
export class DetentionNote {
  @Field(() => PartialDate)
  on: PartialDate;

  @Field(() => DetentionNoteCategory)
  category: DetentionNoteCategoryValue;

  @Field()
  note: string;

  @Field(() => [Source])
  sources: Source[];
}

@ObjectType('Detention', {
  ...implementsRecord,
  description: 'Journalists or rights defenders detained together by one country.',
})
export class DetentionRecord extends RecordInterface {
  @Field(() => DetentionStatus)
  status: DetentionStatusValue;

  @Field({
    description:
      'Whether the persons are in custody as last reported (on lastReportedOn), as of today or asOf: a case is only known to be open as of its last report.',
  })
  inCustody: boolean;

  @Field({
    description: 'The day of the latest report on the case (its latest step, or when it began), YYYY-MM-DD.',
  })
  lastReportedOn: string;

  @Field(() => Int, {
    description:
      'Days in custody up to today (or asOf), over every custody period, counted from the earliest day the dates allow: when daysDetainedApproximate, see daysDetainedRange.',
  })
  daysDetained: number;

  @Field(() => DaysRange, {
    description:
      'Days in custody as a range: a detention known only to the month or year began on one of several days.',
  })
  daysDetainedRange: DaysRange;

  @Field({ description: 'True when a date is known only to the month or year, so the count is not exact.' })
  daysDetainedApproximate: boolean;

  @Field(() => [DetainedPerson])
  persons: DetainedPerson[];

  @Field({ nullable: true })
  outlet?: string;

  @Field(() => ID, { nullable: true, description: 'The outlet as an ACTOR record, when there is one.' })
  outletId?: string;

  @Field({ description: 'Why they were detained, as reported.' })
  reason: string;

  @Field(() => [String])
  charges: string[];

  @Field(() => Sentence, { nullable: true })
  sentence?: Sentence;

  @Field(() => [CustodyPeriod])
  custody: CustodyPeriod[];

  @Field(() => [DetentionNote])
  notes: DetentionNote[];
}

@ObjectType('Shutdown', { ...implementsRecord, description: 'Websites or platforms blocked or closed.' })
export class ShutdownRecord extends RecordInterface {
  @Field(() => Int)
  count: number;

  @Field(() => ShutdownTarget)
  target: ShutdownTargetValue;

  @Field(() => ShutdownAction)
  action: ShutdownActionValue;

  @Field(() => [ShutdownCategory])
  categories: ShutdownCategoryValue[];

  @Field()
  authority: string;
}

@ObjectType('Figure', { ...implementsRecord, description: 'A quantitative claim about one country.' })
export class FigureRecord extends RecordInterface {
  @Field()
  indicator: string;

  @Field(() => Float)
  value: number;

  @Field()
  unit: string;

  @Field(() => FigureQualifier)
  qualifier: FigureQualifierValue;

  @Field(() => Occurred, { nullable: true, description: 'What the value covers ("since 2021").' })
  period?: Occurred;

  @Field({ description: 'Who claims it.' })
  claimant: string;

  @Field(() => ID, { nullable: true, description: 'The claimant as an ACTOR record, when there is one.' })
  claimantId?: string;

  @Field(() => FigureProvenance)
  provenance: FigureProvenanceValue;

  @Field(() => ID, { nullable: true, description: 'The figure this one disputes.' })
  disputes?: string;
}

@ObjectType('Statement', { ...implementsRecord, description: 'A statement or speech.' })
export class StatementRecord extends RecordInterface {
  @Field()
  speaker: string;

  @Field(() => ID, { nullable: true, description: 'The speaker as an ACTOR record, when there is one.' })
  speakerId?: string;

  @Field()
  office: string;

  @Field()
  quote: string;

  @Field({ nullable: true })
  venue?: string;
}

@ObjectType({ description: 'A name in one language and script.' })
export class ActorName {
  @Field()
  value: string;

  @Field({ description: 'BCP 47 language tag: `km`, `en`, `zh-Hans`.' })
  language: string;
}

@ObjectType({ description: 'How an actor was found to be another.' })
export class ActorMerger {
  @Field(() => ID, { description: 'The actor that survives.' })
  into: string;

  @Field()
  reason: string;

  @Field(() => [Source])
  sources: Source[];
}

@ObjectType('Actor', {
  ...implementsRecord,
  description:
    'An organisation or a person the records name. `countries` holds its HOME country, if it has one.',
})
export class ActorRecord extends RecordInterface {
  @Field(() => ActorType)
  actorType: ActorTypeValue;

  @Field()
  name: string;

  @Field(() => [ActorName])
  names: ActorName[];

  @Field(() => [String])
  aliases: string[];

  @Field({ nullable: true })
  description?: string;

  @Field(() => ActorMerger, {
    nullable: true,
    description: 'Set when this actor was merged into another (its id then answers with the survivor).',
  })
  merger?: ActorMerger;
}

@ObjectType({ description: 'A record that bears on an allegation.' })
export class AllegationEvidence {
  @Field(() => ID)
  recordId: string;

  @Field(() => AllegationEvidenceRelation)
  relation: AllegationEvidenceRelationValue;

  @Field({ nullable: true })
  note?: string;

  @Field(() => [Source])
  sources: Source[];
}

@ObjectType('Allegation', { ...implementsRecord, description: 'Who alleges what about whom.' })
export class AllegationRecord extends RecordInterface {
  @Field(() => ID, { description: 'The ACTOR who alleges it.' })
  allegedBy: string;

  @Field(() => [ID], { description: 'The ACTORs it is about.' })
  about: string[];

  @Field()
  claim: string;

  @Field(() => AllegationStatus, { description: 'From its linked evidence.' })
  allegationStatus: AllegationStatusValue;

  @Field(() => [AllegationEvidence], { description: 'Records that deny, corroborate or refute it.' })
  evidenceLinks: AllegationEvidence[];
}

/** Kind → its GraphQL object type. */
export const RECORD_TYPES = {
  MEETING: MeetingRecord,
  COMMITMENT: CommitmentRecord,
  TASK_FORCE: TaskForceRecord,
  ARREST: ArrestRecord,
  DETENTION: DetentionRecord,
  SHUTDOWN: ShutdownRecord,
  FIGURE: FigureRecord,
  STATEMENT: StatementRecord,
  ACTOR: ActorRecord,
  ALLEGATION: AllegationRecord,
} as const;
