import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { Label, Labels, Text } from '../shared/field-rules.decorators.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';

@InputType({ description: 'A body created by one or more ACTING countries; `occurred` is its creation.' })
export class CreateTaskForceInput extends RecordFieldsInput {
  @Label()
  name: string;

  @Text()
  mandate: string;

  @Field(() => [String], { description: '"Ministry of Interior", "National Police": at least one.' })
  @Labels()
  memberAgencies: string[];

  @Field(() => [ID], {
    nullable: true,
    description: 'Member agencies as ACTOR records, where they are recorded.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  memberAgencyIds?: string[];
}
