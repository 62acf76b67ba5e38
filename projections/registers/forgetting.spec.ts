import { formatMoney, money, type AssociatePerson, type DomainEvent, type PersonKind } from '../../libs/domain';
import type { ReadModels } from '../projection';
import { associateAdmitted, entrepreneurIntegrated, paymentRecorded, personForgotten, storyUpTo } from '../testing/events';
import { sealedAway } from '../testing/given';
import { FORGOTTEN } from './documents';
import { associatesRegister, compliance, entrepreneursRegister, invoices, shareMovements } from './queries';
import { registers, toPrivateClient } from './spec-support';

/** A staff member or an external body, admitted on 30 Dec 2016 at 25.00 a share. */
const admitted = (associateId: string, shares: number, category: 'staff' | 'external', person: AssociatePerson): DomainEvent =>
  associateAdmitted({ associateId, admittedOn: '2016-12-30', shares, amount: formatMoney(money('25.00').times(shares)), category, entrepreneurId: undefined, person });

/** The example story, plus an external associate; and an invoice to a private client (2016-000001). */
const story: DomainEvent[] = [...storyUpTo('EntrepreneurExited'), admitted('a-ext', 2, 'external', { name: 'Jean Roche' })];
const withPrivateClient: DomainEvent[] = [...storyUpTo('CesaSigned'), toPrivateClient('2016-000001'), paymentRecorded()];

/**
 * The registers before and after PersonForgotten: `live` saw the person's data in clear, then the erasure;
 * `rebuilt` is projected from scratch afterwards, when the log opens to '[forgotten]'.
 */
const forgetting = async (events: DomainEvent[], kind: PersonKind, personId: string) => {
  const erasure = personForgotten({ kind, personId });
  return {
    before: await registers(...events.slice(0, -1)).when(events.at(-1)!),
    live: await registers(...events).when(erasure),
    rebuilt: await registers(...sealedAway(events, kind, personId)).when(erasure),
  };
};

const everyRegister = async (models: ReadModels) => ({
  entrepreneurs: await entrepreneursRegister(models, 'coodyssee'),
  associates: await associatesRegister(models, 'coodyssee'),
  movements: await shareMovements(models, 'coodyssee'),
  invoices: await invoices(models, 'coodyssee'),
  compliance: await compliance(models, 'coodyssee'),
});

/** Entrepreneur `p1` and staff associate `p1`: two people with one id, each their own key (failure 3 of issue 9). */
const samePersonIds: DomainEvent[] = [
  ...storyUpTo('CaeRegistered'),
  entrepreneurIntegrated({
    entrepreneurId: 'p1',
    profile: { firstName: 'Paula', lastName: 'Entrepreneure', gender: 'F', birthYear: 1980, situationAtEntry: 'unemployed', parallelActivity: false },
  }),
  admitted('p1', 2, 'staff', { name: 'Pierre Salarié' }),
];

const forgottenPerson = { firstName: FORGOTTEN, lastName: FORGOTTEN, gender: FORGOTTEN, birthYear: FORGOTTEN, postalCode: FORGOTTEN, city: FORGOTTEN };

describe('forgetting a person (erasure on request)', () => {
  it('given an entrepreneur forgotten, then the register shows [forgotten] for each personal field', async () => {
    const { live } = await forgetting(story, 'entrepreneur', 'e-001');
    expect((await entrepreneursRegister(live, 'coodyssee'))?.entrepreneurs[0]?.person).toEqual(forgottenPerson);
  });

  it('given an entrepreneur forgotten, then the activity description (free text, sealed) reads [forgotten] everywhere; the sector stays', async () => {
    const { live } = await forgetting(story, 'entrepreneur', 'e-001');
    const entrepreneur = (await entrepreneursRegister(live, 'coodyssee'))!.entrepreneurs[0]!;
    expect(entrepreneur.activity).toEqual({ description: FORGOTTEN, sector: 'Communication' });
    expect(entrepreneur.history.filter((l) => l.event === 'integrated')).toEqual([expect.objectContaining({ activity: { description: FORGOTTEN, sector: 'Communication' } })]);
  });

  it('given an entrepreneur forgotten, then every other line, amount and count is unchanged', async () => {
    const { before, live } = await forgetting(story, 'entrepreneur', 'e-001');
    const [was, is] = [await everyRegister(before), await everyRegister(live)];
    expect({ ...is, entrepreneurs: undefined }).toEqual({ ...was, entrepreneurs: undefined });
    const withoutPersonalData = ({ person: _person, activity, history, ...rest }: NonNullable<typeof is.entrepreneurs>['entrepreneurs'][number]) => ({
      ...rest,
      sector: activity.sector,
      history: history.map((line) => ('activity' in line ? { ...line, activity: line.activity.sector } : line)),
    });
    expect(is.entrepreneurs?.entrepreneurs.map(withoutPersonalData)).toEqual(was.entrepreneurs?.entrepreneurs.map(withoutPersonalData));
  });

  it('given an external associate forgotten, then their name reads [forgotten] and the capital is unchanged', async () => {
    const { before, live } = await forgetting(story, 'associate', 'a-ext');
    expect((await associatesRegister(live, 'coodyssee'))?.associates.find((a) => a.associateId === 'a-ext')?.name).toBe(FORGOTTEN);
    expect(await shareMovements(live, 'coodyssee')).toEqual(await shareMovements(before, 'coodyssee'));
  });

  it.each([
    ['a natural person', 'staff', { firstName: 'Léa', lastName: 'Roux', birthYear: 1980 }],
    ['an organisation', 'external', { organisation: { name: 'Alpes Solidaires', siren: '123456789' } }],
    ['the first form { name }', 'external', { name: 'Jean Roche' }],
  ] as const)('given an associate admitted as %s forgotten, then their name reads [forgotten], live and rebuilt', async (_form, category, person) => {
    const { live, rebuilt } = await forgetting([...storyUpTo('CaeRegistered'), admitted('a-9', 4, category, person)], 'associate', 'a-9');
    for (const models of [live, rebuilt]) expect((await associatesRegister(models, 'coodyssee'))?.associates.map((a) => a.name)).toEqual([FORGOTTEN]);
    expect(rebuilt.docs).toEqual(live.docs);
  });

  it('given a private client forgotten, then the invoice names no one and its amounts are unchanged', async () => {
    const { before, live } = await forgetting(withPrivateClient, 'client', '2016-000001');
    const [was, is] = [(await invoices(before, 'coodyssee'))!.invoices[0]!, (await invoices(live, 'coodyssee'))!.invoices[0]!];
    expect(is.client).toEqual({ kind: 'individual', name: FORGOTTEN, clientId: null });
    expect({ ...is, client: undefined }).toEqual({ ...was, client: undefined });
  });

  it('given a rebuild after the erasure, then the documents are those the live projection left', async () => {
    for (const [events, kind, personId] of [
      [story, 'entrepreneur', 'e-001'],
      [story, 'associate', 'a-ext'],
      [withPrivateClient, 'client', '2016-000001'],
      [samePersonIds, 'entrepreneur', 'p1'],
      [samePersonIds, 'associate', 'p1'],
    ] as const) {
      const { live, rebuilt } = await forgetting(events, kind, personId);
      expect(rebuilt.docs).toEqual(live.docs);
    }
  });

  describe('one id, two kinds of person: each forgotten alone', () => {
    const entrepreneurP1 = async (models: ReadModels) => (await entrepreneursRegister(models, 'coodyssee'))!.entrepreneurs.find((e) => e.entrepreneurId === 'p1')!;
    const associateP1 = async (models: ReadModels) => (await associatesRegister(models, 'coodyssee'))!.associates.find((a) => a.associateId === 'p1')!;

    it('forgetting entrepreneur p1 leaves staff associate p1’s name intact', async () => {
      const { live, rebuilt } = await forgetting(samePersonIds, 'entrepreneur', 'p1');
      for (const models of [live, rebuilt]) {
        expect((await entrepreneurP1(models)).person).toEqual(forgottenPerson);
        expect((await associateP1(models)).name).toBe('Pierre Salarié');
      }
    });

    it('forgetting associate p1 leaves entrepreneur p1’s profile intact', async () => {
      const { live, rebuilt } = await forgetting(samePersonIds, 'associate', 'p1');
      for (const models of [live, rebuilt]) {
        expect((await associateP1(models)).name).toBe(FORGOTTEN);
        expect((await entrepreneurP1(models)).person).toMatchObject({ firstName: 'Paula', lastName: 'Entrepreneure' });
      }
    });
  });
});
