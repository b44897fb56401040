import { Field, InputType } from '@nestjs/graphql';
import { Nested, Sources } from './field-rules.decorators.js';
import { PartialDateInput } from './partial-date.input.js';
import { RecordTargetInput } from './record-target.input.js';
import { SourceInput } from './source.input.js';

/**
 * A dated step in a record's life (a detention's charge or release, an arrest's later figures, a task
 * force's dissolution): when (the domain checks it is not before the previous step, not after today) and
 * who says so.
 */
@InputType({ isAbstract: true })
export abstract class RecordStepInput extends RecordTargetInput {
  @Field(() => PartialDateInput)
  @Nested(() => PartialDateInput)
  on: PartialDateInput;

  @Field(() => [SourceInput])
  @Sources()
  sources: SourceInput[];
}
