import { ApiError, get, post } from '../api.js';
import { h, show } from '../dom.js';
import { lang, t, type MessageKey } from '../i18n.js';
import { table } from '../table.js';
import { caeTabs } from './cae-tabs.js';

/** A CAE's label audits: run one as of a date (auditors, admins), every earlier one side by side, a report rule by rule. */

interface Score {
  mandatory: { met: number; total: number };
  recommended: { met: number; total: number };
  labelEligible: boolean;
}

interface Summary {
  auditId: string;
  asOf: string;
  score: Score;
  failingMandatory: string[];
  auditor: string;
  performedAt: string;
}

interface Report {
  id: string;
  caeId: string;
  asOf: string;
  chainHead: { position: number; hash: string };
  score: Score;
  rules: {
    id: string;
    title: { fr: string; en: string };
    source: string;
    level: 'mandatory' | 'recommended';
    outcome: 'pass' | 'fail' | 'not_applicable' | 'declared';
    findings: { subject: string; message: string; evidence: { position: number; hash: string; occurredOn: string }[] }[];
  }[];
}

const scoreText = (score: Score) =>
  `${t('mandatory')} ${score.mandatory.met}/${score.mandatory.total}, ${t('recommended')} ${score.recommended.met}/${score.recommended.total} — ${t(score.labelEligible ? 'eligible' : 'notEligible')}`;

const path = (caeId: string) => `/api/caes/${encodeURIComponent(caeId)}/audits`;

/** A report: its score, then each rule with its outcome, findings and the events that prove them. */
const reportView = (report: Report): HTMLElement =>
  h(
    'section',
    { class: 'card report', 'aria-label': `${t('auditAsOf')} ${report.asOf}` },
    h('h2', {}, `${t('auditAsOf')} ${report.asOf}`),
    h('p', { 'data-figure': 'score' }, scoreText(report.score)),
    h('p', {}, h('a', { href: `${path(report.caeId)}/${encodeURIComponent(report.id)}?format=html`, target: '_blank', rel: 'noopener' }, t('printable'))),
    ...report.rules.map((rule) =>
      h(
        'details',
        { class: `rule ${rule.outcome}`, 'data-rule': rule.id, open: rule.outcome === 'fail' },
        h('summary', {}, h('strong', {}, `${rule.id}`), ` — ${rule.title[lang()]} — `, h('span', { class: 'outcome' }, t(rule.outcome as MessageKey)), ` (${t(rule.level)})`),
        h('p', {}, `${t('source')} : ${rule.source}`),
        rule.findings.length > 0 &&
          h(
            'ol',
            { 'aria-label': t('findings') },
            ...rule.findings.map((finding) =>
              h('li', {}, finding.message, h('br'), h('small', {}, `${t('evidence')} : ${finding.evidence.map((e) => `${t('position')} ${e.position} (${e.occurredOn}, ${e.hash.slice(0, 12)}…)`).join(' ; ')}`)),
            ),
          ),
      ),
    ),
  );

export const auditsPage = async (main: HTMLElement, caeId: string, canAudit: boolean, auditId?: string): Promise<void> => {
  const { audits } = await get<{ audits: Summary[] }>(path(caeId));
  const shown = h('div');
  const error = h('p', { class: 'error', role: 'alert', id: 'audit-error' });
  const form =
    canAudit &&
    h(
      'form',
      { class: 'card controls', 'aria-describedby': 'audit-error' },
      h('label', { for: 'audit-as-of' }, t('auditAsOf')),
      h('input', { id: 'audit-as-of', name: 'asOf', type: 'date', required: true }),
      h('button', { type: 'submit' }, t('runAudit')),
      error,
    );
  if (form)
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        const report = await post<Report>(path(caeId), { asOf: new FormData(form).get('asOf') });
        location.hash = `#/cae/${encodeURIComponent(caeId)}/audits/${encodeURIComponent(report.id)}`;
      } catch (failure) {
        show(error, failure instanceof ApiError ? failure.message : String(failure));
      }
    });
  show(
    main,
    h('h1', {}, `${t('audits')} — ${caeId}`),
    caeTabs(caeId, 'audits', undefined),
    form,
    audits.length === 0
      ? h('p', {}, t('noAudits'))
      : table(
          t('earlierAudits'),
          [
            { title: t('auditAsOf'), text: (a: Summary) => a.asOf, cell: (a) => h('a', { href: `#/cae/${encodeURIComponent(caeId)}/audits/${encodeURIComponent(a.auditId)}` }, a.asOf) },
            { title: t('score'), text: (a) => scoreText(a.score) },
            { title: t('failingMandatory'), text: (a) => a.failingMandatory.join(', ') },
            { title: t('performedBy'), text: (a) => a.auditor },
            { title: t('performedAt'), text: (a) => a.performedAt.slice(0, 16).replace('T', ' ') },
          ],
          audits,
          `${caeId}-audits`,
        ),
    shown,
  );
  if (auditId !== undefined) show(shown, reportView(await get<Report>(`${path(caeId)}/${encodeURIComponent(auditId)}`)));
};
