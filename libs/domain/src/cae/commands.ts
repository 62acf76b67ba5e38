import { money, date, int, obj, oneOf, optional } from '../validation/schema';
import { id, name, rate, type Infer } from '../validation/fields';
import { NOTHING } from '../validation/results';

export const LEGAL_FORMS = ['SARL_SCOP', 'SA_SCOP', 'SAS_SCOP', 'SCIC'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const CONTRIBUTION_BASES = ['revenue', 'gross_margin'] as const;
export type ContributionBase = (typeof CONTRIBUTION_BASES)[number];

const contributionPolicy = obj({
  rate: rate(),
  base: oneOf(CONTRIBUTION_BASES),
  fixedMonthly: optional(money()),
  waivedMonths: optional(int({ min: 0, max: 120 })),
});
export type ContributionPolicy = Infer<typeof contributionPolicy>;

const payrollRates = obj({ employeeRate: rate(), employerRate: rate() });
export type PayrollRates = Infer<typeof payrollRates>;

export const registerCaeSchema = obj({
  caeId: id(),
  name: name(),
  legalForm: oneOf(LEGAL_FORMS),
  region: name(),
  contribution: contributionPolicy,
  shareNominalValue: money({ positive: true }),
  payroll: optional(payrollRates),
});
export type RegisterCae = Infer<typeof registerCaeSchema>;

export const recordSubsidySchema = obj({ caeId: id(), receivedOn: date(), funder: name(), amount: money({ positive: true }) });
export type RecordSubsidy = Infer<typeof recordSubsidySchema>;

/** What each command answers besides its events. */
export const registerCaeResult = NOTHING;
export const recordSubsidyResult = NOTHING;

/** The data of this slice's commands, by type. */
export interface CaeCommands {
  RegisterCae: RegisterCae;
  RecordSubsidy: RecordSubsidy;
}
