import type { ForgetPerson, RecordInformationSession, RecordIntakeInterview, RecordSubsidy, RegisterCae } from '../commands';
import { refuse } from '../errors';
import { caeStream } from '../streams';
import { forgottenOn } from '../aggregates/cae';
import { alreadyForgotten, caeNotFound, decided, entrepreneurNotFound, type Decided, type DecisionContext, type DecisionState } from './decision';

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

/** Whether the decision state shows the person: only someone whose personal data the CAE holds can be forgotten. */
const unknownPerson = (c: ForgetPerson, s: DecisionState): Decided | undefined => {
  switch (c.kind) {
    case 'entrepreneur':
      return s.entrepreneur && s.entrepreneur.integration > 0 ? undefined : entrepreneurNotFound(c.caeId, c.personId);
    case 'associate':
      if (s.associate?.category === undefined)
        return refuse('NOT_FOUND', `Associate "${c.personId}" has never been admitted in CAE "${c.caeId}".`, { caeId: c.caeId, associateId: c.personId });
      return s.associate.holdsPersonalData
        ? undefined
        : refuse('NOT_FOUND', `Associate "${c.personId}" is an entrepreneur associate: their personal data is the entrepreneur's; forget the entrepreneur (kind "entrepreneur").`, {
            caeId: c.caeId,
            associateId: c.personId,
          });
    case 'client': {
      const invoice = s.document?.document === 'invoice' ? s.entrepreneur?.invoices[c.personId] : undefined;
      if (invoice === undefined) return refuse('NOT_FOUND', `Invoice "${c.personId}" does not exist in CAE "${c.caeId}".`, { caeId: c.caeId, invoiceNumber: c.personId });
      return invoice.clientKind === 'individual'
        ? undefined
        : refuse('NOT_FOUND', `The client of invoice "${c.personId}" is a ${invoice.clientKind}, not a private individual: it holds no personal data.`, {
            caeId: c.caeId,
            invoiceNumber: c.personId,
            clientKind: invoice.clientKind,
          });
    }
  }
};

/** The key is destroyed by the application once this is accepted; the log records that the erasure happened, without any data. */
export const forgetPerson = (c: ForgetPerson, s: DecisionState, ctx: DecisionContext): Decided => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const unknown = unknownPerson(c, s);
  if (unknown) return unknown;
  const forgotten = forgottenOn(s.cae, c.kind, c.personId);
  if (forgotten !== undefined) return alreadyForgotten(c.kind, c.personId, forgotten);
  return decided(
    [{ streamId: caeStream(c.caeId), event: { type: 'PersonForgotten', data: { caeId: c.caeId, kind: c.kind, personId: c.personId, forgottenOn: ctx.today } } }],
    { kind: c.kind, personId: c.personId },
  );
};
