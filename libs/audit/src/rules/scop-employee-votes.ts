import { Decimal, formatDecimal } from '../../../domain';
import { capitalChanges, isScop } from '../facts/capital';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { Rule } from '../rule';

const MINIMUM = new Decimal('0.65');

/**
 * In a SCOP, the employee associates hold at least 65% of the votes, on every day the capital changed. One
 * associate, one vote: the log records no other weighting.
 */
export const SCOP_EMPLOYEE_VOTES: Rule = {
  id: 'SCOP_EMPLOYEE_VOTES',
  title: { fr: 'SCOP : les associés salariés détiennent 65 % des droits de vote au moins', en: 'SCOP: employee associates hold at least 65% of the votes' },
  source: 'Loi 78-763 du 19 juillet 1978, art. 5',
  domain: 'governance',
  level: 'mandatory',
  evaluate(history) {
    const days = capitalChanges(history).filter((c) => c.holders.length > 0);
    if (!isScop(history) || days.length === 0) return NOT_APPLICABLE;
    return judged(
      days.flatMap((c) => {
        const employees = c.holders.filter((h) => h.employee).length;
        const share = new Decimal(employees).dividedBy(c.holders.length);
        return share.greaterThanOrEqualTo(MINIMUM)
          ? []
          : [finding(`capital on ${c.day}`, `${employees} associé(s) salarié(s) sur ${c.holders.length}, soit ${formatDecimal(share.times(100), 2)} % des voix : 65 % au moins.`, c.changes)];
      }),
    );
  },
};
