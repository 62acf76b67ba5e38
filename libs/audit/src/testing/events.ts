import type { DomainEvent, IsoDate } from '../../../domain';

/** Events of the label slice, for the specs (the others come from projections/testing/events.ts). */

export const noticeRecorded = (notifiedOn: IsoDate, notice: 'six_months' | 'three_months', associateDeadline = '2019-01-10'): DomainEvent => ({
  type: 'AssociateDeadlineNoticeRecorded',
  data: { caeId: 'coodyssee', entrepreneurId: 'e-001', notifiedOn, notice, associateDeadline, dueBy: notice === 'six_months' ? '2018-07-10' : '2018-10-10' },
});

export const selfAssessed = (criterionId: 'ACCOMPANIMENT_PROGRAMME_ADOPTED' | 'HEALTH_SAFETY_INFORMATION', answer: 'met' | 'not_met' | 'not_applicable', assessedOn: IsoDate): DomainEvent => ({
  type: 'SelfAssessmentRecorded',
  data: { caeId: 'coodyssee', criterionId, answer, assessedOn },
});
