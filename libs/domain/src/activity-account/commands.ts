import { date, money, month, obj, optional } from '../validation/schema';
import { hours, id, longText, name, type Infer } from '../validation/fields';

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

/** The data of this slice's commands, by type. */
export interface ActivityAccountCommands {
  RecordExpense: RecordExpense;
  PaySalary: PaySalary;
}
