import { addDays, minDate, type IsoDate } from '../../libs/domain';
import type { AssociateDoc, ContractLine, EntrepreneurDoc, Membership } from './documents';

/** Where an entrepreneur stands on a given day, read from their status history alone. */
export interface ContractsOn {
  integratedOn: IsoDate | null;
  exitedOn: IsoDate | null;
  cape: { firstSignedOn: IsoDate; endsOn: IsoDate; renewals: number; totalMonths: number } | null;
  cesa: { signedOn: IsoDate; associateDeadline: IsoDate } | null;
}

export type Status = 'integrated' | 'cape' | 'cesa' | 'associate' | 'exited';

const step = (state: ContractsOn, line: ContractLine): ContractsOn => {
  switch (line.event) {
    case 'integrated':
    case 'returned':
      return { integratedOn: line.on, exitedOn: null, cape: null, cesa: null };
    case 'cape_signed':
      return { ...state, cape: { firstSignedOn: line.on, endsOn: line.endsOn, renewals: 0, totalMonths: line.months } };
    case 'cape_renewed':
      return state.cape ? { ...state, cape: { ...state.cape, endsOn: line.endsOn, renewals: line.renewal, totalMonths: line.totalMonths } } : state;
    case 'cesa_signed':
      // A CESA ends the CAPE in force: its last day is the day before the CESA.
      return {
        ...state,
        cape: state.cape && { ...state.cape, endsOn: minDate(state.cape.endsOn, addDays(line.on, -1)) },
        cesa: { signedOn: line.on, associateDeadline: line.associateDeadline },
      };
    case 'exited':
      return { ...state, exitedOn: line.on };
  }
};

export const contractsOn = (entrepreneur: EntrepreneurDoc, day: IsoDate): ContractsOn =>
  entrepreneur.history.filter((line) => line.on <= day).reduce(step, { integratedOn: null, exitedOn: null, cape: null, cesa: null });

/** Present on day d: integratedOn ≤ d < exitedOn (docs/api.md#statistics). */
export const isPresent = (contracts: ContractsOn, day: IsoDate): boolean =>
  contracts.integratedOn !== null && contracts.integratedOn <= day && (contracts.exitedOn === null || day < contracts.exitedOn);

export const memberOn = (membership: Membership, day: IsoDate): boolean =>
  membership.admittedOn <= day && (membership.leftOn === null || day < membership.leftOn);

/** Whether the entrepreneur is an associate (as an entrepreneur) on the day. */
export const isAssociateOn = (associates: AssociateDoc[], entrepreneurId: string, day: IsoDate): boolean =>
  associates.some((a) => a.memberships.some((m) => m.entrepreneurId === entrepreneurId && memberOn(m, day)));

export const statusOn = (entrepreneur: EntrepreneurDoc, associates: AssociateDoc[], day: IsoDate): Status => {
  const contracts = contractsOn(entrepreneur, day);
  if (!isPresent(contracts, day)) return 'exited';
  if (contracts.cesa) return isAssociateOn(associates, entrepreneur.entrepreneurId, day) ? 'associate' : 'cesa';
  return contracts.cape && contracts.cape.firstSignedOn <= day && day <= contracts.cape.endsOn ? 'cape' : 'integrated';
};
