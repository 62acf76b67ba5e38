import { formatMoney, money, type DomainEvent } from '../../libs/domain';
import {
  associateAdmitted,
  caeRegistered,
  capeRenewed,
  capeSigned,
  cesaSigned,
  entrepreneurExited,
  entrepreneurIntegrated,
  meetingRecorded,
  storyUpTo,
} from '../testing/events';
import { compliance } from './queries';
import { registers } from './spec-support';

/** Given the events, the last one as `when`, then the compliance checks (as of `today`, or the latest business date). */
const complianceAfter = async (events: DomainEvent[], today?: string) => compliance(await registers(...events.slice(0, -1)).when(events.at(-1)!), 'coodyssee', today);

/** e-001 under a CESA from the integration on 11 Jan 2016 (associate deadline: 11 Jan 2019). */
const cesaFromJanuary: DomainEvent[] = [
  caeRegistered(),
  entrepreneurIntegrated(),
  cesaSigned({ signedOn: '2016-01-11', capeDays: 0, associateDeadline: '2019-01-11', trialPeriodEndsOn: '2016-09-11' }),
];

/** Admitted on 15 Nov 2016, like a-001. */
const associate = (associateId: string, shares: number, category: 'staff' | 'external'): DomainEvent =>
  associateAdmitted({ associateId, shares, amount: formatMoney(money('25.00').times(shares)), category, entrepreneurId: undefined, person: { name: associateId } });

describe('compliance: CAPE (C. com. L127-1)', () => {
  it('given a CAPE ending in more than 90 days and renewable, then nothing is to be done', async () => {
    expect((await complianceAfter(storyUpTo('CapeSigned')))?.capes).toEqual({ ok: true, items: [] });
  });

  it('given a CAPE ending within 90 days, then it is announced with the days left', async () => {
    expect((await complianceAfter(storyUpTo('CapeSigned'), '2016-04-15'))?.capes).toEqual({
      ok: false,
      items: [{ entrepreneurId: 'e-001', endsOn: '2016-07-10', daysLeft: 86, renewals: 0, totalMonths: 6, atLimit: false }],
    });
  });

  it('given a CAPE renewed twice, then it is at its limit however far its end', async () => {
    const atLimit = await complianceAfter([
      ...storyUpTo('EntrepreneurIntegrated'),
      capeSigned({ months: 12, endsOn: '2017-01-10', totalMonths: 12 }),
      capeRenewed({ renewedOn: '2016-12-01', months: 12, renewal: 1, previousEndsOn: '2017-01-10', endsOn: '2018-01-10', totalMonths: 24 }),
      capeRenewed({ renewedOn: '2017-12-01', months: 12, renewal: 2, previousEndsOn: '2018-01-10', endsOn: '2019-01-10', totalMonths: 36 }),
    ]);
    expect(atLimit?.capes.items).toEqual([{ entrepreneurId: 'e-001', endsOn: '2019-01-10', daysLeft: 405, renewals: 2, totalMonths: 36, atLimit: true }]);
  });
});

describe('compliance: associate deadline (C. trav. L7331-3)', () => {
  it('given a deadline within 90 days, then it is announced', async () => {
    expect((await complianceAfter(cesaFromJanuary, '2018-11-01'))?.associateDeadlines).toEqual({
      ok: false,
      items: [{ entrepreneurId: 'e-001', cesaSignedOn: '2016-01-11', associateDeadline: '2019-01-11', daysLeft: 71, missed: false }],
    });
  });

  it('given a deadline passed while still not an associate, then it is missed', async () => {
    expect((await complianceAfter(cesaFromJanuary, '2019-02-01'))?.associateDeadlines.items).toEqual([expect.objectContaining({ entrepreneurId: 'e-001', missed: true })]);
  });

  it('given the entrepreneur became an associate, then there is no deadline to watch', async () => {
    expect((await complianceAfter([...cesaFromJanuary, associateAdmitted()], '2018-11-01'))?.associateDeadlines).toEqual({ ok: true, items: [] });
  });
});

describe('compliance: individual meetings (décret 2015-1363)', () => {
  it('given one individual meeting and a workshop in the year, then the entrepreneur is below two meetings', async () => {
    const meetings = [meetingRecorded(), meetingRecorded({ heldOn: '2016-12-06', kind: 'workshop' })];
    expect((await complianceAfter([...cesaFromJanuary, ...meetings]))?.meetings).toEqual({ year: 2016, ok: false, items: [{ entrepreneurId: 'e-001', individualMeetings: 1 }] });
  });

  it('given two individual meetings in the year, then the entrepreneur is followed', async () => {
    const meetings = [meetingRecorded({ heldOn: '2016-03-01' }), meetingRecorded()];
    expect((await complianceAfter([...cesaFromJanuary, ...meetings]))?.meetings).toEqual({ year: 2016, ok: true, items: [] });
  });

  it('given an entrepreneur who left, then they are not counted', async () => {
    expect((await complianceAfter([...cesaFromJanuary, entrepreneurExited()]))?.meetings.items).toEqual([]);
  });
});

describe('compliance: SCOP thresholds', () => {
  it('given employee-associates holding 11 of 14 shares and 3 of 4 votes, then both thresholds are met', async () => {
    const members = await complianceAfter([
      ...cesaFromJanuary,
      associateAdmitted(),
      associate('a-staff', 6, 'staff'),
      associate('a-ext', 3, 'external'),
      associate('a-staff-2', 1, 'staff'),
    ]);
    expect(members?.scop).toEqual({
      capital: { totalShares: 14, employeeShares: 11, employeeShare: '0.7857', minimum: '0.51', ok: true },
      votes: { associates: 4, employeeAssociates: 3, employeeShare: '0.7500', minimum: '0.65', ok: true },
      majorityHolders: { ok: true, items: [] },
    });
  });

  it('given an external associate holding most shares, then the capital and votes thresholds fail and the holder is named', async () => {
    const scop = (await complianceAfter([...cesaFromJanuary, associateAdmitted(), associate('a-ext', 10, 'external')]))?.scop;
    expect(scop?.capital).toMatchObject({ employeeShare: '0.2857', ok: false });
    expect(scop?.votes).toMatchObject({ employeeShare: '0.5000', ok: false });
    expect(scop?.majorityHolders).toEqual({ ok: false, items: [{ associateId: 'a-ext', shares: 10, share: '0.7143' }] });
  });

  it('given an entrepreneur-associate who left the CAE, then their shares no longer count as employees’', async () => {
    const scop = (await complianceAfter([...cesaFromJanuary, associateAdmitted(), associate('a-ext', 3, 'external'), entrepreneurExited()]))?.scop;
    expect(scop?.capital).toMatchObject({ totalShares: 7, employeeShares: 0 });
  });

  it('given a date before a subscription, then the capital is the one held that day', async () => {
    const scop = (await complianceAfter([...cesaFromJanuary, associateAdmitted(), associate('a-ext', 3, 'external')], '2016-11-14'))?.scop;
    expect(scop?.capital).toMatchObject({ totalShares: 0, ok: false });
  });

  it('given a SCIC, then the SCOP thresholds do not apply', async () => {
    expect((await complianceAfter([caeRegistered({ legalForm: 'SCIC' })]))?.scop).toBeNull();
  });
});

describe('compliance: the day checked', () => {
  it('given no day asked for, then the checks are as of the latest business date seen', async () => {
    expect((await complianceAfter(storyUpTo('CapeRenewed')))?.today).toBe('2016-07-01');
  });

  it('given an unknown CAE, then there is nothing to check', async () => {
    expect(await compliance(await registers(...cesaFromJanuary.slice(0, -1)).when(cesaFromJanuary.at(-1)!), 'elsewhere')).toBeUndefined();
  });
});
