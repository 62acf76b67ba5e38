import { date, money, month, obj, optional } from '../validation/schema';
import { hours, id, longText, name, type Infer } from '../validation/fields';
import { amount, commandResult, NOTHING, type ResultOf } from '../validation/results';

/** amount: excl. VAT. */
export const recordExpenseSchema = obj({
  caeId: id(),
  entrepreneurId: id(),
  incurredOn: date(),
  category: name(),
  amount: money({ positive: true }),
  vat: money(),
  description: longText(),
});
export type RecordExpense = Infer<typeof recordExpenseSchema>;
export const recordExpenseResult = NOTHING;

export const paySalarySchema = obj({
  caeId: id(),
  entrepreneurId: id(),
  period: month(),
  paidOn: date(),
  gross: money({ positive: true }),
  hours: hours('744'),
  employeeContributions: optional(money()),
  employerContributions: optional(money()),
});
export type PaySalary = Infer<typeof paySalarySchema>;

export const paySalaryResult = commandResult(
  { employerCost: amount('gross + employer contributions'), treasuryAfter: amount('the activity\'s available treasury after the salary') },
  { employerCost: '2130.00', treasuryAfter: '870.00' },
);
export type PaySalaryResult = ResultOf<typeof paySalaryResult>;

/** The data of this slice's commands, by type. */
export interface ActivityAccountCommands {
  RecordExpense: RecordExpense;
  PaySalary: PaySalary;
}
