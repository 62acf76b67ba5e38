import { ACCESS_COMMANDS } from '../access/access';
import { ACCOMPANIMENT_COMMANDS } from '../accompaniment/accompaniment';
import { ACTIVITY_ACCOUNT_COMMANDS } from '../activity-account/activity-account';
import { CAE_COMMANDS } from '../cae/cae';
import { CLIENT_COMMANDS } from '../clients/clients';
import { CAPE_COMMANDS } from '../cape/cape';
import { CESA_COMMANDS } from '../cesa/cesa';
import { ENTREPRENEUR_COMMANDS } from '../entrepreneur/entrepreneur';
import { FORGETTING_COMMANDS } from '../forgetting/forgetting';
import { INVOICING_COMMANDS } from '../invoicing/invoicing';
import { LABEL_COMMANDS } from '../label/label';
import { MEMBERSHIP_COMMANDS } from '../membership/membership';
import type { Decided, DecisionContext, DecisionState } from './decision';
import type { AccessCommands } from '../access/commands';
import type { AccompanimentCommands } from '../accompaniment/commands';
import type { ActivityAccountCommands } from '../activity-account/commands';
import type { CaeCommands } from '../cae/commands';
import type { ClientCommands } from '../clients/commands';
import type { CapeCommands } from '../cape/commands';
import type { CesaCommands } from '../cesa/commands';
import type { EntrepreneurCommands } from '../entrepreneur/commands';
import type { ForgettingCommands } from '../forgetting/commands';
import type { InvoicingCommands } from '../invoicing/commands';
import type { LabelCommands } from '../label/commands';
import type { MembershipCommands } from '../membership/commands';
import type { CommandDefinition, CommandDefinitions, LoadPlan } from './define-command';
import { commandExamples } from '../validation/command-examples';

/** The data of every command type, each slice's gathered. */
export interface CommandDataByType
  extends CaeCommands,
    AccompanimentCommands,
    EntrepreneurCommands,
    CapeCommands,
    CesaCommands,
    ClientCommands,
    InvoicingCommands,
    ActivityAccountCommands,
    MembershipCommands,
    ForgettingCommands,
    AccessCommands,
    LabelCommands {}

/** Every command, as its slice declares it: schema, plan (streams read and written) and decision. */
export const COMMANDS: CommandDefinitions<CommandDataByType> = {
  ...CAE_COMMANDS,
  ...ACCOMPANIMENT_COMMANDS,
  ...ENTREPRENEUR_COMMANDS,
  ...CAPE_COMMANDS,
  ...CESA_COMMANDS,
  ...CLIENT_COMMANDS,
  ...INVOICING_COMMANDS,
  ...ACTIVITY_ACCOUNT_COMMANDS,
  ...MEMBERSHIP_COMMANDS,
  ...FORGETTING_COMMANDS,
  ...ACCESS_COMMANDS,
  ...LABEL_COMMANDS,
};

export type CommandType = keyof CommandDataByType;
export type Command = { [T in CommandType]: { type: T; data: CommandDataByType[T] } }[CommandType];

/** Every command type, in the order of a CAE's life that the example story tells (command-examples.ts, complete by its type). */
export const COMMAND_TYPES = Object.keys(commandExamples) as readonly CommandType[];

// The registry pairs each type with its own definition; TypeScript cannot follow the pairing through a lookup.
const definitionOf = (command: Command) => COMMANDS[command.type] as CommandDefinition<Command['data']>;

/** decide(command, state) → events | error: the whole domain contract, pure. */
export const decide = (command: Command, state: DecisionState, context: DecisionContext): Decided => definitionOf(command).decide(command.data, state, context);

/** Which streams a command reads and writes. */
export const planOf = (command: Command): LoadPlan => definitionOf(command).plan(command.data);
