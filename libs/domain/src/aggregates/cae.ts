import type { ContributionPolicy, PayrollRates } from '../commands';
import type { DomainEvent } from '../events';

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
    };

export const initialCaeState = (): CaeState => ({ registered: false });

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
      };
    default:
      return state;
  }
};
