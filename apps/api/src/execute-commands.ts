import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome, Runtime } from '../../../libs/application';
import type { CommandEnvelope } from '../../../libs/domain';
import { RUNTIME } from './tokens';

/** A validated envelope on its way through the CommandBus. */
export class ExecuteCommand {
  constructor(readonly envelope: CommandEnvelope) {}
}

/** Thin by design: the CommandService loads, decides and appends. */
@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, CommandOutcome> {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  execute(command: ExecuteCommand): Promise<CommandOutcome> {
    return this.runtime.commands.handle(command.envelope);
  }
}
