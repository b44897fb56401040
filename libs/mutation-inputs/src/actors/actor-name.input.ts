import { Field, InputType } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { Label } from '../shared/field-rules.decorators.js';

@InputType({ description: 'A name in one language and script.' })
export class ActorNameInput {
  @Label({ description: 'The name as written in that language: "អំ សំអាត".' })
  value: string;

  @Field({ description: 'BCP 47 language tag, with a script where it matters: `km`, `en`, `zh-Hans`.' })
  @Matches(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/, {
    message: '$property must be a BCP 47 language tag such as km, en or zh-Hans',
  })
  language: string;
}
