import { Decimal } from '../money';
import { SMIC_HOURLY, smicOn } from './smic';

describe('the SMIC’s hourly gross (métropole)', () => {
  it.each([
    ['2010-01-01', '8.86'],
    ['2016-06-15', '9.67'],
    ['2021-09-30', '10.25'],
    ['2021-10-01', '10.48'],
    ['2022-07-31', '10.85'],
    ['2024-10-31', '11.65'],
    ['2024-11-01', '11.88'],
    ['2025-12-31', '11.88'],
    ['2026-01-01', '12.02'],
    ['2031-05-01', '12.02'],
  ])('on %s is %s €/h', (date, hourly) => {
    expect(smicOn(date)).toEqual({ from: expect.any(String), hourly });
  });

  it('is unknown before 2010', () => {
    expect(smicOn('2009-12-31')).toBeUndefined();
  });

  it('is a table in date order whose values never go down, every one a 2-decimal string', () => {
    const froms = SMIC_HOURLY.map((r) => r.from);
    expect([...froms].sort()).toEqual(froms);
    expect(new Set(froms).size).toBe(froms.length);
    for (const [previous, next] of SMIC_HOURLY.slice(1).map((row, i) => [SMIC_HOURLY[i]!, row] as const)) expect(new Decimal(next.hourly).greaterThan(previous.hourly)).toBe(true);
    expect(SMIC_HOURLY.every((r) => /^\d+\.\d{2}$/.test(r.hourly))).toBe(true);
  });
});
