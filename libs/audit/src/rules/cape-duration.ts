import { CAPE_MAX_MONTHS, CAPE_MAX_RENEWALS, CAPE_MAX_TOTAL_MONTHS } from '../../../domain';
import { finding, judged, NOT_APPLICABLE } from '../result';
import type { Finding, Rule } from '../rule';
import { staysOf } from '../facts/stays';

/** Each CAPE lasts at most 12 months, is renewed at most twice, and lasts 36 months in all at most (C. com. L127-1). */
export const CAPE_DURATION: Rule = {
  id: 'CAPE_DURATION',
  title: { fr: 'Durée du CAPE : 12 mois, deux renouvellements, 36 mois en tout', en: 'CAPE duration: 12 months, two renewals, 36 months in all' },
  source: 'C. com. L127-1 et s., R127-1',
  domain: 'legal',
  level: 'mandatory',
  evaluate(history) {
    const stays = staysOf(history).filter((s) => s.capeSigned !== undefined);
    if (stays.length === 0) return NOT_APPLICABLE;
    const findings: Finding[] = [];
    for (const stay of stays) {
      const signed = stay.capeSigned!;
      const subject = `entrepreneur ${stay.entrepreneurId}`;
      if (signed.data.months > CAPE_MAX_MONTHS)
        findings.push(finding(subject, `CAPE signé le ${signed.data.signedOn} pour ${signed.data.months} mois : ${CAPE_MAX_MONTHS} mois au plus.`, [signed]));
      // Counted from the events themselves, not from the figures they carry.
      let months = signed.data.months;
      stay.renewals.forEach((renewed, i) => {
        months += renewed.data.months;
        if (renewed.data.months > CAPE_MAX_MONTHS)
          findings.push(finding(subject, `CAPE renouvelé le ${renewed.data.renewedOn} pour ${renewed.data.months} mois : ${CAPE_MAX_MONTHS} mois au plus.`, [signed, renewed]));
        if (i + 1 > CAPE_MAX_RENEWALS)
          findings.push(finding(subject, `${i + 1}e renouvellement du CAPE le ${renewed.data.renewedOn} : il n'est renouvelable que ${CAPE_MAX_RENEWALS} fois.`, [signed, renewed]));
        if (months > CAPE_MAX_TOTAL_MONTHS && months - renewed.data.months <= CAPE_MAX_TOTAL_MONTHS)
          findings.push(finding(subject, `Le renouvellement du ${renewed.data.renewedOn} porte le CAPE à ${months} mois : ${CAPE_MAX_TOTAL_MONTHS} mois en tout au plus.`, [signed, renewed]));
      });
    }
    return judged(findings);
  },
};
