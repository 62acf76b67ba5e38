import { openInMemory } from '../../libs/application';
import type { ReadModels } from '../projection';
import { eventsOf, MemoryDocs, type Envelope } from '../testing/harness';
import { FORGOTTEN } from './documents';
import { registersProjection } from './projection';
import { associatesRegister, compliance, entrepreneursRegister, invoices, shareMovements } from './queries';
import { command, storyUpTo } from './spec-support';

/** The example story, plus an external associate and an invoice to a private client (2016-000003). */
const story: Envelope[] = [
  ...storyUpTo('ExitEntrepreneur'),
  command('AdmitAssociate', { associateId: 'a-ext', admittedOn: '2016-12-30', shares: 2, category: 'external', entrepreneurId: undefined, person: { name: 'Jean Roche' } }),
];
const withPrivateClient: Envelope[] = [
  ...storyUpTo('SignCesa'),
  command('IssueInvoice', { client: { name: 'Jeanne Dupont', kind: 'individual', postalCode: '05000' } }),
  command('RecordPayment'),
];

/**
 * The registers before and after ForgetPerson: `live` saw the person's data in clear, then the erasure;
 * `rebuilt` is projected from scratch afterwards, when the log opens to '[forgotten]'.
 */
const forgetting = async (commands: Envelope[], personId: string) => {
  const runtime = openInMemory();
  const opened = await eventsOf(commands, runtime);
  const afterwards = await eventsOf([command('ForgetPerson', { personId })], runtime);
  return {
    before: new MemoryDocs().run(registersProjection, opened),
    live: new MemoryDocs().run(registersProjection, [...opened, ...afterwards.slice(opened.length)]),
    rebuilt: new MemoryDocs().run(registersProjection, afterwards),
  };
};

const everyRegister = async (models: ReadModels) => ({
  entrepreneurs: await entrepreneursRegister(models, 'coodyssee'),
  associates: await associatesRegister(models, 'coodyssee'),
  movements: await shareMovements(models, 'coodyssee'),
  invoices: await invoices(models, 'coodyssee'),
  compliance: await compliance(models, 'coodyssee'),
});

const forgottenPerson = { firstName: FORGOTTEN, lastName: FORGOTTEN, gender: FORGOTTEN, birthYear: FORGOTTEN, postalCode: FORGOTTEN, city: FORGOTTEN };

describe('forgetting a person (erasure on request)', () => {
  it('given an entrepreneur forgotten, then the register shows [forgotten] for each personal field', async () => {
    const { live } = await forgetting(story, 'e-001');
    expect((await entrepreneursRegister(live, 'coodyssee'))?.entrepreneurs[0]?.person).toEqual(forgottenPerson);
  });

  it('given an entrepreneur forgotten, then every other line, amount and count is unchanged', async () => {
    const { before, live } = await forgetting(story, 'e-001');
    const [was, is] = [await everyRegister(before), await everyRegister(live)];
    expect({ ...is, entrepreneurs: undefined }).toEqual({ ...was, entrepreneurs: undefined });
    expect(is.entrepreneurs?.entrepreneurs.map(({ person: _person, ...rest }) => rest)).toEqual(was.entrepreneurs?.entrepreneurs.map(({ person: _person, ...rest }) => rest));
  });

  it('given an external associate forgotten, then their name reads [forgotten] and the capital is unchanged', async () => {
    const { before, live } = await forgetting(story, 'a-ext');
    expect((await associatesRegister(live, 'coodyssee'))?.associates.find((a) => a.associateId === 'a-ext')?.name).toBe(FORGOTTEN);
    expect(await shareMovements(live, 'coodyssee')).toEqual(await shareMovements(before, 'coodyssee'));
  });

  it('given a private client forgotten, then the invoice names no one and its amounts are unchanged', async () => {
    const { before, live } = await forgetting(withPrivateClient, 'client-2016-000001');
    const [was, is] = [(await invoices(before, 'coodyssee'))!.invoices[0]!, (await invoices(live, 'coodyssee'))!.invoices[0]!];
    expect(is.client).toEqual({ kind: 'individual', name: FORGOTTEN });
    expect({ ...is, client: undefined }).toEqual({ ...was, client: undefined });
  });

  it('given a rebuild after the erasure, then the documents are those the live projection left', async () => {
    for (const [commands, personId] of [
      [story, 'e-001'],
      [story, 'a-ext'],
      [withPrivateClient, 'client-2016-000001'],
    ] as const) {
      const { live, rebuilt } = await forgetting(commands, personId);
      expect(rebuilt.docs).toEqual(live.docs);
    }
  });
});
