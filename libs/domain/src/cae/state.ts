import type { Fold } from '../command-handling/stream-reader';
import type { DomainEvent } from '../events';
import type { PersonKind } from '../forgetting/commands';
import { personKey } from '../personal-data';
import type { IsoDate } from '../values';
import type { ContributionPolicy, PayrollRates } from './commands';

/** The CAE itself: its identity and the policies every decision about its entrepreneurs depends on. */
export type CaeState =
  | { registered: false }
  | {
      registered: true;
      caeId: string;
      name: string;
      contribution: ContributionPolicy;
      payroll: PayrollRates;
      shareNominalValue: string;
      /** The first day the CAE's legal identity is in force (RecordCaeIdentity): its invoices name it from then on. */
      identityFrom?: IsoDate;
      /** The persons forgotten (by personKey), and when: their ids never carry personal data again. */
      forgotten: Readonly<Record<string, IsoDate>>;
    };

export const initialCaeState = (): CaeState => ({ registered: false });

/** When the person was forgotten, if they were. */
export const forgottenOn = (state: CaeState, kind: PersonKind, id: string): IsoDate | undefined =>
  state.registered ? state.forgotten[personKey(kind, id)] : undefined;

export const evolveCae = (state: CaeState, event: DomainEvent): CaeState => {
  switch (event.type) {
    case 'CaeRegistered':
      return {
        registered: true,
        caeId: event.data.caeId,
        name: event.data.name,
        contribution: event.data.contribution,
        payroll: event.data.payroll,
        shareNominalValue: event.data.shareNominalValue,
        forgotten: {},
      };
    case 'CaeIdentityRecorded':
      return state.registered && (state.identityFrom === undefined || event.data.effectiveOn < state.identityFrom) ? { ...state, identityFrom: event.data.effectiveOn } : state;
    case 'PersonForgotten':
      return state.registered
        ? { ...state, forgotten: { ...state.forgotten, [personKey(event.data.kind, event.data.personId)]: event.data.forgottenOn } }
        : state;
    default:
      return state;
  }
};

/** The CAE boundary: how its stream folds. */
export const CAE_FOLD: Fold<CaeState> = { initial: initialCaeState, evolve: evolveCae };
