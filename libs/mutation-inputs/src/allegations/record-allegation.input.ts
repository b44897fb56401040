import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { Text } from '../shared/field-rules.decorators.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';

@InputType({
  description:
    'Who alleges what about whom. `countries`: the SCOPE country it concerns, if any, and others MENTIONED.',
})
export class RecordAllegationInput extends RecordFieldsInput {
  @Field(() => ID, { description: 'The ACTOR who alleges it.' })
  @IsUUID('all')
  allegedBy: string;

  @Field(() => [ID], { description: 'The ACTORs it is about: at least one.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  about: string[];

  @Text({ description: 'What is alleged, as the sources put it.' })
  claim: string;
}
