import { entrepreneurPerson } from '../persons';
import { bool, date, obj, oneOf } from '../validation/schema';
import { id, longText, name, type Infer } from '../validation/fields';

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

export const exitEntrepreneurSchema = obj({ caeId: id(), entrepreneurId: id(), exitedOn: date(), reason: oneOf(EXIT_REASONS) });
export type ExitEntrepreneur = Infer<typeof exitEntrepreneurSchema>;

/** The data of this slice's commands, by type. */
export interface EntrepreneurCommands {
  IntegrateEntrepreneur: IntegrateEntrepreneur;
  ExitEntrepreneur: ExitEntrepreneur;
}
