import { money, date, int, obj, oneOf, optional, ruledString } from '../validation/schema';
import { id, name, rate, type Infer } from '../validation/fields';
import { siren, siret, vatNumber } from '../validation/french-identifiers';
import { postalAddress } from '../postal-address';
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

// An IBAN's check digits: the country and digits moved to the end, letters as 10–35, the whole mod 97 is 1.
const ibanProblem = (s: string): string | undefined => {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(s)) return 'must be an IBAN without spaces (e.g. "FR7630006000011234567890189")';
  const digits = [...(s.slice(4) + s.slice(0, 4))].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
  return [...digits].reduce((rest, d) => (rest * 10 + Number(d)) % 97, 0) === 1 ? undefined : 'is not an IBAN: its check digits are wrong';
};

/**
 * Who the CAE is on its invoices (C. com. R123-237, CGI ann. II art. 242 nonies A): its legal name, SIREN and head
 * office SIRET, the RCS city, VAT number, address and the account its clients pay; in force from effectiveOn.
 */
export const recordCaeIdentitySchema = obj(
  {
    caeId: id(),
    effectiveOn: date(),
    legalName: name(),
    siren: siren(),
    siret: siret(),
    rcsCity: name(),
    vatNumber: vatNumber(),
    address: postalAddress(),
    shareCapital: optional(money({ positive: true })),
    iban: optional(ruledString(34, ibanProblem, { description: 'an IBAN without spaces' })),
    bic: optional(ruledString(11, (s) => (/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(s) ? undefined : 'must be a BIC: 8 or 11 letters and digits'), {})),
    email: optional(name()),
  },
  // One company: the SIRET is one of the SIREN's establishments, a French VAT number ends with the SIREN.
  ({ siren, siret, vatNumber }, _raw, report) => {
    if (siren !== undefined && siret !== undefined && !siret.startsWith(siren)) report('siret', `must begin with the SIREN ${siren}`);
    if (siren !== undefined && vatNumber?.startsWith('FR') && !vatNumber.endsWith(siren)) report('vatNumber', `must end with the SIREN ${siren}`);
  },
);
export type RecordCaeIdentity = Infer<typeof recordCaeIdentitySchema>;

/** What each command answers besides its events. */
export const registerCaeResult = NOTHING;
export const recordSubsidyResult = NOTHING;
export const recordCaeIdentityResult = NOTHING;

/** The data of this slice's commands, by type. */
export interface CaeCommands {
  RegisterCae: RegisterCae;
  RecordSubsidy: RecordSubsidy;
  RecordCaeIdentity: RecordCaeIdentity;
}
