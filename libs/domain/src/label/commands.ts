import { date, obj, oneOf, optional } from '../validation/schema';
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

/** The data of this slice's commands, by type. */
export interface LabelCommands {
  RecordSelfAssessment: RecordSelfAssessment;
  RecordAssociateDeadlineNotice: RecordAssociateDeadlineNotice;
}
