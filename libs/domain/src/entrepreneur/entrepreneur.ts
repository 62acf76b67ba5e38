import { alreadyForgotten, caeNotFound, decided, type Decided, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions, ofTheEntrepreneur } from '../command-handling/define-command';
import { forgottenOn } from '../cae/state';
import { addDays } from '../dates';
import { refuse } from '../errors';
import {
  exitEntrepreneurResult,
  exitEntrepreneurSchema,
  integrateEntrepreneurResult,
  integrateEntrepreneurSchema,
  type Contract,
  type EntrepreneurCommands,
  type ExitEntrepreneur,
  type ExitEntrepreneurResult,
  type ExitReason,
  type IntegrateEntrepreneur,
  type IntegrateEntrepreneurResult,
} from './commands';
import { emit, isRefusal, known, type Refusal } from './presence';
import type { EntrepreneurState } from './state';

/** Integration and exit: an entrepreneur's presence in the CAE, across returns. */

export const POSITIVE_EXIT_REASONS: readonly ExitReason[] = ['company_creation', 'salaried_job'];

/** returnAfterExit: a person is integrated once per stay; a return comes after an exit, dated on or after it. */
const returnAfterExit = (entrepreneur: EntrepreneurState | undefined, c: IntegrateEntrepreneur): Refusal | undefined => {
  if (entrepreneur && entrepreneur.integration > 0 && entrepreneur.exitedOn === undefined)
    return refuse('ENTREPRENEUR_ALREADY_INTEGRATED', `${c.entrepreneurId} is already integrated (since ${entrepreneur.integratedOn}); a return needs an exit first.`, {
      integratedOn: entrepreneur.integratedOn,
    });
  if (entrepreneur?.exitedOn !== undefined && c.integratedOn < entrepreneur.exitedOn)
    return refuse('DATE_OUT_OF_ORDER', `A return must come after the exit on ${entrepreneur.exitedOn}.`, { exitedOn: entrepreneur.exitedOn });
  return undefined;
};

export const integrateEntrepreneur = (c: IntegrateEntrepreneur, s: DecisionState): Decided<IntegrateEntrepreneurResult> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const forgotten = forgottenOn(s.cae, 'entrepreneur', c.entrepreneurId);
  if (forgotten !== undefined) return alreadyForgotten('entrepreneur', c.entrepreneurId, forgotten);
  const entrepreneur = s.entrepreneur;
  const again = returnAfterExit(entrepreneur, c);
  if (again) return again;
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'EntrepreneurIntegrated',
        data: {
          caeId: c.caeId,
          entrepreneurId: c.entrepreneurId,
          integratedOn: c.integratedOn,
          integration: (entrepreneur?.integration ?? 0) + 1,
          activity: c.activity,
          profile: { ...c.person, situationAtEntry: c.situationAtEntry, parallelActivity: c.parallelActivity },
        },
      }),
    ],
    { integration: (entrepreneur?.integration ?? 0) + 1 },
  );
};

export const exitEntrepreneur = (c: ExitEntrepreneur, s: DecisionState): Decided<ExitEntrepreneurResult> => {
  const entrepreneur = known(c, s);
  if (isRefusal(entrepreneur)) return entrepreneur;
  if (entrepreneur.exitedOn !== undefined) return refuse('ENTREPRENEUR_NOT_ACTIVE', `${c.entrepreneurId} already left the CAE on ${entrepreneur.exitedOn}.`, { exitedOn: entrepreneur.exitedOn });
  const lastFact = [entrepreneur.integratedOn!, entrepreneur.cape?.lastSignedOn, entrepreneur.cesa?.signedOn].filter((d): d is string => d !== undefined).sort().at(-1)!;
  if (c.exitedOn < lastFact)
    return refuse('DATE_OUT_OF_ORDER', `The exit cannot predate the last integration or contract signature (${lastFact}).`, { lastFact });
  // Present until the day before the exit: an invoice, expense or meeting dated on or after it would be orphaned.
  if (entrepreneur.lastActivityOn !== undefined && c.exitedOn <= entrepreneur.lastActivityOn)
    return refuse('DATE_OUT_OF_ORDER', `${c.entrepreneurId} has activity recorded on ${entrepreneur.lastActivityOn}; the exit must come after it.`, {
      lastActivityOn: entrepreneur.lastActivityOn,
    });
  // The day before the exit is the last day of presence: every contract in force then ends.
  const lastDay = addDays(c.exitedOn, -1);
  const endedContracts: Contract[] = [];
  if (entrepreneur.cape && !entrepreneur.cesa && entrepreneur.cape.endsOn >= lastDay) endedContracts.push('cape');
  if (entrepreneur.cesa) endedContracts.push('cesa');
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'EntrepreneurExited',
        data: {
          caeId: c.caeId,
          entrepreneurId: c.entrepreneurId,
          exitedOn: c.exitedOn,
          reason: c.reason,
          positive: POSITIVE_EXIT_REASONS.includes(c.reason),
          endedContracts,
        },
      }),
    ],
    { endedContracts },
  );
};

export const ENTREPRENEUR_COMMANDS: CommandDefinitions<EntrepreneurCommands> = {
  IntegrateEntrepreneur: defineCommand(integrateEntrepreneurSchema, { result: integrateEntrepreneurResult, plan: ofTheEntrepreneur, decide: integrateEntrepreneur }),
  ExitEntrepreneur: defineCommand(exitEntrepreneurSchema, { result: exitEntrepreneurResult, plan: ofTheEntrepreneur, decide: exitEntrepreneur }),
};
