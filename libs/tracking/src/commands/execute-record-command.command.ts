import type { RecordCommand } from '@tracker/domain';
import { Command } from '@nestjs/cqrs';
import type { CommandMeta, CommandOutcome } from './record-command-executor.js';

/**
 * The CommandBus message for every domain command of every kind: one generic handler serves them all
 * (the record's stream says which decider decides).
 */
export class ExecuteRecordCommand extends Command<CommandOutcome> {
  constructor(
    readonly command: Omit<RecordCommand, 'recordId'> & { recordId?: string },
    readonly meta: CommandMeta,
  ) {
    super();
  }
}
