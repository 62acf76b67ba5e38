import { EXIT_REASONS, POSITIVE_EXIT_REASONS, type ExitReason } from '../../../domain';
import { eventsOf } from '../facts/events';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { Finding, Rule } from '../rule';

/**
 * Every exit carries one of the known reasons, and is counted positive exactly when it is a company creation or a
 * salaried job: the network's statistics and the label's exit indicators rest on it (an imported log may lack it).
 */
export const EXIT_REASON_RECORDED: Rule = {
  id: 'EXIT_REASON_RECORDED',
  title: { fr: 'Motif de sortie enregistré pour chaque sortie', en: 'An exit reason recorded for every exit' },
  source: 'pratique du label',
  domain: 'accompaniment',
  level: 'recommended',
  evaluate(history) {
    const exits = eventsOf(history, 'EntrepreneurExited');
    if (exits.length === 0) return NOT_APPLICABLE;
    const findings: Finding[] = [];
    for (const exit of exits) {
      const { entrepreneurId, exitedOn, reason, positive } = exit.data;
      const subject = `entrepreneur ${entrepreneurId}`;
      if (!(EXIT_REASONS as readonly unknown[]).includes(reason)) findings.push(finding(subject, `Sortie du ${exitedOn} sans motif reconnu (${JSON.stringify(reason ?? null)}).`, [exit]));
      else if (positive !== POSITIVE_EXIT_REASONS.includes(reason as ExitReason))
        findings.push(finding(subject, `Sortie du ${exitedOn} (${reason}) comptée ${positive ? 'positive' : 'non positive'} à tort.`, [exit]));
    }
    return judged(findings);
  },
};
