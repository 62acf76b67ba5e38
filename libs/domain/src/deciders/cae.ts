import type { ForgetPerson, RecordInformationSession, RecordIntakeInterview, RecordSubsidy, RegisterCae } from '../commands';
import { refuse } from '../errors';
import { caeStream } from '../streams';
import { caeNotFound, decided, type Decided, type DecisionContext, type DecisionState } from './decision';

export const DEFAULT_PAYROLL_RATES = { employeeRate: '0.22', employerRate: '0.42' } as const;

export const registerCae = (c: RegisterCae, s: DecisionState): Decided => {
  if (s.cae.registered) return refuse('CAE_ALREADY_REGISTERED', `CAE "${c.caeId}" is already registered.`, { caeId: c.caeId });
  return decided([
    {
      streamId: caeStream(c.caeId),
      event: {
        type: 'CaeRegistered',
        data: {
          caeId: c.caeId,
          name: c.name,
          legalForm: c.legalForm,
          region: c.region,
          contribution: c.contribution,
          shareNominalValue: c.shareNominalValue,
          payroll: c.payroll ?? DEFAULT_PAYROLL_RATES,
        },
      },
    },
  ]);
};

export const recordInformationSession = (c: RecordInformationSession, s: DecisionState): Decided =>
  s.cae.registered
    ? decided([{ streamId: caeStream(c.caeId), event: { type: 'InformationSessionRecorded', data: { caeId: c.caeId, heldOn: c.heldOn, attendees: c.attendees } } }])
    : caeNotFound(c.caeId);

export const recordIntakeInterview = (c: RecordIntakeInterview, s: DecisionState): Decided =>
  s.cae.registered
    ? decided([{ streamId: caeStream(c.caeId), event: { type: 'IntakeInterviewRecorded', data: { caeId: c.caeId, heldOn: c.heldOn } } }])
    : caeNotFound(c.caeId);

export const recordSubsidy = (c: RecordSubsidy, s: DecisionState): Decided =>
  s.cae.registered
    ? decided([
        {
          streamId: caeStream(c.caeId),
          event: { type: 'SubsidyRecorded', data: { caeId: c.caeId, receivedOn: c.receivedOn, funder: c.funder, amount: c.amount } },
        },
      ])
    : caeNotFound(c.caeId);

/** The key is destroyed by the application; the log records that the erasure happened, without any data. */
export const forgetPerson = (c: ForgetPerson, s: DecisionState, ctx: DecisionContext): Decided =>
  s.cae.registered
    ? decided([{ streamId: caeStream(c.caeId), event: { type: 'PersonForgotten', data: { caeId: c.caeId, personId: c.personId, forgottenOn: ctx.today } } }], {
        personId: c.personId,
      })
    : caeNotFound(c.caeId);
