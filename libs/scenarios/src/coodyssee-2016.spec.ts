import type { ProjectedEvent } from '../../../projections/projection';
import { eventsOf } from '../../../test/support/events-of';
import { addDays, type IsoDate } from '../../domain';
import { coodyssee2016 } from './coodyssee-2016';

/**
 * The scenario must go through the real deciders (eventsOf throws on the first refusal) and also respect the
 * rules the deciders leave to compliance reports: the associate deadline and the SCOP's capital and votes.
 */
describe('the Coodyssée 2016 scenario', () => {
  let events: ProjectedEvent[];
  beforeAll(async () => {
    events = await eventsOf(coodyssee2016());
  });

  const of = <T extends ProjectedEvent['type']>(type: T) => events.filter((e): e is Extract<ProjectedEvent, { type: T }> => e.type === type);

  it('is accepted command by command by the real deciders', () => {
    expect(of('CaeRegistered')).toHaveLength(1);
    expect(of('EntrepreneurIntegrated')).toHaveLength(109);
  });

  it('is deterministic: the same envelopes, ids included, on every call', () => {
    expect(coodyssee2016()).toEqual(coodyssee2016());
  });

  it('numbers its 2016 invoices and credit notes without gap, in the order of their dates', () => {
    const numbers = of('InvoiceNumberAssigned').map((e) => e.data);
    expect(numbers.map((n) => n.sequence)).toEqual(numbers.map((_, i) => i + 1));
    expect(numbers.map((n) => n.issuedOn)).toEqual(numbers.map((n) => n.issuedOn).sort());
    expect(numbers.filter((n) => n.document === 'credit_note')).toHaveLength(2);
  });

  it('leaves no entrepreneur salarié past the associate deadline (C. trav. L7331-3), except those who left for it', () => {
    const associates = new Set(of('AssociateAdmitted').flatMap((e) => (e.data.entrepreneurId ? [e.data.entrepreneurId] : [])));
    const exits = new Map(of('EntrepreneurExited').map((e) => [e.data.entrepreneurId, e.data]));
    const late = of('CesaSigned').filter(({ data: { entrepreneurId, associateDeadline } }) => {
      const exit = exits.get(entrepreneurId);
      if (exit?.reason === 'associate_deadline_missed') return exit.exitedOn <= associateDeadline;
      return !associates.has(entrepreneurId) && associateDeadline < (exit ? addDays(exit.exitedOn, -1) : '2016-12-31');
    });
    expect(late.map((e) => e.data.entrepreneurId)).toEqual([]);
    expect([...exits.values()].filter((e) => e.reason === 'associate_deadline_missed')).toHaveLength(2);
  });

  it('keeps a SCOP: employee associates hold ≥ 51% of the capital and ≥ 65% of the votes, no one > 50% of it', () => {
    const registerOn = (d: IsoDate) => {
      const shares = new Map<string, { category: string; shares: number }>();
      for (const e of of('AssociateAdmitted')) if (e.data.admittedOn <= d) shares.set(e.data.associateId, { category: e.data.category, shares: e.data.shares });
      for (const e of of('SharesRedeemed')) if (e.data.redeemedOn <= d) shares.get(e.data.associateId)!.shares -= e.data.shares;
      return [...shares.values()].filter((a) => a.shares > 0);
    };
    for (const d of ['2015-12-31', '2016-12-31']) {
      const members = registerOn(d);
      const employees = members.filter((a) => a.category !== 'external');
      const capital = members.reduce((n, a) => n + a.shares, 0);
      expect(employees.reduce((n, a) => n + a.shares, 0) / capital).toBeGreaterThanOrEqual(0.51);
      expect(employees.length / members.length).toBeGreaterThanOrEqual(0.65);
      expect(Math.max(...members.map((a) => a.shares)) / capital).toBeLessThanOrEqual(0.5);
    }
  });
});
