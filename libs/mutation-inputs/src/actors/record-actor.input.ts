import { Field, InputType } from '@nestjs/graphql';
import { ACTOR_TYPES, type ActorType as ActorTypeValue } from '@tracker/domain';
import { IsIn, IsOptional } from 'class-validator';
import { ActorType } from '../enums/domain-enums.js';
import { Label, NestedList, OptionalLabel, OptionalLabels } from '../shared/field-rules.decorators.js';
import { RecordFieldsInput } from '../shared/record-fields.input.js';
import { ActorNameInput } from './actor-name.input.js';

@InputType({
  description:
    'An organisation or a person the records name. `countries`: its one HOME country, or none (a UN body); `occurred`: when the cited source identified it.',
})
export class RecordActorInput extends RecordFieldsInput {
  @Field(() => ActorType)
  @IsIn(ACTOR_TYPES)
  actorType: ActorTypeValue;

  @Label({ description: 'The name it is best known by, as the sources write it.' })
  name: string;

  @Field(() => [ActorNameInput], { nullable: true, description: 'Its name in other languages and scripts.' })
  @IsOptional()
  @NestedList(() => ActorNameInput, 20)
  names?: ActorNameInput[];

  @Field(() => [String], { nullable: true, description: 'Acronyms, former names, transliterations.' })
  @OptionalLabels()
  aliases?: string[];

  @OptionalLabel({ description: '"Operations director, Licadho"; "compliance firm".' })
  description?: string;
}
