import { DATE, DATE_TIME, INTEGER, BOOLEAN, list, nullable, oneOfValues, record, TEXT, type JsonSchema } from './json';

/** The audits' answers (docs/api.md § Audits): a report, a CAE's audits, the network's latest. */

const SHA256: JsonSchema = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256, hex' };
const TALLY = record({ met: INTEGER, total: INTEGER });
const SCORE = record(
  { mandatory: TALLY, recommended: TALLY, labelEligible: BOOLEAN },
  '`met` counts pass and declared, `total` leaves out not_applicable; eligible: every mandatory rule met and at least half of the recommended ones',
);
const KNOWN_AT: JsonSchema = { oneOf: [TEXT, INTEGER, { type: 'null' }], description: 'as the audit was asked: an instant, a log position, or null (everything recorded when it ran)' };

const CHAIN_HEAD = record(
  {
    position: INTEGER,
    hash: SHA256,
    signature: record(
      { algorithm: oneOfValues(['Ed25519']), publicKey: { ...TEXT, description: 'the CAE’s public key, DER SubjectPublicKeyInfo, base64' }, value: { ...TEXT, description: 'Ed25519 over the canonical JSON of { caeId, position, hash }, base64' } },
      'the CAE’s signature of its chain head',
    ),
  },
  'the CAE’s last event the report stands on',
);

const EVIDENCE = record({ eventId: TEXT, position: INTEGER, hash: SHA256, occurredOn: DATE }, 'an event of the log that proves the finding (or opened the obligation not met)');

export const AUDIT_REPORT: JsonSchema = record(
  {
    id: TEXT,
    caeId: TEXT,
    asOf: DATE,
    knownAt: KNOWN_AT,
    chainHead: CHAIN_HEAD,
    catalogue: record({ version: INTEGER, hash: SHA256 }),
    score: SCORE,
    rules: list(
      record({
        id: TEXT,
        title: record({ fr: TEXT, en: TEXT }),
        source: { ...TEXT, description: 'the article of law, decree, or "pratique du label"' },
        domain: oneOfValues(['legal', 'accounting', 'human_resources', 'accompaniment', 'governance', 'integrity']),
        level: oneOfValues(['mandatory', 'recommended']),
        outcome: oneOfValues(['pass', 'fail', 'not_applicable', 'declared']),
        findings: list(record({ subject: TEXT, message: { ...TEXT, description: 'in French' }, evidence: list(EVIDENCE) })),
      }),
      'every rule of the catalogue, in its order',
    ),
    performedBy: { ...TEXT, description: 'the auditor’s account' },
    performedAt: DATE_TIME,
    reportHash: { ...SHA256, description: 'SHA-256 of the canonical JSON of everything but id, performedBy, performedAt and itself' },
  },
  'A label audit’s report: the same log, CAE and dates give the same report, and the same reportHash, whoever makes it',
);

const SUMMARY = record({
  caeId: TEXT,
  auditId: TEXT,
  asOf: DATE,
  knownAt: nullable({ ...TEXT, description: 'as asked, written as text; null: everything recorded when it ran' }),
  chainHead: record({ position: INTEGER, hash: SHA256 }),
  catalogue: record({ version: INTEGER, hash: SHA256 }),
  score: SCORE,
  failingMandatory: list(TEXT, 'the mandatory rules that failed'),
  reportHash: SHA256,
  auditor: TEXT,
  performedAt: DATE_TIME,
  performedOn: DATE,
});

export const AUDITS: JsonSchema = record({ caeId: TEXT, audits: list(SUMMARY, 'oldest first: the CAE’s progress over the years') });
export const NETWORK_AUDITS: JsonSchema = record({ asOf: nullable(DATE), caes: list(SUMMARY, 'each audited CAE’s latest audit performed on or before asOf, by caeId') });
