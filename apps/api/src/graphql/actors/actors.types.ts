import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ACTOR_TYPES, type ActorType as ActorTypeValue } from '@tracker/domain';
import { ActorType } from '@tracker/mutation-inputs';
import { ACTOR_ROLES, type ActorRole as ActorRoleValue } from '@tracker/read-models';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Connection } from '../records/connection.types.js';
import { ActorRecord, RecordInterface } from '../records/record.types.js';

export const ActorRole = Object.fromEntries(ACTOR_ROLES.map((role) => [role, role])) as {
  [K in ActorRoleValue]: K;
};
registerEnumType(ActorRole, {
  name: 'ActorRole',
  description:
    "How a record names an actor: a statement's SPEAKER, a figure's CLAIMANT, a commitment's ASSESSOR, a task force's MEMBER agency, a detention's OUTLET and the persons DETAINED, a source's PUBLISHER, who ALLEGES an allegation, who it is ALLEGED_AGAINST.",
});

@ObjectType({ description: 'A record that names an actor, and how.' })
export class ActorReference {
  @Field(() => ActorRole)
  role: ActorRoleValue;

  @Field(() => RecordInterface)
  record: RecordInterface;
}

@ObjectType({ description: 'Records that name an actor, newest first by occurrence.' })
export class ActorReferenceConnection extends Connection(ActorReference, 'ActorReference') {}

@ObjectType({ description: 'Actors by name.' })
export class ActorConnection extends Connection(ActorRecord, 'Actor') {}

@InputType({
  description: 'Which actors; every condition given must hold. Merged and retracted ones are left out.',
})
export class ActorFilterInput {
  @Field(() => [ActorType], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ACTOR_TYPES.length)
  @IsIn(ACTOR_TYPES, { each: true })
  types?: ActorTypeValue[];

  @Field({ nullable: true, description: 'Its HOME country (ISO code).' })
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'country must be written as two capital letters, e.g. KH' })
  country?: string;

  @Field({
    nullable: true,
    description: 'The start of any of its names or aliases, in any script; case and spacing aside.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;
}
