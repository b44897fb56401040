import { Inject } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReadQueries } from '@tracker/read-models';
import { After, First, pageOf } from '../records/connection.types.js';
import { toRecordModel } from '../records/record.mapper.js';
import { ActorRecord } from '../records/record.types.js';
import { ActorConnection, ActorFilterInput, ActorReferenceConnection } from './actors.types.js';

@Resolver(() => ActorRecord)
export class ActorsResolver {
  constructor(@Inject(ReadQueries) private readonly reads: ReadQueries) {}

  @Query(() => ActorRecord, {
    description:
      'An organisation or a person. A merged actor answers with the actor it was merged into. NOT_FOUND if there is none.',
  })
  actor(@Args('id', { type: () => ID }) id: string): ActorRecord {
    return toRecordModel(this.reads.actor(id)) as ActorRecord;
  }

  @Query(() => ActorConnection, {
    description: 'Actors by name (merged and retracted ones left out), filtered by type, country and name.',
  })
  actors(
    @Args('filter', { type: () => ActorFilterInput, nullable: true }) filter: ActorFilterInput | undefined,
    @First() first: number | undefined,
    @After() after: string | undefined,
  ): ActorConnection {
    return pageOf(
      this.reads.actorList(filter ?? {}, { first, after }),
      (view) => toRecordModel(view) as ActorRecord,
    );
  }

  @ResolveField(() => ActorReferenceConnection, {
    description:
      'Every record that names this actor (or an actor merged into it): what it said, claimed, alleged, or was alleged of; newest first.',
  })
  references(
    @Parent() actor: ActorRecord,
    @First() first: number | undefined,
    @After() after: string | undefined,
  ): ActorReferenceConnection {
    return pageOf(this.reads.actorReferences(actor.id, { first, after }), (reference) => ({
      role: reference.role,
      record: toRecordModel(reference.record),
    }));
  }
}
