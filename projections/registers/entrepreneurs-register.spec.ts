import type { DomainEvent } from '../../libs/domain';
import { entrepreneurIntegrated, meetingRecorded, sharesRedeemed, storyUpTo } from '../testing/events';
import { entrepreneursRegister } from './queries';
import { registers } from './spec-support';

/** Given the events, the last one as `when`, then the register of entrepreneurs. */
const registerAfter = async (...events: DomainEvent[]) => entrepreneursRegister(await registers(...events.slice(0, -1)).when(events.at(-1)!), 'coodyssee');
const statusAfter = async (...events: DomainEvent[]) => (await registerAfter(...events))?.entrepreneurs[0]?.status;

describe('register of entrepreneurs', () => {
  it('given the example story, then the entrepreneur is listed with person, activity and every step of the path', async () => {
    expect((await registerAfter(...storyUpTo('EntrepreneurExited')))?.entrepreneurs).toEqual([
      {
        entrepreneurId: 'e-001',
        person: { firstName: 'Camille', lastName: 'Martin', gender: 'F', birthYear: 1984, postalCode: '05000', city: 'Gap' },
        activity: { description: 'Graphisme et identité visuelle', sector: 'Communication' },
        status: 'exited',
        history: [
          { on: '2016-01-11', event: 'integrated', integration: 1, activity: { description: 'Graphisme et identité visuelle', sector: 'Communication' } },
          { on: '2016-01-11', event: 'cape_signed', months: 6, endsOn: '2016-07-10' },
          { on: '2016-07-01', event: 'cape_renewed', months: 2, renewal: 1, endsOn: '2016-09-10', totalMonths: 8 },
          { on: '2016-09-01', event: 'cesa_signed', associateDeadline: '2019-01-10', trialPeriodEndsOn: '2016-09-09' },
          { on: '2016-11-15', event: 'associate_admitted', associateId: 'a-001', shares: 4 },
          { on: '2016-12-30', event: 'exited', reason: 'company_creation', positive: true },
        ],
      },
    ]);
  });

  it('given a CAPE in force, then the status is cape', async () => {
    expect(await statusAfter(...storyUpTo('CapeSigned'))).toBe('cape');
  });

  it('given a CAPE that ended without a CESA, then the status is integrated', async () => {
    expect(await statusAfter(...storyUpTo('CapeSigned'), meetingRecorded({ heldOn: '2016-08-01' }))).toBe('integrated');
  });

  it('given a CESA, then the status is cesa', async () => {
    expect(await statusAfter(...storyUpTo('CesaSigned'))).toBe('cesa');
  });

  it('given an entrepreneur salarié admitted as an associate, then the status is associate', async () => {
    expect(await statusAfter(...storyUpTo('AssociateAdmitted'))).toBe('associate');
  });

  it('given an associate who redeemed all shares, then a line says so and the status is cesa again', async () => {
    const register = await registerAfter(...storyUpTo('AssociateAdmitted'), sharesRedeemed({ shares: 4, amount: '100.00', remainingShares: 0, leftAssociation: true }));
    expect(register?.entrepreneurs[0]?.status).toBe('cesa');
    expect(register?.entrepreneurs[0]?.history.at(-1)).toEqual({ on: '2016-12-01', event: 'associate_left', associateId: 'a-001' });
  });

  it('given a return after an exit, then a new line records it and the status starts again from the new integration', async () => {
    const activity = { description: 'Illustration', sector: 'Arts' };
    const register = await registerAfter(...storyUpTo('EntrepreneurExited'), entrepreneurIntegrated({ integratedOn: '2017-03-01', integration: 2, activity }));
    expect(register?.entrepreneurs[0]).toMatchObject({ status: 'integrated', activity });
    expect(register?.entrepreneurs[0]?.history.at(-1)).toEqual({ on: '2017-03-01', event: 'returned', integration: 2, activity });
    expect(register?.entrepreneurs[0]?.history).toHaveLength(7);
  });

  it('given two entrepreneurs, then they are listed in order of first integration, not of recording', async () => {
    const register = await registerAfter(...storyUpTo('CapeSigned'), entrepreneurIntegrated({ entrepreneurId: 'e-002', integratedOn: '2016-01-05' }));
    expect(register?.entrepreneurs.map((e) => e.entrepreneurId)).toEqual(['e-002', 'e-001']);
  });

  it('given an unknown CAE, then there is no register', async () => {
    expect(await entrepreneursRegister(await registers().when(...storyUpTo('CaeRegistered')), 'elsewhere')).toBeUndefined();
  });
});
