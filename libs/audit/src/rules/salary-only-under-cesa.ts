import { lastDayOfMonth } from '../../../domain';
import { eventsOf } from '../facts/events';
import { stayOf, staysOf, underCapeOn } from '../facts/stays';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { Finding, Rule } from '../rule';

/**
 * A salary is paid only to an entrepreneur salarié, for a month their CESA covers (signed by the month's last day,
 * the exit not before its first day), never under a CAPE, whose holder is not an employee.
 */
export const SALARY_ONLY_UNDER_CESA: Rule = {
  id: 'SALARY_ONLY_UNDER_CESA',
  title: { fr: 'Salaire versé seulement sous CESA, jamais sous CAPE', en: 'Salaries paid only under a CESA, never under a CAPE' },
  source: 'C. trav. L7331-2 ; C. com. L127-1',
  domain: 'human_resources',
  level: 'mandatory',
  evaluate(history) {
    const salaries = eventsOf(history, 'SalaryPaid');
    if (salaries.length === 0) return NOT_APPLICABLE;
    const stays = staysOf(history);
    const findings: Finding[] = [];
    for (const salary of salaries) {
      const { entrepreneurId, period } = salary.data;
      const first = `${period}-01`;
      const last = lastDayOfMonth(period);
      const stay = stayOf(stays, entrepreneurId, salary.position);
      const subject = `salary ${entrepreneurId} ${period}`;
      if (stay === undefined) {
        findings.push(finding(subject, `Salaire de ${period} versé à ${entrepreneurId}, jamais intégré(e) avant ce versement.`, [salary]));
        continue;
      }
      const cesa = stay.cesa;
      if (cesa && cesa.data.signedOn <= last && (stay.exit === undefined || first < stay.exit.data.exitedOn)) continue;
      const underCape = [first, last].some((d) => underCapeOn(stay, d));
      findings.push(
        underCape
          ? finding(subject, `Salaire de ${period} versé sous CAPE : le titulaire d'un CAPE n'est pas salarié.`, [stay.capeSigned, salary])
          : finding(subject, `Salaire de ${period} versé sans CESA couvrant la période.`, [cesa ?? stay.integrated, salary]),
      );
    }
    return judged(findings);
  },
};
