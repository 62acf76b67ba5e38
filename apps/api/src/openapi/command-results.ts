import { COMMAND_TYPES, COMMANDS, type CommandType } from '../../../../libs/domain';
import type { JsonSchema } from './json';

/**
 * What each accepted command answers as `result` besides its events, as its slice declares it next to its data
 * schema (libs/domain/src/<slice>/commands.ts, `<type>Result`): the very description that types its decider's
 * `decided(events, result)`. docs/api.md § The commands says what each field means.
 */

export const resultSchemaName = (type: CommandType): string => `${type}Result`;

/** Every command type's result schema, read from the registry. */
export const commandResults = Object.fromEntries(COMMAND_TYPES.map((type) => [type, COMMANDS[type].result.json])) as { readonly [T in CommandType]: JsonSchema };
