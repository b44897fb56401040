import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { commandFor, RECORD_MUTATIONS, type RecordMutation } from '@tracker/mutation-inputs';
import { IdempotencyKey } from './shared/mutation-args.decorators.js';
import { RecordCommandSender } from './shared/record-command.sender.js';
import { RecordMutationPayload } from './shared/record-mutation.payload.js';

/**
 * Every mutation that records something, one method each, built from RECORD_MUTATIONS: each takes its
 * `input` (validated by its class) and an optional `idempotencyKey`, and sends the domain command the
 * table names, made of the input, through the one command path. A new mutation is a line in that table, never another resolver.
 */
@Resolver()
export class RecordMutationsResolver {
  constructor(@Inject(RecordCommandSender) readonly sender: RecordCommandSender) {}
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
    return this.sender.send(commandFor(mutation, input), context, idempotencyKey);
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
