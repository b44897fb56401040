import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import {
  commandFor,
  RECORD_MUTATIONS,
  type RecordCommandInput,
  type RecordMutation,
} from '@tracker/mutation-inputs';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@tracker/read-models';
import { RecordCommandExecutor } from '@tracker/tracking';
import { authorizeCommand } from '../../auth/command-roles.js';
import { principalOf } from '../../auth/request-access.js';
import { IdempotencyKey } from './shared/mutation-args.decorators.js';
import { RecordMutationPayload } from './shared/record-mutation.payload.js';

/**
 * Every mutation that records something, one method each, built from RECORD_MUTATIONS: each takes its
 * `input` (validated by its class) and an optional `idempotencyKey`, and sends the domain command the
 * table names, made of the input. A new mutation is a line in that table, never another resolver.
 */
@Resolver()
export class RecordMutationsResolver {
  constructor(
    @Inject(RecordCommandExecutor) private readonly executor: Pick<RecordCommandExecutor, 'execute'>,
    @Inject(PROJECTION_RUNNER) private readonly runner: Pick<ProjectionRunner, 'reachOrReport'>,
  ) {}

  /**
   * The one path of every mutation: the caller's role is checked against the command (again: the access
   * hook already checked the document, this guards any other way in), the executor decides and appends
   * it under the token's name as actor, and the answer waits until the local read model has reached the
   * append, so the caller reads its own write. A refused command throws (DomainError, CONFLICT,
   * UNAVAILABLE) and appends nothing.
   */
  async send(
    command: RecordCommandInput,
    context: unknown,
    idempotencyKey: string | undefined,
  ): Promise<RecordMutationPayload> {
    const principal = principalOf(context);
    authorizeCommand(principal, command.type);
    const outcome = await this.executor.execute(command, {
      actor: principal.actor,
      ...(principal.kind === 'token' ? { tokenId: principal.tokenId } : {}),
      ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    });
    // The append is durable whatever the read model does next: a failing read model is reported in the
    // answer, never as an error a client would retry (and so record twice without a key).
    const readModel = await this.runner.reachOrReport(outcome.position);
    return {
      readModelBehind: readModel === 'behind',
      recordId: outcome.recordId,
      kind: outcome.kind,
      position: outcome.position,
      replayed: outcome.replayed,
      // A replay records nothing: it answers with what the first request recorded.
      eventCount: outcome.replayed ? 0 : outcome.events.length,
    };
  }
}

type MutationMethod = (
  this: RecordMutationsResolver,
  input: object,
  idempotencyKey: string | undefined,
  context: unknown,
) => Promise<RecordMutationPayload>;

for (const [name, mutation] of Object.entries(RECORD_MUTATIONS) as [string, RecordMutation][]) {
  const { input, description } = mutation;
  const prototype = RecordMutationsResolver.prototype as unknown as Record<string, MutationMethod>;
  // A function of its own per mutation: Nest keeps some of a resolver's metadata on the method itself.
  prototype[name] = function (input, idempotencyKey, context) {
    return this.send(commandFor(mutation, input), context, idempotencyKey);
  };
  // What TypeScript's emitted metadata would say of a written method: Nest's ValidationPipe reads the
  // argument's class from it to validate and transform the input.
  Reflect.defineMetadata('design:paramtypes', [input, String, Object], prototype, name);
  Args('input', { type: () => input })(prototype, name, 0);
  IdempotencyKey()(prototype, name, 1);
  Context()(prototype, name, 2);
  Mutation(() => RecordMutationPayload, { name, description })(
    prototype,
    name,
    Object.getOwnPropertyDescriptor(prototype, name)!,
  );
}
