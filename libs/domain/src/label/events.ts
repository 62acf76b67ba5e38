import type { IsoDate } from '../values';
import { inCaeStream, inEntrepreneurStream, type EventDeclarations } from '../event-declaration';
import type { RecordAudit } from './commands';
import type { DeadlineNotice, DeclaredCriterion, SelfAssessmentAnswer } from './criteria';

/** The CAE's own answer to a criterion of the label the log cannot show. */
export interface SelfAssessmentRecorded {
  caeId: string;
  criterionId: DeclaredCriterion;
  answer: SelfAssessmentAnswer;
  /** A reference to the document that proves it (never personal data: kept in clear). */
  evidence?: string;
  assessedOn: IsoDate;
}

/** An entrepreneur salarié told of their associate deadline (C. trav. R7331-10). */
export interface AssociateDeadlineNoticeRecorded {
  caeId: string;
  entrepreneurId: string;
  notifiedOn: IsoDate;
  notice: DeadlineNotice;
  /** The deadline the notice is about, as the CESA carries it. */
  associateDeadline: IsoDate;
  /** The last day this notice was due: 6 or 3 months before the deadline. */
  dueBy: IsoDate;
}

/** An audit of the label was performed (its actor is the auditor): the report's summary and hashes. */
export type AuditPerformed = RecordAudit;

export interface LabelEvents {
  SelfAssessmentRecorded: SelfAssessmentRecorded;
  AssociateDeadlineNoticeRecorded: AssociateDeadlineNoticeRecorded;
  AuditPerformed: AuditPerformed;
}

export const LABEL_EVENTS: EventDeclarations<LabelEvents> = {
  SelfAssessmentRecorded: { schemaVersion: 1, stream: inCaeStream, occurredOn: (d) => d.assessedOn },
  AssociateDeadlineNoticeRecorded: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.notifiedOn },
  AuditPerformed: { schemaVersion: 1, stream: inCaeStream, occurredOn: (d) => d.performedOn },
};
