import { COMMAND_TYPES, COMMANDS, planOf } from './registry';
import { formatDocumentNumber, seriesYearOf } from '../streams';
import { admitAssociate, admitEntrepreneur, CAE, issueCreditNote, issueInvoice, recordPayment, redeemShares, registerCae, signCape } from '../testing';

describe('planOf: the aggregates a command is decided against', () => {
  it('reads only the CAE to register it', () => {
    expect(planOf(registerCae())).toEqual({ caeId: CAE, writes: ['cae'] });
  });

  it("reads the entrepreneur for a contract", () => {
    expect(planOf(signCape('alice', '2016-01-04', 6))).toEqual({ caeId: CAE, entrepreneurId: 'alice', writes: ['entrepreneur'] });
  });

  it('reads the entrepreneur and the series of the issue year for an invoice', () => {
    expect(planOf(issueInvoice('alice', '2017-01-02'))).toEqual({ caeId: CAE, entrepreneurId: 'alice', seriesYear: 2017, writes: ['entrepreneur', 'series'] });
  });

  it("reads the invoice's series to find it, and the series of the issue year to number a credit note", () => {
    expect(planOf(issueCreditNote('2016-000042', '2017-01-05'))).toEqual({ caeId: CAE, document: { number: '2016-000042', seriesYear: 2016 }, seriesYear: 2017, writes: ['entrepreneur', 'series'] });
  });

  it("reads the invoice's series to find the invoice a payment settles", () => {
    expect(planOf(recordPayment('2016-000042', '2017-01-05', '10.00'))).toEqual({ caeId: CAE, document: { number: '2016-000042', seriesYear: 2016 }, writes: ['entrepreneur'] });
  });

  it('reads the associate, and the entrepreneur when the associate is one', () => {
    expect(planOf(admitAssociate('banque', '2016-03-01', 1))).toEqual({ caeId: CAE, associateId: 'banque', writes: ['associate'] });
    expect(planOf(admitEntrepreneur('esa-alice', 'alice', '2016-03-01'))).toEqual({ caeId: CAE, associateId: 'esa-alice', entrepreneurId: 'alice', writes: ['associate'] });
    expect(planOf(redeemShares('banque', '2016-03-01', 1))).toEqual({ caeId: CAE, associateId: 'banque', writes: ['associate'] });
  });
});

describe('document numbers', () => {
  it('are the year and a 6-digit sequence', () => {
    expect(formatDocumentNumber(2016, 1)).toBe('2016-000001');
    expect(formatDocumentNumber(2019, 123)).toBe('2019-000123');
    expect(seriesYearOf('2019-000123')).toBe(2019);
  });
});

describe('the registry', () => {
  it('lists every command its slices declare, once, in the order of a CAE life', () => {
    expect([...COMMAND_TYPES].sort()).toEqual(Object.keys(COMMANDS).sort());
    expect(new Set(COMMAND_TYPES).size).toBe(COMMAND_TYPES.length);
  });
});
