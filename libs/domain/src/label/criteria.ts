/**
 * The label's criteria that the log cannot show, answered by the CAE itself (RecordSelfAssessment). The list lives
 * here so that the domain validates a criterion without importing libs/audit; libs/audit's catalogue checks that
 * its declared rules are exactly these.
 */
export const DECLARED_CRITERIA = [
  // C. trav. R7331-2: the accompaniment programme, adopted by the general assembly.
  'ACCOMPANIMENT_PROGRAMME_ADOPTED',
  // C. trav. R7331-4: the entrepreneurs are informed of the health and safety rules of their activity.
  'HEALTH_SAFETY_INFORMATION',
] as const;
export type DeclaredCriterion = (typeof DECLARED_CRITERIA)[number];

export const SELF_ASSESSMENT_ANSWERS = ['met', 'not_met', 'not_applicable'] as const;
export type SelfAssessmentAnswer = (typeof SELF_ASSESSMENT_ANSWERS)[number];

/** The two notices of R7331-10, and how many months before the associate deadline each is due. */
export const DEADLINE_NOTICES = ['six_months', 'three_months'] as const;
export type DeadlineNotice = (typeof DEADLINE_NOTICES)[number];
export const NOTICE_MONTHS_BEFORE: Readonly<Record<DeadlineNotice, number>> = { six_months: 6, three_months: 3 };
