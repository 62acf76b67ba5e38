import { caeNotFound, decided, type Decided, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions, inTheCae } from '../command-handling/define-command';
import { refuse } from '../errors';
import { caeStream, NETWORK_SCOPE } from '../streams';
import type { Nothing } from '../validation/results';
import {
  recordCaeIdentityResult,
  recordCaeIdentitySchema,
  recordSubsidyResult,
  recordSubsidySchema,
  registerCaeResult,
  registerCaeSchema,
  type CaeCommands,
  type RecordCaeIdentity,
  type RecordSubsidy,
  type RegisterCae,
} from './commands';

/** The CAE itself: its registration, and the subsidies it receives. */

export const DEFAULT_PAYROLL_RATES = { employeeRate: '0.22', employerRate: '0.42' } as const;

export const registerCae = (c: RegisterCae, s: DecisionState): Decided<Nothing> => {
  if (c.caeId === NETWORK_SCOPE) return refuse('CAE_ID_RESERVED', `"${NETWORK_SCOPE}" names the network's own scope (its roles): choose another id for the CAE.`, { caeId: c.caeId });
  if (s.cae.registered) return refuse('CAE_ALREADY_REGISTERED', `CAE "${c.caeId}" is already registered.`, { caeId: c.caeId });
  return decided([
    {
      streamId: caeStream(c.caeId),
      event: {
        type: 'CaeRegistered',
        data: {
          caeId: c.caeId,
          name: c.name,
          legalForm: c.legalForm,
          region: c.region,
          contribution: c.contribution,
          shareNominalValue: c.shareNominalValue,
          payroll: c.payroll ?? DEFAULT_PAYROLL_RATES,
        },
      },
    },
  ]);
};

export const recordSubsidy = (c: RecordSubsidy, s: DecisionState): Decided<Nothing> =>
  s.cae.registered
    ? decided([
        {
          streamId: caeStream(c.caeId),
          event: { type: 'SubsidyRecorded', data: { caeId: c.caeId, receivedOn: c.receivedOn, funder: c.funder, amount: c.amount } },
        },
      ])
    : caeNotFound(c.caeId);

/** A new identity from a date on (a move, a new VAT number): the earlier one stays on the invoices issued before. */
export const recordCaeIdentity = (c: RecordCaeIdentity, s: DecisionState): Decided<Nothing> =>
  s.cae.registered ? decided([{ streamId: caeStream(c.caeId), event: { type: 'CaeIdentityRecorded', data: c } }]) : caeNotFound(c.caeId);

export const CAE_COMMANDS: CommandDefinitions<CaeCommands> = {
  RegisterCae: defineCommand(registerCaeSchema, { result: registerCaeResult, plan: inTheCae, decide: registerCae }),
  RecordSubsidy: defineCommand(recordSubsidySchema, { result: recordSubsidyResult, plan: inTheCae, decide: recordSubsidy }),
  RecordCaeIdentity: defineCommand(recordCaeIdentitySchema, { result: recordCaeIdentityResult, plan: inTheCae, decide: recordCaeIdentity }),
};
