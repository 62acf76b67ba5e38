import { COMMAND_TYPES, COMMANDS, type CommandDataByType, type CommandType } from '../command-handling/registry';
import type { Schema } from './schema';

/** The data of each command, as its slice's schema checks it. */
export const commandSchemas = Object.fromEntries(COMMAND_TYPES.map((type) => [type, COMMANDS[type].schema])) as {
  [T in CommandType]: Schema<CommandDataByType[T]>;
};
