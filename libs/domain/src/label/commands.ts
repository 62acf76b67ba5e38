import { arr, bool, date, int, obj, oneOf, optional, pattern, str } from '../validation/schema';
import { id, longText, type Infer } from '../validation/fields';
import { commandResult, day, NOTHING, type ResultOf } from '../validation/results';
import { DEADLINE_NOTICES, DECLARED_CRITERIA, SELF_ASSESSMENT_ANSWERS } from './criteria';

/**
 * evidence: where the proof is kept (an AG's minutes, a handbook's version), in clear for ever in the log: a
 * reference to a document, never personal data.
 */
export const recordSelfAssessmentSchema = obj({
  caeId: id(),
  criterionId: oneOf(DECLARED_CRITERIA),
  answer: oneOf(SELF_ASSESSMENT_ANSWERS),
  evidence: optional(longText()),
  assessedOn: date(),
});
export type RecordSelfAssessment = Infer<typeof recordSelfAssessmentSchema>;
export const recordSelfAssessmentResult = NOTHING;

export const recordAssociateDeadlineNoticeSchema = obj({ caeId: id(), entrepreneurId: id(), notifiedOn: date(), notice: oneOf(DEADLINE_NOTICES) });
export type RecordAssociateDeadlineNotice = Infer<typeof recordAssociateDeadlineNoticeSchema>;

export const recordAssociateDeadlineNoticeResult = commandResult(
  {
    associateDeadline: day('the associate deadline the notice is about (CESA + 3 years − time under CAPE)'),
    dueBy: day('the last day this notice is due: 6 or 3 months before the deadline (C. trav. R7331-10)'),
  },
  { associateDeadline: '2019-01-10', dueBy: '2018-07-10' },
);
export type RecordAssociateDeadlineNoticeResult = ResultOf<typeof recordAssociateDeadlineNoticeResult>;

const sha256 = () => pattern(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex (64 characters 0-9a-f)', 64);
const tally = () => obj({ met: int({ min: 0, max: 1000 }), total: int({ min: 0, max: 1000 }) });

/**
 * An audit of the label, as POST /api/caes/{caeId}/audits made it: what it was as of, the chain head it stands on,
 * the catalogue, the score and the report's hash — enough to make the same report again and to prove it unchanged.
 * Only that route records it: POST /api/commands refuses it to every role.
 */
export const recordAuditSchema = obj({
  caeId: id(),
  auditId: id(),
  asOf: date(),
  /** As the audit was asked: an instant or a log position, as written; absent: everything recorded when it ran. */
  knownAt: optional(str(40)),
  chainHead: obj({ position: int({ min: 1 }), hash: sha256() }),
  catalogue: obj({ version: int({ min: 1 }), hash: sha256() }),
  score: obj({ mandatory: tally(), recommended: tally(), labelEligible: bool() }),
  failingMandatory: arr(id(), { min: 0, max: 200, noun: 'rule ids' }),
  reportHash: sha256(),
  /** The auditor's account (the events' actor too): who signs off the report. */
  auditor: id(),
  performedAt: pattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/, 'must be an instant in UTC, e.g. "2017-01-15T09:30:00.000Z"', 24),
  /** The day in France it was performed on: its business date. */
  performedOn: date(),
});
export type RecordAudit = Infer<typeof recordAuditSchema>;
export const recordAuditResult = NOTHING;

/** The data of this slice's commands, by type. */
export interface LabelCommands {
  RecordSelfAssessment: RecordSelfAssessment;
  RecordAssociateDeadlineNotice: RecordAssociateDeadlineNotice;
  RecordAudit: RecordAudit;
}
