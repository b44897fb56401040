import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ExecuteRecordCommand } from './execute-record-command.command.js';
import { RecordCommandExecutor, type CommandOutcome } from './record-command-executor.js';

@CommandHandler(ExecuteRecordCommand)
export class ExecuteRecordCommandHandler implements ICommandHandler<ExecuteRecordCommand, CommandOutcome> {
  constructor(@Inject(RecordCommandExecutor) private readonly executor: RecordCommandExecutor) {}

  execute({ command, meta }: ExecuteRecordCommand): Promise<CommandOutcome> {
    return this.executor.execute(command, meta);
  }
}
