import { addDays, type IsoDate } from '../../../domain';
import { membershipSpans, movementsOf, type Movement } from '../facts/membership';
import { staysOf, type Stay } from '../facts/stays';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { AuditEvent, Finding, Rule } from '../rule';

/** The membership that made the entrepreneur of this stay an associate by `day`, if any (shares held at some point from the CESA to that day). */
export const associateBy = (movements: readonly Movement[], stay: Stay, day: IsoDate): { from: IsoDate; events: AuditEvent[] } | undefined =>
  membershipSpans(movements, stay.entrepreneurId).find((span) => span.from <= day && (span.until === undefined || span.until > stay.cesa!.data.signedOn));

/**
 * Every entrepreneur salarié becomes an associate by the deadline the CESA carries (CESA + 3 years − CAPE time), or
 * leaves: the CESA's last day is the deadline, so an exit dated the day after is in time, and a deadline is judged
 * from the day after it (a deadline on or after asOf cannot fail yet).
 */
export const ASSOCIATE_DEADLINE: Rule = {
  id: 'ASSOCIATE_DEADLINE',
  title: { fr: 'Sociétariat dans le délai : associé au plus tard trois ans après le CESA, moins le temps de CAPE', en: 'Associate deadline: an associate within three years of the CESA, less the CAPE time' },
  source: 'C. trav. L7331-3',
  domain: 'governance',
  level: 'mandatory',
  evaluate(history) {
    const stays = staysOf(history).filter((s) => s.cesa !== undefined);
    if (stays.length === 0) return NOT_APPLICABLE;
    const movements = movementsOf(history);
    const findings: Finding[] = [];
    for (const stay of stays) {
      const cesa = stay.cesa!;
      const deadline = cesa.data.associateDeadline;
      if (deadline >= history.asOf) continue;
      if (stay.exit && stay.exit.data.exitedOn <= addDays(deadline, 1)) continue;
      if (associateBy(movements, stay, deadline)) continue;
      const late = membershipSpans(movements, stay.entrepreneurId).find((span) => span.from > deadline);
      const subject = `entrepreneur ${stay.entrepreneurId}`;
      if (late) findings.push(finding(subject, `Associé le ${late.from} seulement, après l'échéance du ${deadline} (CESA du ${cesa.data.signedOn}).`, [cesa, late.events[0]]));
      else if (stay.exit) findings.push(finding(subject, `Sorti le ${stay.exit.data.exitedOn} sans être devenu associé, après l'échéance du ${deadline} (CESA du ${cesa.data.signedOn}).`, [cesa, stay.exit]));
      else findings.push(finding(subject, `Pas associé à l'échéance du ${deadline} (CESA du ${cesa.data.signedOn}), ni sorti, au ${history.asOf}.`, [cesa]));
    }
    return judged(findings);
  },
};
