import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';
import { OptionalSources, Text } from '../shared/field-rules.decorators.js';
import { RecordTargetInput } from '../shared/record-target.input.js';
import { SourceInput } from '../shared/source.input.js';

@InputType({
  description:
    'Two actors found to be one: `recordId` is merged into `into`, which survives. The merged id keeps answering with the surviving actor.',
})
export class MergeActorInput extends RecordTargetInput {
  @Field(() => ID, { description: 'The actor that survives.' })
  @IsUUID('all')
  into: string;

  @Text({ description: 'Why they are one.' })
  reason: string;

  @Field(() => [SourceInput], { nullable: true })
  @OptionalSources()
  sources?: SourceInput[];
}
