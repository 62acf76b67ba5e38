import { addDays, addMonths, type IsoDate } from '../../../domain';
import { isOfType } from '../facts/events';
import { staysOf } from '../facts/stays';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { AuditEvent, Finding, Rule } from '../rule';

const MINIMUM = 2;
const WINDOW_MONTHS = 12;

/**
 * At least two individual interviews (meetings of kind `individual`) in every rolling 12-month window of a stay,
 * from the integration to the exit or asOf. Only whole windows are judged. The fewest interviews a window holds is
 * found among those starting on the integration or the day after an interview: a window only gains interviews as
 * it slides on until it passes the next one.
 */
export const INTERVIEWS_TWICE_A_YEAR: Rule = {
  id: 'INTERVIEWS_TWICE_A_YEAR',
  title: { fr: 'Deux entretiens individuels au moins sur toute période de douze mois', en: 'At least two individual interviews in every twelve months' },
  source: 'C. trav. R7331-3 (décret 2015-1363)',
  domain: 'accompaniment',
  level: 'mandatory',
  evaluate(history) {
    const stays = staysOf(history);
    if (stays.length === 0) return NOT_APPLICABLE;
    const findings: Finding[] = [];
    for (const stay of stays) {
      const start = stay.integrated.data.integratedOn;
      const end: IsoDate = stay.exit?.data.exitedOn ?? addDays(history.asOf, 1);
      const interviews = stay.events
        .filter((e) => isOfType(e, 'MeetingRecorded') && e.data.kind === 'individual' && e.data.heldOn >= start && e.data.heldOn < end)
        .sort((a, b) => (heldOn(a) < heldOn(b) ? -1 : heldOn(a) > heldOn(b) ? 1 : a.position - b.position));
      const candidates = [start, ...interviews.map((i) => addDays(heldOn(i), 1))].filter((s, i, all) => s >= start && all.indexOf(s) === i).sort();
      let judgedUntil: IsoDate = start;
      for (const from of candidates) {
        const until = addMonths(from, WINDOW_MONTHS);
        if (until > end) break;
        if (from < judgedUntil) continue;
        const within = interviews.filter((i) => heldOn(i) >= from && heldOn(i) < until);
        if (within.length >= MINIMUM) continue;
        const before = interviews.filter((i) => heldOn(i) < from).at(-1) ?? stay.integrated;
        findings.push(
          finding(
            `entrepreneur ${stay.entrepreneurId}`,
            `${within.length} entretien(s) individuel(s) du ${from} au ${addDays(until, -1)} : ${MINIMUM} au moins sur ${WINDOW_MONTHS} mois d'accompagnement.`,
            [before, ...within],
          ),
        );
        judgedUntil = until;
      }
    }
    return judged(findings);
  },
};

const heldOn = (e: AuditEvent): IsoDate => (e.type === 'MeetingRecorded' ? e.data.heldOn : e.occurredOn);
