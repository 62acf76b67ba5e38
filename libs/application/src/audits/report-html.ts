import { createHash } from 'node:crypto';
import type { AuditReport } from './audit-report';

/** The printable report, in French: what an auditor files or hands to the CAE. Everything from the report is escaped. */

const escape = (text: string | number): string => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const OUTCOMES = { pass: 'Conforme', fail: 'Non conforme', not_applicable: 'Sans objet', declared: 'Déclaré par la CAE' } as const;
const LEVELS = { mandatory: 'obligatoire', recommended: 'recommandé' } as const;
const DOMAINS = { legal: 'juridique', accounting: 'comptable', human_resources: 'ressources humaines', accompaniment: 'accompagnement', governance: 'gouvernance', integrity: 'intégrité du journal' } as const;

/** The key's fingerprint as people compare it: SHA-256 of the public key, its first 16 bytes in hex pairs. */
export const keyFingerprint = (publicKey: string): string =>
  createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 32).replace(/(..)(?=.)/g, '$1:');

export const reportHtml = (report: AuditReport): string => {
  const { score, chainHead } = report;
  const signature = chainHead.signature === undefined ? 'non signée' : `signée Ed25519, clé ${escape(keyFingerprint(chainHead.signature.publicKey))}`;
  const rules = report.rules
    .map((rule) => {
      const findings = rule.findings
        .map(
          (finding) =>
            `<li><strong>${escape(finding.subject)}</strong> — ${escape(finding.message)}` +
            (finding.evidence.length === 0 ? '' : `<br><span class="evidence">Preuves : ${finding.evidence.map((e) => `n° ${escape(e.position)} du ${escape(e.occurredOn)} (${escape(e.hash.slice(0, 12))}…)`).join(', ')}</span>`) +
            '</li>',
        )
        .join('');
      return (
        `<section class="rule ${escape(rule.outcome)}"><h3>${escape(rule.title.fr)} <span class="outcome">${escape(OUTCOMES[rule.outcome])}</span></h3>` +
        `<p class="meta"><code>${escape(rule.id)}</code> · ${escape(LEVELS[rule.level])} · ${escape(DOMAINS[rule.domain])} · ${escape(rule.source)} · <em lang="en">${escape(rule.title.en)}</em></p>` +
        (findings === '' ? '' : `<ul>${findings}</ul>`) +
        '</section>'
      );
    })
    .join('\n');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Audit du label — ${escape(report.caeId)} au ${escape(report.asOf)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.6rem; } h3 { font-size: 1.05rem; margin: 0 0 .2rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: .25rem .6rem; text-align: left; }
.rule { border-left: .35rem solid #888; padding: .4rem .8rem; margin: .8rem 0; break-inside: avoid; }
.rule.pass { border-color: #1b7a3a; } .rule.fail { border-color: #b3261e; } .rule.declared { border-color: #7a5c00; }
.outcome { font-weight: normal; font-size: .9rem; } .meta { color: #444; font-size: .85rem; margin: 0; }
.evidence, .hash { font-size: .8rem; color: #444; } code { font-size: .85rem; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>Audit du label — CAE ${escape(report.caeId)}</h1>
<p>Situation au <strong>${escape(report.asOf)}</strong>${report.knownAt === null ? '' : `, telle que connue à ${escape(report.knownAt)}`}. Audit ${escape(report.id)}, réalisé par ${escape(report.performedBy)} le ${escape(report.performedAt)}.</p>
<table>
<tr><th scope="row">Critères obligatoires remplis</th><td>${score.mandatory.met} / ${score.mandatory.total}</td></tr>
<tr><th scope="row">Critères recommandés remplis</th><td>${score.recommended.met} / ${score.recommended.total}</td></tr>
<tr><th scope="row">Éligible au label</th><td>${score.labelEligible ? 'oui' : 'non'} (100 % des obligatoires et au moins 50 % des recommandés)</td></tr>
</table>
<p class="hash">Tête de chaîne : position ${escape(chainHead.position)}, empreinte ${escape(chainHead.hash)} (${signature}). Catalogue v${escape(report.catalogue.version)}, ${escape(report.catalogue.hash)}. Empreinte du rapport : ${escape(report.reportHash)}. Vérifiable hors ligne : <code>npm run cli -- verify --report rapport.json</code>.</p>
<h2>Critères</h2>
${rules}
</body>
</html>
`;
};
