import { Decimal, formatDecimal } from '../../../domain';
import { capitalChanges, isScop } from '../facts/capital';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { Rule } from '../rule';

const MINIMUM = new Decimal('0.51');

/** In a SCOP, the employee associates hold at least 51% of the capital, on every day the capital changed. */
export const SCOP_EMPLOYEE_CAPITAL: Rule = {
  id: 'SCOP_EMPLOYEE_CAPITAL',
  title: { fr: 'SCOP : les associés salariés détiennent 51 % du capital au moins', en: 'SCOP: employee associates hold at least 51% of the capital' },
  source: 'Loi 78-763 du 19 juillet 1978, art. 5',
  domain: 'governance',
  level: 'mandatory',
  evaluate(history) {
    const days = capitalChanges(history).filter((c) => c.totalShares > 0);
    if (!isScop(history) || days.length === 0) return NOT_APPLICABLE;
    return judged(
      days.flatMap((c) => {
        const employeeShares = c.holders.filter((h) => h.employee).reduce((n, h) => n + h.shares, 0);
        const share = new Decimal(employeeShares).dividedBy(c.totalShares);
        return share.greaterThanOrEqualTo(MINIMUM)
          ? []
          : [finding(`capital on ${c.day}`, `Les associés salariés détiennent ${employeeShares} parts sur ${c.totalShares}, soit ${formatDecimal(share.times(100), 2)} % du capital : 51 % au moins.`, c.changes)];
      }),
    );
  },
};
