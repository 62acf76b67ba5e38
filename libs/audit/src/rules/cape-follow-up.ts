import { addDays, daysBetween } from '../../../domain';
import { capeLastDay, capeLastEvent, staysOf } from '../facts/stays';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { AuditEvent, Finding, Rule } from '../rule';

/**
 * Nobody is left under an expired CAPE: by the day after its last day it is renewed, followed by a CESA or by the
 * exit (C. com. L127-1: a fixed-term contract). A CAPE still running on asOf is not judged yet.
 */
export const CAPE_FOLLOW_UP: Rule = {
  id: 'CAPE_FOLLOW_UP',
  title: { fr: 'Suite du CAPE : renouvellement, CESA ou sortie à son terme', en: 'CAPE follow-up: a renewal, a CESA or an exit when it ends' },
  source: 'C. com. L127-1',
  domain: 'legal',
  level: 'mandatory',
  evaluate(history) {
    const stays = staysOf(history).filter((s) => s.capeSigned !== undefined);
    if (stays.length === 0) return NOT_APPLICABLE;
    const findings: Finding[] = [];
    for (const stay of stays) {
      const subject = `entrepreneur ${stay.entrepreneurId}`;
      let previousEnd = stay.capeSigned!.data.endsOn;
      let previous: AuditEvent = stay.capeSigned!;
      for (const renewed of stay.renewals) {
        if (renewed.data.renewedOn > previousEnd)
          findings.push(finding(subject, `CAPE renouvelé le ${renewed.data.renewedOn}, après sa fin le ${previousEnd} : ${daysBetween(previousEnd, renewed.data.renewedOn) - 1} jour(s) sans contrat.`, [previous, renewed]));
        previousEnd = renewed.data.endsOn;
        previous = renewed;
      }
      const lastDay = capeLastDay(stay)!;
      const dayAfter = addDays(lastDay, 1);
      const cesa = stay.cesa;
      const exit = stay.exit;
      if ((cesa && cesa.data.signedOn <= dayAfter) || (exit && exit.data.exitedOn <= dayAfter) || lastDay >= history.asOf) continue;
      const followed = [cesa && { event: cesa, on: cesa.data.signedOn, what: 'CESA signé' }, exit && { event: exit, on: exit.data.exitedOn, what: 'sortie' }]
        .filter((f) => f !== undefined)
        .sort((a, b) => (a.on < b.on ? -1 : 1))[0];
      const opened = [stay.capeSigned, capeLastEvent(stay)];
      findings.push(
        followed
          ? finding(subject, `CAPE terminé le ${lastDay} ; ${followed.what} le ${followed.on} seulement : ${daysBetween(lastDay, followed.on) - 1} jour(s) sans contrat.`, [...opened, followed.event])
          : finding(subject, `CAPE terminé le ${lastDay}, sans renouvellement, CESA ni sortie au ${history.asOf}.`, opened),
      );
    }
    return judged(findings);
  },
};
