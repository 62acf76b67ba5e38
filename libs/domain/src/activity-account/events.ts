import type { DecimalString, IsoDate, YearMonth } from '../values';
import { inEntrepreneurStream, type EventDeclarations } from '../event-declaration';

export interface ExpenseRecorded {
  caeId: string;
  entrepreneurId: string;
  incurredOn: IsoDate;
  category: string;
  amount: DecimalString;
  vat: DecimalString;
  description: string;
}

export interface SalaryPaid {
  caeId: string;
  entrepreneurId: string;
  period: YearMonth;
  paidOn: IsoDate;
  gross: DecimalString;
  hours: DecimalString;
  employeeContributions: DecimalString;
  employerContributions: DecimalString;
  /** gross + employer contributions: what the activity pays. */
  employerCost: DecimalString;
  /** Where the contribution amounts come from: the payslip, the CAE's configured rates, or one of each. */
  contributionsSource: 'payslip' | 'rates' | 'payslip_and_rates';
  /** Available treasury just before this salary. */
  treasuryBefore: DecimalString;
}

export interface ActivityAccountEvents {
  ExpenseRecorded: ExpenseRecorded;
  SalaryPaid: SalaryPaid;
}

export const ACTIVITY_ACCOUNT_EVENTS: EventDeclarations<ActivityAccountEvents> = {
  ExpenseRecorded: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.incurredOn },
  SalaryPaid: { schemaVersion: 1, stream: inEntrepreneurStream, occurredOn: (d) => d.paidOn },
};
