import { caeNotFound, decided, type Decided, type DecisionState } from '../command-handling/decision';
import { defineCommand, type CommandDefinitions, ofTheEntrepreneur } from '../command-handling/define-command';
import { lastDayOfMonth, monthOf } from '../dates';
import { emit, isRefusal, known, presentOn, type Refusal } from '../entrepreneur/presence';
import type { EntrepreneurState } from '../entrepreneur/state';
import { refuse } from '../errors';
import { formatMoney, money, toCents } from '../money';
import { availableTreasury } from './treasury';
import type { Nothing } from '../validation/results';
import {
  paySalaryResult,
  paySalarySchema,
  recordExpenseResult,
  recordExpenseSchema,
  type ActivityAccountCommands,
  type PaySalary,
  type PaySalaryResult,
  type RecordExpense,
} from './commands';

/** The activity account: what an entrepreneur's activity spends, its expenses and the salaries it pays. */

export const recordExpense = (c: RecordExpense, s: DecisionState): Decided<Nothing> => {
  const entrepreneur = presentOn(c, s, c.incurredOn);
  if (isRefusal(entrepreneur)) return entrepreneur;
  return decided([
    emit(c.caeId, c.entrepreneurId, {
      type: 'ExpenseRecorded',
      data: {
        caeId: c.caeId,
        entrepreneurId: c.entrepreneurId,
        incurredOn: c.incurredOn,
        category: c.category,
        amount: c.amount,
        vat: c.vat,
        description: c.description,
      },
    }),
  ]);
};

/** salaryRequiresCesa: only an entrepreneur salarié is paid, for a period their CESA covers; never under a CAPE. */
const salaryRequiresCesa = (entrepreneur: EntrepreneurState, c: PaySalary): Refusal | undefined => {
  const periodStart = `${c.period}-01`;
  // The period must overlap the CESA: from the month it was signed to the month of the exit.
  if (entrepreneur.cesa && monthOf(entrepreneur.cesa.signedOn) <= c.period && (entrepreneur.exitedOn === undefined || periodStart < entrepreneur.exitedOn)) return undefined;
  // Under a CAPE during the period: the entrepreneur is not an employee (C. com. L127-1).
  if (entrepreneur.cape && entrepreneur.cape.firstSignedOn <= lastDayOfMonth(c.period) && periodStart <= entrepreneur.cape.endsOn)
    return refuse('SALARY_UNDER_CAPE', `${c.entrepreneurId} is under a CAPE in ${c.period}: no salary is paid under a CAPE.`, { period: c.period });
  return refuse('SALARY_REQUIRES_CESA', `${c.entrepreneurId} has no CESA covering ${c.period}; only an entrepreneur salarié is paid a salary.`, {
    period: c.period,
  });
};

export const paySalary = (c: PaySalary, s: DecisionState): Decided<PaySalaryResult> => {
  const entrepreneur = known(c, s);
  if (isRefusal(entrepreneur)) return entrepreneur;
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const uncovered = salaryRequiresCesa(entrepreneur, c);
  if (uncovered) return uncovered;
  const periodStart = `${c.period}-01`;
  if (c.paidOn < periodStart) return refuse('DATE_OUT_OF_ORDER', `A salary for ${c.period} cannot be paid before the period starts.`);
  if (entrepreneur.salaryPeriods[c.period]) return refuse('SALARY_ALREADY_PAID', `The salary of ${c.period} has already been paid to ${c.entrepreneurId}.`, { period: c.period });
  const gross = money(c.gross);
  const employee = c.employeeContributions !== undefined ? money(c.employeeContributions) : toCents(gross.times(s.cae.payroll.employeeRate));
  const employer = c.employerContributions !== undefined ? money(c.employerContributions) : toCents(gross.times(s.cae.payroll.employerRate));
  const employerCost = gross.plus(employer);
  const available = availableTreasury(entrepreneur, s.cae.contribution, c.paidOn);
  if (employerCost.greaterThan(available))
    return refuse(
      'INSUFFICIENT_TREASURY',
      `The salary costs ${formatMoney(employerCost)} € (gross + employer contributions) but ${c.entrepreneurId}'s available treasury is ${formatMoney(available)} €.`,
      { required: formatMoney(employerCost), available: formatMoney(available), shortfall: formatMoney(employerCost.minus(available)) },
    );
  const givenOnPayslip = [c.employeeContributions, c.employerContributions].filter((v) => v !== undefined).length;
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'SalaryPaid',
        data: {
          caeId: c.caeId,
          entrepreneurId: c.entrepreneurId,
          period: c.period,
          paidOn: c.paidOn,
          gross: c.gross,
          hours: c.hours,
          employeeContributions: formatMoney(employee),
          employerContributions: formatMoney(employer),
          employerCost: formatMoney(employerCost),
          contributionsSource: givenOnPayslip === 2 ? 'payslip' : givenOnPayslip === 0 ? 'rates' : 'payslip_and_rates',
          treasuryBefore: formatMoney(available),
        },
      }),
    ],
    { employerCost: formatMoney(employerCost), treasuryAfter: formatMoney(available.minus(employerCost)) },
  );
};


export const ACTIVITY_ACCOUNT_COMMANDS: CommandDefinitions<ActivityAccountCommands> = {
  RecordExpense: defineCommand(recordExpenseSchema, { result: recordExpenseResult, plan: ofTheEntrepreneur, decide: recordExpense }),
  PaySalary: defineCommand(paySalarySchema, { result: paySalaryResult, plan: ofTheEntrepreneur, decide: paySalary }),
};
