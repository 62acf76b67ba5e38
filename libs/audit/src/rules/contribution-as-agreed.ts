import { CONTRIBUTION_BASES, Decimal, type ContributionPolicy } from '../../../domain';
import { eventsOf } from '../facts/events';
import { stayOf, staysOf } from '../facts/stays';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { AuditEventOf, Finding, Rule } from '../rule';

const decimalIn = (value: unknown, min: string, max?: string): boolean => {
  if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value)) return false;
  const d = new Decimal(value);
  return d.greaterThanOrEqualTo(min) && (max === undefined || d.lessThanOrEqualTo(max));
};

/** What is wrong with a policy as recorded, in French; none when it can be applied as it stands. */
const policyFaults = (policy: ContributionPolicy): string[] => [
  ...(decimalIn(policy.rate, '0', '1') ? [] : [`taux ${String(policy.rate)} hors de 0 à 1`]),
  ...((CONTRIBUTION_BASES as readonly string[]).includes(policy.base) ? [] : [`assiette ${String(policy.base)} inconnue`]),
  ...(policy.fixedMonthly === undefined || decimalIn(policy.fixedMonthly, '0') ? [] : [`forfait mensuel ${String(policy.fixedMonthly)} invalide`]),
  ...(policy.waivedMonths === undefined || (Number.isInteger(policy.waivedMonths) && policy.waivedMonths >= 0 && policy.waivedMonths <= 120) ? [] : [`mois exonérés ${String(policy.waivedMonths)} invalides`]),
];

/**
 * The contribution on each invoice is the CAE's policy in force on its date. The log carries no contribution per
 * invoice: every figure is derived from the policy recorded at registration (libs/domain contribution.ts), so
 * nothing recorded could differ from it. What can be checked is checked: a policy is recorded before every invoice,
 * it can be applied as recorded (rate 0–1, a known base, a fixed monthly amount ≥ 0, 0–120 waived months), and the
 * invoicing entrepreneur's integration, from which the waived months run, is recorded before the invoice.
 */
export const CONTRIBUTION_AS_AGREED: Rule = {
  id: 'CONTRIBUTION_AS_AGREED',
  title: { fr: 'Contribution conforme à la politique de la CAE en vigueur', en: 'Contribution as agreed: the CAE’s policy in force' },
  source: 'C. trav. L7331-2 ; C. com. L127-2',
  domain: 'accounting',
  level: 'mandatory',
  evaluate(history) {
    const invoices = eventsOf(history, 'InvoiceIssued');
    if (invoices.length === 0) return NOT_APPLICABLE;
    const registrations = eventsOf(history, 'CaeRegistered');
    const stays = staysOf(history);
    const findings: Finding[] = [];
    const faulty = new Set<AuditEventOf<'CaeRegistered'>>();
    for (const invoice of invoices) {
      const subject = `invoice ${invoice.data.number}`;
      const policy = registrations.filter((r) => r.position < invoice.position).at(-1);
      if (policy === undefined) findings.push(finding(subject, `Facture du ${invoice.data.issuedOn} sans politique de contribution enregistrée avant elle.`, [invoice]));
      else if (policyFaults(policy.data.contribution).length > 0) faulty.add(policy);
      if (stayOf(stays, invoice.data.entrepreneurId, invoice.position) === undefined)
        findings.push(finding(subject, `Facture du ${invoice.data.issuedOn} d'un entrepreneur (${invoice.data.entrepreneurId}) sans intégration enregistrée : ses mois exonérés ne peuvent être comptés.`, [invoice]));
    }
    for (const policy of faulty)
      findings.push(finding('contribution policy', `Politique de contribution inapplicable telle qu'enregistrée : ${policyFaults(policy.data.contribution).join(', ')}.`, [policy]));
    return judged(findings);
  },
};
