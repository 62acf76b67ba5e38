import { alreadyForgotten, caeNotFound, decided, type Decided, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions, inTheCae, ofTheEntrepreneur } from '../command-handling/define-command';
import { forgottenOn } from '../cae/state';
import { emit, isRefusal, presentOn } from '../entrepreneur/presence';
import { caeStream } from '../streams';
import type { Nothing } from '../validation/results';
import {
  recordInformationSessionResult,
  recordInformationSessionSchema,
  recordIntakeInterviewResult,
  recordMeetingResult,
  recordIntakeInterviewSchema,
  recordMeetingSchema,
  type RecordInformationSession,
  type RecordIntakeInterview,
  type RecordMeeting,
  type AccompanimentCommands,
} from './commands';

/** Accompaniment: the information sessions and intake interviews before integration, the meetings after. */

export const recordInformationSession = (c: RecordInformationSession, s: DecisionState): Decided<Nothing> =>
  s.cae.registered
    ? decided([{ streamId: caeStream(c.caeId), event: { type: 'InformationSessionRecorded', data: { caeId: c.caeId, heldOn: c.heldOn, attendees: c.attendees } } }])
    : caeNotFound(c.caeId);

export const recordIntakeInterview = (c: RecordIntakeInterview, s: DecisionState): Decided<Nothing> =>
  s.cae.registered
    ? decided([{ streamId: caeStream(c.caeId), event: { type: 'IntakeInterviewRecorded', data: { caeId: c.caeId, heldOn: c.heldOn } } }])
    : caeNotFound(c.caeId);

export const recordMeeting = (c: RecordMeeting, s: DecisionState): Decided<Nothing> => {
  const entrepreneur = presentOn(c, s, c.heldOn);
  if (isRefusal(entrepreneur)) return entrepreneur;
  const forgotten = c.notes === undefined ? undefined : forgottenOn(s.cae, 'entrepreneur', c.entrepreneurId);
  if (forgotten !== undefined) return alreadyForgotten('entrepreneur', c.entrepreneurId, forgotten);
  return decided([
    emit(c.caeId, c.entrepreneurId, {
      type: 'MeetingRecorded',
      data: { caeId: c.caeId, entrepreneurId: c.entrepreneurId, heldOn: c.heldOn, kind: c.kind, hours: c.hours, ...(c.notes !== undefined ? { notes: c.notes } : {}) },
    }),
  ]);
};


export const ACCOMPANIMENT_COMMANDS: CommandDefinitions<AccompanimentCommands> = {
  RecordInformationSession: defineCommand(recordInformationSessionSchema, { result: recordInformationSessionResult, plan: inTheCae, decide: recordInformationSession }),
  RecordIntakeInterview: defineCommand(recordIntakeInterviewSchema, { result: recordIntakeInterviewResult, plan: inTheCae, decide: recordIntakeInterview }),
  RecordMeeting: defineCommand(recordMeetingSchema, { result: recordMeetingResult, plan: ofTheEntrepreneur, decide: recordMeeting }),
};
