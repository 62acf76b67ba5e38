import { entrepreneurPerson } from '../persons';
import { bool, date, obj, oneOf } from '../validation/schema';
import { id, longText, name, type Infer } from '../validation/fields';
import { choice, commandResult, count, listOf, type ResultOf } from '../validation/results';

/** The contracts an entrepreneur works under: a CAPE (C. com. L127-1) or a CESA (C. trav. L7331-2). */
export const CONTRACTS = ['cape', 'cesa'] as const;
export type Contract = (typeof CONTRACTS)[number];

export const SITUATIONS_AT_ENTRY = ['unemployed', 'employed', 'minimum_income', 'student', 'other'] as const;
export type SituationAtEntry = (typeof SITUATIONS_AT_ENTRY)[number];

export const EXIT_REASONS = [
  'company_creation',
  'salaried_job',
  'training',
  'other_project',
  'abandonment',
  'cape_ended',
  'associate_deadline_missed',
  'other',
] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

export const integrateEntrepreneurSchema = obj({
  caeId: id(),
  entrepreneurId: id(),
  integratedOn: date(),
  person: entrepreneurPerson,
  activity: obj({ description: longText(), sector: name() }),
  situationAtEntry: oneOf(SITUATIONS_AT_ENTRY),
  parallelActivity: bool(),
});
export type IntegrateEntrepreneur = Infer<typeof integrateEntrepreneurSchema>;

export const integrateEntrepreneurResult = commandResult({ integration: count('1 for a first integration, 2… for a return after an exit', { min: 1 }) }, { integration: 1 });
export type IntegrateEntrepreneurResult = ResultOf<typeof integrateEntrepreneurResult>;

export const exitEntrepreneurSchema = obj({ caeId: id(), entrepreneurId: id(), exitedOn: date(), reason: oneOf(EXIT_REASONS) });
export type ExitEntrepreneur = Infer<typeof exitEntrepreneurSchema>;

export const exitEntrepreneurResult = commandResult({ endedContracts: listOf(choice(CONTRACTS), 'the contracts the exit ended') }, { endedContracts: ['cesa'] });
export type ExitEntrepreneurResult = ResultOf<typeof exitEntrepreneurResult>;

/** The data of this slice's commands, by type. */
export interface EntrepreneurCommands {
  IntegrateEntrepreneur: IntegrateEntrepreneur;
  ExitEntrepreneur: ExitEntrepreneur;
}
