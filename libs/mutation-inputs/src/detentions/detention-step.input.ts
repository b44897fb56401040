import { Field, InputType } from '@nestjs/graphql';
import { Nested, Sources } from '../shared/field-rules.decorators.js';
import { PartialDateInput } from '../shared/partial-date.input.js';
import { RecordTargetInput } from '../shared/record-target.input.js';
import { SourceInput } from '../shared/source.input.js';

/** Every step of a detention: when (not before the previous step, not after today) and who says so. */
@InputType({ isAbstract: true })
export abstract class DetentionStepInput extends RecordTargetInput {
  @Field(() => PartialDateInput)
  @Nested(() => PartialDateInput)
  on: PartialDateInput;

  @Field(() => [SourceInput])
  @Sources()
  sources: SourceInput[];
}
