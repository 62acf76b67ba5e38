import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandOutcome, Runtime } from '../../../libs/application';
import type { CommandEnvelope } from '../../../libs/domain';
import { RUNTIME } from './tokens';

/**
 * Deprecated, used by nothing of the API: kept only while bench/src/phases.ts sends through it. Once the bench
 * calls `runtime.commands.handle` itself, delete this file and its provider in app.module.ts.
 */
export class ExecuteCommand {
  constructor(readonly envelope: CommandEnvelope) {}
}

@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand, CommandOutcome> {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  execute(command: ExecuteCommand): Promise<CommandOutcome> {
    return this.runtime.commands.handle(command.envelope);
  }
}
