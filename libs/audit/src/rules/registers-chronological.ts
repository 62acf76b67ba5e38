import { movementDate, movementsOf, type Movement } from '../facts/membership';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { Finding, Rule } from '../rule';

/**
 * The register of associates and of share movements is kept in date order: each entry is recorded after every
 * entry dated later has been (log order against business date). The domain keeps that order within one
 * associate's stream; across associates only the audit sees it.
 */
export const REGISTERS_CHRONOLOGICAL: Rule = {
  id: 'REGISTERS_CHRONOLOGICAL',
  title: { fr: 'Registres des associés et des mouvements de parts tenus dans l’ordre chronologique', en: 'Registers of associates and share movements kept in date order' },
  // Mandatory: a legal register of the cooperative, kept chronologically and never rewritten.
  source: 'C. com. L231-1 et s. (capital variable) ; statuts de la SCOP',
  domain: 'governance',
  level: 'mandatory',
  evaluate(history) {
    const movements = movementsOf(history);
    if (movements.length === 0) return NOT_APPLICABLE;
    const findings: Finding[] = [];
    let latest: Movement | undefined;
    for (const m of movements) {
      if (latest && movementDate(m) < movementDate(latest))
        findings.push(
          finding(`associate ${m.data.associateId}`, `Mouvement du ${movementDate(m)} inscrit après celui du ${movementDate(latest)} (${latest.data.associateId}) : le registre n'est plus chronologique.`, [latest, m]),
        );
      if (!latest || movementDate(m) >= movementDate(latest)) latest = m;
    }
    return judged(findings);
  },
};
