import { Field, InputType } from '@nestjs/graphql';
import { DETENTION_NOTE_CATEGORIES, type DetentionNoteCategory as Category } from '@tracker/domain';
import { IsIn } from 'class-validator';
import { DetentionNoteCategory } from '../enums/domain-enums.js';
import { Text } from '../shared/field-rules.decorators.js';
import { RecordStepInput } from '../shared/record-step.input.js';

@InputType({ description: 'A note on a detention case, such as a published apology.' })
export class AddDetentionNoteInput extends RecordStepInput {
  @Field(() => DetentionNoteCategory)
  @IsIn(DETENTION_NOTE_CATEGORIES)
  category: Category;

  @Text()
  note: string;
}
