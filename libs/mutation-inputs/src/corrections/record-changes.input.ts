import type { Type } from '@nestjs/common';
import { Field, InputType, IntersectionType, PartialType, PickType } from '@nestjs/graphql';
import type { FigureFields } from '@tracker/domain';
import { ReportArrestInput } from '../arrests/report-arrest.input.js';
import { MakeCommitmentInput } from '../commitments/make-commitment.input.js';
import { ConvictDetentionInput } from '../detentions/convict-detention.input.js';
import { SentenceInput } from '../detentions/sentence.input.js';
import { ReportDetentionInput } from '../detentions/report-detention.input.js';
import { FigureQualifier } from '../enums/domain-enums.js';
import { ReportFigureInput } from '../figures/report-figure.input.js';
import { RecordMeetingInput } from '../meetings/record-meeting.input.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';
import { ReportShutdownInput } from '../shutdowns/report-shutdown.input.js';
import { RecordStatementInput } from '../statements/record-statement.input.js';
import { CreateTaskForceInput } from '../task-forces/create-task-force.input.js';
import { domainValues } from '../shared/record-command.js';

/** Each correctable field, taken from the creation input that first defines it, every one optional. */
const correctable = <T, K extends keyof T>(creation: Type<T>, fields: readonly K[]) =>
  PartialType(PickType(creation, fields));

// Every kind's shared fields; then each kind's own (`place` is MEETING's and ARREST's, `charges` ARREST's
// and DETENTION's: one definition each, the same rules at creation).
const EveryKind = PartialType(RecordFieldsInput as Type<RecordFieldsInput>);
const Meeting = correctable(RecordMeetingInput, ['title', 'place', 'bodies', 'outcomeSummary']);
const Commitment = correctable(MakeCommitmentInput, [
  'text',
  'theme',
  'meetingId',
  'statementId',
  'deadline',
]);
const TaskForce = correctable(CreateTaskForceInput, ['name', 'mandate', 'memberAgencies']);
const Arrest = correctable(ReportArrestInput, ['personsArrested', 'nationalities', 'charges']);
const Detention = correctable(ReportDetentionInput, ['persons', 'outlet', 'reason']);
const Sentence = correctable(ConvictDetentionInput, ['sentence']);
const Shutdown = correctable(ReportShutdownInput, ['count', 'target', 'action', 'categories', 'authority']);
const Figure = correctable(ReportFigureInput, [
  'indicator',
  'value',
  'unit',
  'qualifier',
  'period',
  'claimant',
  'provenance',
  'disputes',
]);
const Statement = correctable(RecordStatementInput, ['speaker', 'office', 'quote', 'venue']);

/**
 * The fields a correction changes: every correctable field of any kind, derived from the creation inputs
 * (so a correction is validated by exactly the rules a creation is, and the two cannot drift), each
 * optional, rather than a JSON blob: clients get the schema's types and GraphiQL completes them. Which
 * fields a record's kind accepts is the domain's rule: naming another kind's field is VALIDATION_FAILED on
 * `changes.<field>`. Omit a field to keep it; `null` clears an optional field.
 */
@InputType({ description: 'Fields to correct (only those given change; null clears an optional field).' })
export class RecordChangesInput extends IntersectionType(
  IntersectionType(
    IntersectionType(IntersectionType(EveryKind, Meeting), IntersectionType(Commitment, TaskForce)),
    IntersectionType(IntersectionType(Arrest, Detention), IntersectionType(Sentence, Shutdown)),
  ),
  IntersectionType(Figure, Statement),
) {
  // Where a creation's description would mislead here, the correction says its own (the field, its
  // type and its validation stay the creation's).
  @Field(() => String, { nullable: true, description: 'MEETING, ARREST.' })
  declare place?: string;

  @Field(() => [String], { nullable: true, description: 'ARREST, DETENTION.' })
  declare charges?: string[];

  @Field(() => SentenceInput, { nullable: true, description: 'Only on a convicted detention.' })
  declare sentence?: SentenceInput;

  @Field(() => FigureQualifier, { nullable: true, description: 'FIGURE.' })
  declare qualifier?: FigureFields['qualifier'];

  /** The given fields as domain values; `null` stays `null` (the domain clears the field). */
  toDomain(): Record<string, unknown> {
    return domainValues(this);
  }
}
