import { Decimal, formatDecimal } from '../../../domain';
import { capitalChanges, isScop } from '../facts/capital';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { Rule } from '../rule';

const MAXIMUM = new Decimal('0.5');

/** In a SCOP, no associate holds more than half of the capital, on any day the capital changed. */
export const SCOP_NO_MAJORITY_HOLDER: Rule = {
  id: 'SCOP_NO_MAJORITY_HOLDER',
  title: { fr: 'SCOP : aucun associé ne détient plus de la moitié du capital', en: 'SCOP: no associate holds more than half of the capital' },
  source: 'Loi 78-763 du 19 juillet 1978, art. 25',
  domain: 'governance',
  level: 'mandatory',
  evaluate(history) {
    const days = capitalChanges(history).filter((c) => c.totalShares > 0);
    if (!isScop(history) || days.length === 0) return NOT_APPLICABLE;
    return judged(
      days.flatMap((c) =>
        c.holders
          .filter((h) => new Decimal(h.shares).dividedBy(c.totalShares).greaterThan(MAXIMUM))
          .map((h) =>
            finding(
              `capital on ${c.day}`,
              `L'associé ${h.associateId} détient ${h.shares} parts sur ${c.totalShares}, soit ${formatDecimal(new Decimal(h.shares).dividedBy(c.totalShares).times(100), 2)} % du capital : la moitié au plus.`,
              [...c.changes, h.admitted],
            ),
          ),
      ),
    );
  },
};
