import { date, int, obj, oneOf, optional, str } from '../validation/schema';
import { hours, id, type Infer } from '../validation/fields';
import { NOTHING } from '../validation/results';

export const MEETING_KINDS = ['individual', 'collective', 'workshop'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const recordInformationSessionSchema = obj({ caeId: id(), heldOn: date(), attendees: int({ min: 0, max: 100_000 }) });
export type RecordInformationSession = Infer<typeof recordInformationSessionSchema>;

export const recordIntakeInterviewSchema = obj({ caeId: id(), heldOn: date() });
export type RecordIntakeInterview = Infer<typeof recordIntakeInterviewSchema>;

/** notes: free text of the support team, personal data sealed under the entrepreneur's key. */
export const recordMeetingSchema = obj({ caeId: id(), entrepreneurId: id(), heldOn: date(), kind: oneOf(MEETING_KINDS), hours: hours('24'), notes: optional(str(2000)) });
export type RecordMeeting = Infer<typeof recordMeetingSchema>;

/** What each command answers besides its events. */
export const recordInformationSessionResult = NOTHING;
export const recordIntakeInterviewResult = NOTHING;
export const recordMeetingResult = NOTHING;

/** The data of this slice's commands, by type. */
export interface AccompanimentCommands {
  RecordInformationSession: RecordInformationSession;
  RecordIntakeInterview: RecordIntakeInterview;
  RecordMeeting: RecordMeeting;
}
