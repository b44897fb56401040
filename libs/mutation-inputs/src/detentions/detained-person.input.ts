import { Field, ID, InputType } from '@nestjs/graphql';
import { PERSON_ROLES, type DetainedPerson } from '@tracker/domain';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PersonRole } from '../enums/domain-enums.js';
import { CountryCode, Label } from '../shared/field-rules.decorators.js';

@InputType({ description: 'A person detained: a journalist, media worker or human-rights defender.' })
export class DetainedPersonInput {
  @Label()
  name: string;

  @Field(() => PersonRole)
  @IsIn(PERSON_ROLES)
  role: DetainedPerson['role'];

  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2 code.' })
  @IsOptional()
  @CountryCode()
  nationality?: string;

  @Field(() => ID, { nullable: true, description: 'The person as an ACTOR record.' })
  @IsOptional()
  @IsUUID('all')
  actorId?: string;
}
