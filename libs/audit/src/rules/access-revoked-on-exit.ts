import { eventsOf } from '../facts/events';
import { presentOn, staysOf, type Stay } from '../facts/stays';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { Finding, Rule } from '../rule';

/**
 * No entrepreneur's access is in force after their exit. An entrepreneur's grant ends with the stay it was given
 * in, so what the log can show against it is a grant given while the entrepreneur was not present, or a
 * revocation dated after the exit (the grant was held as still in force).
 */
export const ACCESS_REVOKED_ON_EXIT: Rule = {
  id: 'ACCESS_REVOKED_ON_EXIT',
  title: { fr: 'Accès d’un entrepreneur clos à sa sortie', en: 'An entrepreneur’s access ends with their exit' },
  // Recommended: access control is a duty of means (RGPD art. 32); ending it on the exit is the label's practice.
  source: 'RGPD art. 32 ; pratique du label',
  domain: 'integrity',
  level: 'recommended',
  evaluate(history) {
    const grants = eventsOf(history, 'AccessGranted').filter((g) => g.data.role === 'entrepreneur');
    if (grants.length === 0) return NOT_APPLICABLE;
    const stays = staysOf(history);
    const revocations = eventsOf(history, 'AccessRevoked').filter((r) => r.data.role === 'entrepreneur');
    const stayOn = (entrepreneurId: string, day: string): Stay | undefined => stays.find((s) => s.entrepreneurId === entrepreneurId && presentOn(s, day));
    const findings: Finding[] = [];
    for (const grant of grants) {
      const { accountId, entrepreneurId, grantedOn } = grant.data;
      const subject = `account ${accountId}`;
      const stay = stayOn(entrepreneurId!, grantedOn);
      if (stay === undefined) {
        const left = stays.filter((s) => s.entrepreneurId === entrepreneurId && s.exit && s.exit.data.exitedOn <= grantedOn).at(-1)?.exit;
        findings.push(finding(subject, `Accès à ${entrepreneurId} accordé le ${grantedOn}, alors que ${entrepreneurId} n'est pas présent(e) dans la CAE.`, [left, grant]));
        continue;
      }
      const exit = stay.exit;
      const revoked = revocations.find((r) => r.data.accountId === accountId && r.data.entrepreneurId === entrepreneurId && r.position > grant.position);
      if (exit && revoked && revoked.data.revokedOn > exit.data.exitedOn)
        findings.push(finding(subject, `Accès à ${entrepreneurId} révoqué le ${revoked.data.revokedOn} seulement, après la sortie du ${exit.data.exitedOn}.`, [grant, exit, revoked]));
    }
    return judged(findings);
  },
};
