import { caeNotFound, decided, type Decided, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions, inTheCae, ofTheEntrepreneur } from '../command-handling/define-command';
import { addMonths } from '../dates';
import { emit, isRefusal, presentOn } from '../entrepreneur/presence';
import { cesaInForceOn } from '../entrepreneur/state';
import { refuse } from '../errors';
import { caeStream } from '../streams';
import type { Nothing } from '../validation/results';
import {
  recordAssociateDeadlineNoticeResult,
  recordAssociateDeadlineNoticeSchema,
  recordAuditResult,
  recordAuditSchema,
  recordSelfAssessmentResult,
  recordSelfAssessmentSchema,
  type LabelCommands,
  type RecordAssociateDeadlineNotice,
  type RecordAssociateDeadlineNoticeResult,
  type RecordAudit,
  type RecordSelfAssessment,
} from './commands';
import { NOTICE_MONTHS_BEFORE } from './criteria';

/**
 * The label: what the CAE records for its audit. Nothing here is refused for what the audit flags (a notice sent
 * late, a criterion not met): the audit reports, the commands record.
 */

export const recordSelfAssessment = (c: RecordSelfAssessment, s: DecisionState): Decided<Nothing> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const { caeId, criterionId, answer, evidence, assessedOn } = c;
  return decided([
    { streamId: caeStream(caeId), event: { type: 'SelfAssessmentRecorded', data: { caeId, criterionId, answer, ...(evidence !== undefined && { evidence }), assessedOn } } },
  ]);
};

/**
 * noticeRequiresCesa: the notice is about a CESA's associate deadline, so the entrepreneur is under a CESA on the
 * day. Whether they are an associate already is not known here: admissions live in the associates' streams, which
 * are keyed by associate, not by entrepreneur.
 */
export const recordAssociateDeadlineNotice = (c: RecordAssociateDeadlineNotice, s: DecisionState): Decided<RecordAssociateDeadlineNoticeResult> => {
  const entrepreneur = presentOn(c, s, c.notifiedOn);
  if (isRefusal(entrepreneur)) return entrepreneur;
  const cesa = cesaInForceOn(entrepreneur, c.notifiedOn);
  if (!cesa)
    return refuse('NOTICE_REQUIRES_CESA', `${c.entrepreneurId} is not under a CESA on ${c.notifiedOn}: the associate deadline notice is for an entrepreneur salarié.`, {
      notifiedOn: c.notifiedOn,
    });
  const { associateDeadline } = cesa;
  const dueBy = addMonths(associateDeadline, -NOTICE_MONTHS_BEFORE[c.notice]);
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'AssociateDeadlineNoticeRecorded',
        data: { caeId: c.caeId, entrepreneurId: c.entrepreneurId, notifiedOn: c.notifiedOn, notice: c.notice, associateDeadline, dueBy },
      }),
    ],
    { associateDeadline, dueBy },
  );
};

/** The audit is recorded as it was made: the report's figures are the audit route's, not judged again here. */
export const recordAudit = (c: RecordAudit, s: DecisionState): Decided<Nothing> => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  return decided([{ streamId: caeStream(c.caeId), event: { type: 'AuditPerformed', data: c } }]);
};

export const LABEL_COMMANDS: CommandDefinitions<LabelCommands> = {
  RecordSelfAssessment: defineCommand(recordSelfAssessmentSchema, { result: recordSelfAssessmentResult, plan: inTheCae, decide: recordSelfAssessment }),
  RecordAssociateDeadlineNotice: defineCommand(recordAssociateDeadlineNoticeSchema, {
    result: recordAssociateDeadlineNoticeResult,
    plan: ofTheEntrepreneur,
    decide: recordAssociateDeadlineNotice,
  }),
  RecordAudit: defineCommand(recordAuditSchema, { result: recordAuditResult, plan: inTheCae, decide: recordAudit }),
};
