/**
 * The commands, as they are once validated: each slice declares its own (schema and the type inferred from it);
 * the registry (command-handling/registry.ts) gathers them.
 */
import type { Command } from './command-handling/registry';

export type { IsoDate, YearMonth, DecimalString } from './values';
export * from './persons';
export * from './cae/commands';
export * from './accompaniment/commands';
export * from './entrepreneur/commands';
export * from './cape/commands';
export * from './cesa/commands';
export * from './clients/commands';
export * from './invoicing/commands';
export * from './activity-account/commands';
export * from './membership/commands';
export * from './forgetting/commands';
export * from './access/commands';
export * from './label/commands';
export * from './label/criteria';
export { COMMAND_TYPES, type Command, type CommandDataByType, type CommandType } from './command-handling/registry';

/** The envelope of docs/api.md: `{ type, commandId, data }`, plus optional tracing fields. */
export interface CommandEnvelope<C extends Command = Command> {
  commandId: string;
  command: C;
  actor?: string;
  correlationId?: string;
  causationId?: string;
}
