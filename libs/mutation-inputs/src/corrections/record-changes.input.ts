import type { Type } from '@nestjs/common';
import { Field, InputType, IntersectionType, PartialType, PickType } from '@nestjs/graphql';
import { BASE_FIELDS, CORRECTABLE_FIELDS, type FigureFields } from '@tracker/domain';
import { RecordActorInput } from '../actors/record-actor.input.js';
import { RecordAllegationInput } from '../allegations/record-allegation.input.js';
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

/** Fields already defined: every kind's, then each kind's own as it comes (one definition per name). */
const defined = new Set<string>(BASE_FIELDS);

/**
 * The fields the domain lets a correction change for one kind (CORRECTABLE_FIELDS), as that kind's
 * creation input defines and validates them, each optional. A name another kind defined first (`place`,
 * `charges`) is that kind's definition: the rules are the same at creation.
 */
function correctable<T>(creation: Type<T>, fields: readonly string[]) {
  const own = fields.filter((field) => !defined.has(field));
  for (const field of own) defined.add(field);
  return PartialType(PickType(creation, own as (keyof T)[]));
}

const EveryKind = PartialType(RecordFieldsInput as Type<RecordFieldsInput>);
// A sentence is corrected as a conviction gives it (a detention's creation has none).
const Sentence = correctable(ConvictDetentionInput, ['sentence']);
const Meeting = correctable(RecordMeetingInput, CORRECTABLE_FIELDS.MEETING);
const Commitment = correctable(MakeCommitmentInput, CORRECTABLE_FIELDS.COMMITMENT);
const TaskForce = correctable(CreateTaskForceInput, CORRECTABLE_FIELDS.TASK_FORCE);
const Arrest = correctable(ReportArrestInput, CORRECTABLE_FIELDS.ARREST);
const Detention = correctable(ReportDetentionInput, CORRECTABLE_FIELDS.DETENTION);
const Shutdown = correctable(ReportShutdownInput, CORRECTABLE_FIELDS.SHUTDOWN);
const Figure = correctable(ReportFigureInput, CORRECTABLE_FIELDS.FIGURE);
const Statement = correctable(RecordStatementInput, CORRECTABLE_FIELDS.STATEMENT);
const Actor = correctable(RecordActorInput, CORRECTABLE_FIELDS.ACTOR);
const Allegation = correctable(RecordAllegationInput, CORRECTABLE_FIELDS.ALLEGATION);

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
  IntersectionType(IntersectionType(Figure, Statement), IntersectionType(Actor, Allegation)),
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
}
