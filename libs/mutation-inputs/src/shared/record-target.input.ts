import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

/** A lifecycle command's target: the record it changes. */
@InputType({ isAbstract: true })
export abstract class RecordTargetInput {
  @Field(() => ID, { description: 'The record to change (a UUID).' })
  @IsUUID('all')
  recordId: string;
}
