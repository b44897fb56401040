import { Field, InputType } from '@nestjs/graphql';
import { COUNTRY_ROLES, type CountryInvolvement } from '@tracker/domain';
import { IsIn } from 'class-validator';
import { CountryRole } from '../enums/domain-enums.js';
import { CountryCode } from './field-rules.decorators.js';

@InputType({ description: 'One country in one role; a country may appear once per role.' })
export class CountryInvolvementInput {
  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. KH.' })
  @CountryCode()
  code: string;

  @Field(() => CountryRole, { description: 'Which roles a record accepts depends on its kind.' })
  @IsIn(COUNTRY_ROLES)
  role: CountryInvolvement['role'];
}
