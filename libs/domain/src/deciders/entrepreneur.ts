import { forgottenOn } from '../aggregates/cae';
import { isPresentOn, type EntrepreneurState } from '../aggregates/entrepreneur';
import type {
  ExitEntrepreneur,
  ExitReason,
  IntegrateEntrepreneur,
  IsoDate,
  PaySalary,
  RecordExpense,
  RecordMeeting,
  RenewCape,
  SignCape,
  SignCesa,
} from '../commands';
import { addDays, addMonths, addYears, daysBetween, lastDayOfMonth, minDate, monthOf } from '../dates';
import { refuse, type DomainError } from '../errors';
import type { DomainEvent } from '../events';
import { formatMoney, money, toCents } from '../money';
import { entrepreneurStream } from '../streams';
import { availableTreasury } from '../treasury';
import { alreadyForgotten, caeNotFound, decided, entrepreneurNotFound, type Decided, type DecisionState } from './decision';

/** CAPE (contrat d'appui au projet d'entreprise, C. com. L127-1): 12 months at most, renewable twice, 36 in all. */
export const CAPE_MAX_MONTHS = 12;
export const CAPE_MAX_RENEWALS = 2;
export const CAPE_MAX_TOTAL_MONTHS = 36;
/** CESA trial period: 8 months at most, minus the time already spent under a CAPE. */
export const CESA_MAX_TRIAL_MONTHS = 8;
/** An entrepreneur salarié must become an associate within 3 years of the CESA, minus CAPE time (C. trav. L7331-3). */
export const ASSOCIATE_DEADLINE_YEARS = 3;

export const POSITIVE_EXIT_REASONS: readonly ExitReason[] = ['company_creation', 'salaried_job'];

type Refusal = { ok: false; error: DomainError };

const emit = (caeId: string, entrepreneurId: string, event: DomainEvent) => ({ streamId: entrepreneurStream(caeId, entrepreneurId), event });

/** The entrepreneur of a command, if known; a refusal otherwise. */
const known = (c: { caeId: string; entrepreneurId: string }, s: DecisionState): EntrepreneurState | Refusal => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  if (!s.entrepreneur || s.entrepreneur.integration === 0) return entrepreneurNotFound(c.caeId, c.entrepreneurId);
  return s.entrepreneur;
};

/** The entrepreneur, present in the CAE on the given day. */
const presentOn = (c: { caeId: string; entrepreneurId: string }, s: DecisionState, day: IsoDate): EntrepreneurState | Refusal => {
  const e = known(c, s);
  if ('ok' in e) return e;
  if (e.integratedOn! > day)
    return refuse('DATE_BEFORE_INTEGRATION', `${day} is before ${c.entrepreneurId}'s integration on ${e.integratedOn}.`, {
      date: day,
      integratedOn: e.integratedOn,
    });
  if (!isPresentOn(e, day))
    return refuse('ENTREPRENEUR_NOT_ACTIVE', `${c.entrepreneurId} left the CAE on ${e.exitedOn}; nothing can be recorded for ${day}.`, {
      date: day,
      exitedOn: e.exitedOn,
    });
  return e;
};

const isRefusal = (v: EntrepreneurState | Refusal): v is Refusal => 'ok' in v;

export const integrateEntrepreneur = (c: IntegrateEntrepreneur, s: DecisionState): Decided => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const forgotten = forgottenOn(s.cae, 'entrepreneur', c.entrepreneurId);
  if (forgotten !== undefined) return alreadyForgotten('entrepreneur', c.entrepreneurId, forgotten);
  const e = s.entrepreneur;
  if (e && e.integration > 0 && e.exitedOn === undefined)
    return refuse('ENTREPRENEUR_ALREADY_INTEGRATED', `${c.entrepreneurId} is already integrated (since ${e.integratedOn}); a return needs an exit first.`, {
      integratedOn: e.integratedOn,
    });
  if (e?.exitedOn !== undefined && c.integratedOn < e.exitedOn)
    return refuse('DATE_OUT_OF_ORDER', `A return must come after the exit on ${e.exitedOn}.`, { exitedOn: e.exitedOn });
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'EntrepreneurIntegrated',
        data: {
          caeId: c.caeId,
          entrepreneurId: c.entrepreneurId,
          integratedOn: c.integratedOn,
          integration: (e?.integration ?? 0) + 1,
          activity: c.activity,
          profile: { ...c.person, situationAtEntry: c.situationAtEntry, parallelActivity: c.parallelActivity },
        },
      }),
    ],
    { integration: (e?.integration ?? 0) + 1 },
  );
};

const capeDurationInvalid = (months: number) =>
  refuse('CAPE_DURATION_INVALID', `A CAPE lasts 1 to ${CAPE_MAX_MONTHS} months, not ${months}.`, { months, max: CAPE_MAX_MONTHS });

/** Last day of a contract of `months` months starting on `from`. */
const contractEnd = (from: IsoDate, months: number): IsoDate => addDays(addMonths(from, months), -1);

export const signCape = (c: SignCape, s: DecisionState): Decided => {
  const e = presentOn(c, s, c.signedOn);
  if (isRefusal(e)) return e;
  if (c.months < 1 || c.months > CAPE_MAX_MONTHS) return capeDurationInvalid(c.months);
  if (e.cesa) return refuse('CESA_ALREADY_SIGNED', `${c.entrepreneurId} is already under a CESA; a CAPE cannot follow it.`);
  if (e.cape)
    return refuse('CAPE_ALREADY_SIGNED', `${c.entrepreneurId} already has a CAPE (until ${e.cape.endsOn}); extend it with RenewCape.`, {
      endsOn: e.cape.endsOn,
    });
  const endsOn = contractEnd(c.signedOn, c.months);
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'CapeSigned',
        data: { caeId: c.caeId, entrepreneurId: c.entrepreneurId, signedOn: c.signedOn, months: c.months, endsOn, totalMonths: c.months },
      }),
    ],
    { endsOn },
  );
};

export const renewCape = (c: RenewCape, s: DecisionState): Decided => {
  const e = presentOn(c, s, c.renewedOn);
  if (isRefusal(e)) return e;
  if (c.months < 1 || c.months > CAPE_MAX_MONTHS) return capeDurationInvalid(c.months);
  if (e.cesa) return refuse('CESA_ALREADY_SIGNED', `${c.entrepreneurId} is under a CESA; there is no CAPE to renew.`);
  if (!e.cape) return refuse('CAPE_NOT_SIGNED', `${c.entrepreneurId} has no CAPE to renew.`);
  if (c.renewedOn < e.cape.lastSignedOn)
    return refuse('DATE_OUT_OF_ORDER', `The renewal cannot predate the last signature (${e.cape.lastSignedOn}).`, { lastSignedOn: e.cape.lastSignedOn });
  if (c.renewedOn > e.cape.endsOn)
    return refuse('CAPE_ENDED', `The CAPE ended on ${e.cape.endsOn}; it can only be renewed before its end.`, { endsOn: e.cape.endsOn });
  if (e.cape.renewals >= CAPE_MAX_RENEWALS || e.cape.totalMonths + c.months > CAPE_MAX_TOTAL_MONTHS)
    return refuse(
      'CAPE_LIMIT_EXCEEDED',
      `A CAPE is renewable ${CAPE_MAX_RENEWALS} times and lasts ${CAPE_MAX_TOTAL_MONTHS} months in all: ${e.cape.renewals} renewal(s) and ${e.cape.totalMonths} months so far.`,
      { renewals: e.cape.renewals, totalMonths: e.cape.totalMonths, requestedMonths: c.months },
    );
  const endsOn = contractEnd(addDays(e.cape.endsOn, 1), c.months);
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'CapeRenewed',
        data: {
          caeId: c.caeId,
          entrepreneurId: c.entrepreneurId,
          renewedOn: c.renewedOn,
          months: c.months,
          renewal: e.cape.renewals + 1,
          previousEndsOn: e.cape.endsOn,
          endsOn,
          totalMonths: e.cape.totalMonths + c.months,
        },
      }),
    ],
    { endsOn, renewal: e.cape.renewals + 1 },
  );
};

export const signCesa = (c: SignCesa, s: DecisionState): Decided => {
  const e = presentOn(c, s, c.signedOn);
  if (isRefusal(e)) return e;
  if (e.cesa) return refuse('CESA_ALREADY_SIGNED', `${c.entrepreneurId} has been under a CESA since ${e.cesa.signedOn}.`, { signedOn: e.cesa.signedOn });
  if (e.cape && c.signedOn < e.cape.lastSignedOn)
    return refuse('DATE_OUT_OF_ORDER', `The CESA cannot predate the last CAPE signature (${e.cape.lastSignedOn}).`);
  // CAPE time actually spent: from its first signature to its end, or to the CESA if signed earlier.
  const capeDays = e.cape ? Math.max(0, daysBetween(e.cape.firstSignedOn, minDate(addDays(e.cape.endsOn, 1), c.signedOn))) : 0;
  const associateDeadline = addDays(addYears(c.signedOn, ASSOCIATE_DEADLINE_YEARS), -capeDays);
  const trialEnd = addDays(addMonths(c.signedOn, CESA_MAX_TRIAL_MONTHS), -capeDays);
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'CesaSigned',
        data: {
          caeId: c.caeId,
          entrepreneurId: c.entrepreneurId,
          signedOn: c.signedOn,
          ...(c.fixedMonthlyGross !== undefined ? { fixedMonthlyGross: c.fixedMonthlyGross } : {}),
          capeDays,
          associateDeadline,
          ...(trialEnd > c.signedOn ? { trialPeriodEndsOn: trialEnd } : {}),
        },
      }),
    ],
    { associateDeadline },
  );
};

export const recordExpense = (c: RecordExpense, s: DecisionState): Decided => {
  const e = presentOn(c, s, c.incurredOn);
  if (isRefusal(e)) return e;
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

export const paySalary = (c: PaySalary, s: DecisionState): Decided => {
  const e = known(c, s);
  if (isRefusal(e)) return e;
  if (!s.cae.registered) return caeNotFound(c.caeId);
  const periodStart = `${c.period}-01`;
  // The period must overlap the CESA: from the month it was signed to the month of the exit.
  const cesa = e.cesa && monthOf(e.cesa.signedOn) <= c.period && (e.exitedOn === undefined || periodStart < e.exitedOn) ? e.cesa : undefined;
  if (!cesa) {
    // Under a CAPE during the period: the entrepreneur is not an employee (C. com. L127-1).
    if (e.cape && e.cape.firstSignedOn <= lastDayOfMonth(c.period) && periodStart <= e.cape.endsOn)
      return refuse('SALARY_UNDER_CAPE', `${c.entrepreneurId} is under a CAPE in ${c.period}: no salary is paid under a CAPE.`, { period: c.period });
    return refuse('SALARY_REQUIRES_CESA', `${c.entrepreneurId} has no CESA covering ${c.period}; only an entrepreneur salarié is paid a salary.`, {
      period: c.period,
    });
  }
  if (c.paidOn < periodStart) return refuse('DATE_OUT_OF_ORDER', `A salary for ${c.period} cannot be paid before the period starts.`);
  if (e.salaryPeriods[c.period]) return refuse('SALARY_ALREADY_PAID', `The salary of ${c.period} has already been paid to ${c.entrepreneurId}.`, { period: c.period });
  const gross = money(c.gross);
  const employee = c.employeeContributions !== undefined ? money(c.employeeContributions) : toCents(gross.times(s.cae.payroll.employeeRate));
  const employer = c.employerContributions !== undefined ? money(c.employerContributions) : toCents(gross.times(s.cae.payroll.employerRate));
  const employerCost = gross.plus(employer);
  const available = availableTreasury(e, s.cae.contribution, c.paidOn);
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

export const recordMeeting = (c: RecordMeeting, s: DecisionState): Decided => {
  const e = presentOn(c, s, c.heldOn);
  if (isRefusal(e)) return e;
  const forgotten = c.notes === undefined ? undefined : forgottenOn(s.cae, 'entrepreneur', c.entrepreneurId);
  if (forgotten !== undefined) return alreadyForgotten('entrepreneur', c.entrepreneurId, forgotten);
  return decided([
    emit(c.caeId, c.entrepreneurId, {
      type: 'MeetingRecorded',
      data: { caeId: c.caeId, entrepreneurId: c.entrepreneurId, heldOn: c.heldOn, kind: c.kind, hours: c.hours, ...(c.notes !== undefined ? { notes: c.notes } : {}) },
    }),
  ]);
};

export const exitEntrepreneur = (c: ExitEntrepreneur, s: DecisionState): Decided => {
  const e = known(c, s);
  if (isRefusal(e)) return e;
  if (e.exitedOn !== undefined) return refuse('ENTREPRENEUR_NOT_ACTIVE', `${c.entrepreneurId} already left the CAE on ${e.exitedOn}.`, { exitedOn: e.exitedOn });
  const lastFact = [e.integratedOn!, e.cape?.lastSignedOn, e.cesa?.signedOn].filter((d): d is string => d !== undefined).sort().at(-1)!;
  if (c.exitedOn < lastFact)
    return refuse('DATE_OUT_OF_ORDER', `The exit cannot predate the last integration or contract signature (${lastFact}).`, { lastFact });
  // Present until the day before the exit: an invoice, expense or meeting dated on or after it would be orphaned.
  if (e.lastActivityOn !== undefined && c.exitedOn <= e.lastActivityOn)
    return refuse('DATE_OUT_OF_ORDER', `${c.entrepreneurId} has activity recorded on ${e.lastActivityOn}; the exit must come after it.`, {
      lastActivityOn: e.lastActivityOn,
    });
  // The day before the exit is the last day of presence: every contract in force then ends.
  const lastDay = addDays(c.exitedOn, -1);
  const endedContracts: ('cape' | 'cesa')[] = [];
  if (e.cape && !e.cesa && e.cape.endsOn >= lastDay) endedContracts.push('cape');
  if (e.cesa) endedContracts.push('cesa');
  return decided(
    [
      emit(c.caeId, c.entrepreneurId, {
        type: 'EntrepreneurExited',
        data: {
          caeId: c.caeId,
          entrepreneurId: c.entrepreneurId,
          exitedOn: c.exitedOn,
          reason: c.reason,
          positive: POSITIVE_EXIT_REASONS.includes(c.reason),
          endedContracts,
        },
      }),
    ],
    { endedContracts },
  );
};
