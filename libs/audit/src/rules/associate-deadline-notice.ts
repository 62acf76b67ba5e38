import { addMonths, DEADLINE_NOTICES, maxDate, NOTICE_MONTHS_BEFORE } from '../../../domain';
import { isOfType } from '../facts/events';
import { movementsOf } from '../facts/membership';
import { presentOn, staysOf } from '../facts/stays';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { Finding, Rule } from '../rule';
import { associateBy } from './associate-deadline';

const NOTICE_FR = { six_months: 'des six mois', three_months: 'des trois mois' } as const;

/**
 * An entrepreneur salarié not yet an associate is told of the deadline 6 months and again 3 months before it
 * (RecordAssociateDeadlineNotice). Each notice is due by its day (or on the CESA, when the CAPE time left less);
 * it is not owed to someone who is an associate, or gone, by then.
 */
export const ASSOCIATE_DEADLINE_NOTICE: Rule = {
  id: 'ASSOCIATE_DEADLINE_NOTICE',
  title: { fr: 'Information sur l’échéance du sociétariat, six puis trois mois avant', en: 'Associate deadline notices, six then three months before' },
  source: 'C. trav. R7331-10',
  domain: 'human_resources',
  level: 'mandatory',
  evaluate(history) {
    const stays = staysOf(history).filter((s) => s.cesa !== undefined);
    if (stays.length === 0) return NOT_APPLICABLE;
    const movements = movementsOf(history);
    const findings: Finding[] = [];
    for (const stay of stays) {
      const cesa = stay.cesa!;
      const deadline = cesa.data.associateDeadline;
      const notices = stay.events.filter((e) => isOfType(e, 'AssociateDeadlineNoticeRecorded'));
      for (const kind of DEADLINE_NOTICES) {
        const dueBy = maxDate(addMonths(deadline, -NOTICE_MONTHS_BEFORE[kind]), cesa.data.signedOn);
        if (dueBy > history.asOf || !presentOn(stay, dueBy) || associateBy(movements, stay, dueBy)) continue;
        const given = notices.filter((n) => n.data.notice === kind);
        if (given.some((n) => n.data.notifiedOn <= dueBy)) continue;
        const subject = `entrepreneur ${stay.entrepreneurId}`;
        const late = given[0];
        findings.push(
          late
            ? finding(subject, `Avis ${NOTICE_FR[kind]} donné le ${late.data.notifiedOn}, après le ${dueBy} (échéance du ${deadline}).`, [cesa, late])
            : finding(subject, `Avis ${NOTICE_FR[kind]} jamais donné : dû le ${dueBy} au plus tard (échéance du ${deadline}).`, [cesa]),
        );
      }
    }
    return judged(findings);
  },
};
