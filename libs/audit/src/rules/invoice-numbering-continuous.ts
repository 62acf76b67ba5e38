import { formatDocumentNumber, yearOf } from '../../../domain';
import { eventsOf } from '../facts/events';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { AuditEventOf, Finding, Rule } from '../rule';

type Assigned = AuditEventOf<'InvoiceNumberAssigned'>;

const NUMBER = /^(\d{4})-(\d{6})$/;
const subjectOf = (a: Assigned): string => `${a.data.document === 'credit_note' ? 'credit note' : 'invoice'} ${a.data.number}`;

/**
 * The numbering register (InvoiceNumberAssigned, invoices and credit notes alike): one series per calendar year of
 * issue, numbered 1, 2, 3… with no gap and no duplicate, dates never going back; every document issued has its
 * number in the register.
 */
export const INVOICE_NUMBERING_CONTINUOUS: Rule = {
  id: 'INVOICE_NUMBERING_CONTINUOUS',
  title: { fr: 'Numérotation des factures continue et chronologique, une série par an', en: 'Continuous, chronological invoice numbering, one series a year' },
  source: 'CGI, ann. II, art. 242 nonies A',
  domain: 'accounting',
  level: 'mandatory',
  evaluate(history) {
    const assigned = eventsOf(history, 'InvoiceNumberAssigned');
    const documents = eventsOf(history, 'InvoiceIssued', 'CreditNoteIssued');
    if (assigned.length === 0 && documents.length === 0) return NOT_APPLICABLE;
    const findings: Finding[] = [];
    const series = new Map<number, Map<number, Assigned[]>>();
    for (const a of assigned) {
      const match = NUMBER.exec(a.data.number);
      if (!match) {
        findings.push(finding(subjectOf(a), `Numéro ${a.data.number} hors du format AAAA-NNNNNN.`, [a]));
        continue;
      }
      const year = Number(match[1]);
      const sequence = Number(match[2]);
      if (year !== yearOf(a.data.issuedOn)) findings.push(finding(subjectOf(a), `Numéro de la série ${year} pour un document du ${a.data.issuedOn} : une série par année d'émission.`, [a]));
      if (formatDocumentNumber(year, a.data.sequence) !== a.data.number) findings.push(finding(subjectOf(a), `Rang ${a.data.sequence} enregistré pour le numéro ${a.data.number}.`, [a]));
      const numbers = series.get(year) ?? new Map<number, Assigned[]>();
      numbers.set(sequence, [...(numbers.get(sequence) ?? []), a]);
      series.set(year, numbers);
    }
    for (const [year, numbers] of [...series].sort(([a], [b]) => a - b)) {
      const max = Math.max(...numbers.keys());
      let previous: Assigned | undefined;
      for (let sequence = 1; sequence <= max; sequence += 1) {
        const at = numbers.get(sequence);
        if (at === undefined) {
          let last = sequence;
          while (!numbers.has(last + 1)) last += 1;
          const range = last === sequence ? formatDocumentNumber(year, sequence) : `${formatDocumentNumber(year, sequence)} à ${formatDocumentNumber(year, last)}`;
          findings.push(finding(`invoice ${formatDocumentNumber(year, sequence)}`, `Numéro(s) ${range} manquant(s) dans la série ${year}.`, [previous, numbers.get(last + 1)?.[0]]));
          sequence = last;
          continue;
        }
        if (at.length > 1) findings.push(finding(subjectOf(at[0]!), `Numéro ${at[0]!.data.number} attribué ${at.length} fois.`, at));
        const current = at[0]!;
        if (previous && current.data.issuedOn < previous.data.issuedOn)
          findings.push(finding(subjectOf(current), `Daté du ${current.data.issuedOn}, avant le ${previous.data.issuedOn} du numéro précédent ${previous.data.number}.`, [previous, current]));
        previous = current;
      }
    }
    const registered = new Set(assigned.map((a) => a.data.number));
    for (const d of documents)
      if (!registered.has(d.data.number))
        findings.push(finding(`${d.type === 'CreditNoteIssued' ? 'credit note' : 'invoice'} ${d.data.number}`, `Document du ${d.data.issuedOn} absent du registre de numérotation.`, [d]));
    return judged(findings);
  },
};
