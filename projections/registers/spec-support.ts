import { COMMAND_TYPES, type CommandDataByType, type CommandType } from '../../libs/domain';
import { exampleData } from '../../test/fixtures/commands';
import { eventsOf, MemoryDocs, type Envelope } from '../testing/harness';
import { registersProjection } from './projection';

/** A command of the example story (test/fixtures/commands.ts), with some fields changed. */
export const command = <T extends CommandType>(type: T, changes: Partial<CommandDataByType[T]> = {}): Envelope => ({
  type,
  data: { ...exampleData(type), ...changes } as Record<string, unknown>,
});

/** The registers' read models after the commands (each must be accepted). */
export const registersAfter = async (commands: Envelope[]): Promise<MemoryDocs> => new MemoryDocs().run(registersProjection, await eventsOf(commands));

/** The example story, command by command, up to and including `last`. */
export const storyUpTo = (last: CommandType): Envelope[] => COMMAND_TYPES.slice(0, COMMAND_TYPES.indexOf(last) + 1).map((type) => command(type));
