import { Decimal, formatDecimal, money } from '../../../domain';
import { smicOn } from '../../../domain/src/activity-account/smic';
import { eventsOf } from '../facts/events';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { Finding, Rule } from '../rule';

/**
 * Gross ÷ hours paid is at least the hourly SMIC in force on the period (the SMIC changes on a month's first day,
 * so that day's value holds for the whole month). Compared as gross ≥ SMIC × hours, exactly; a salary with no
 * hours, or before the table (2010), has no hourly rate to judge.
 */
export const SALARY_AT_LEAST_SMIC: Rule = {
  id: 'SALARY_AT_LEAST_SMIC',
  title: { fr: 'Salaire horaire brut au moins égal au SMIC', en: 'Gross hourly pay at least the minimum wage (SMIC)' },
  source: 'C. trav. L3231-2 ; décrets annuels portant relèvement du SMIC',
  domain: 'human_resources',
  level: 'mandatory',
  evaluate(history) {
    const salaries = eventsOf(history, 'SalaryPaid');
    if (salaries.length === 0) return NOT_APPLICABLE;
    const findings: Finding[] = [];
    for (const salary of salaries) {
      const { entrepreneurId, period, gross, hours } = salary.data;
      const smic = smicOn(`${period}-01`);
      const paidHours = money(hours);
      if (smic === undefined || paidHours.isZero()) continue;
      if (money(gross).greaterThanOrEqualTo(paidHours.times(smic.hourly))) continue;
      const hourly = new Decimal(gross).dividedBy(paidHours);
      findings.push(
        finding(
          `salary ${entrepreneurId} ${period}`,
          `Salaire de ${period} : ${gross} € bruts pour ${hours} h, soit ${formatDecimal(hourly, 4)} €/h, sous le SMIC de ${smic.hourly} €/h en vigueur depuis le ${smic.from}.`,
          [salary],
        ),
      );
    }
    return judged(findings);
  },
};
