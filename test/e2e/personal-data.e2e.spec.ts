import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPersonalFields } from '../../libs/application';
import { COMMAND_TYPES } from '../../libs/domain';
import { FORGOTTEN, isSealed } from '../../libs/personal-data';
import { exampleData } from '../fixtures/commands';
import { startHarness, type Harness } from './api-harness';

const story = COMMAND_TYPES.filter((t) => t !== 'ForgetPerson').map((type) => ({ type, commandId: `s-${type}`, data: exampleData(type) }));
const person = exampleData('IntegrateEntrepreneur').person;

describe('personal data: sealed per person, forgotten by destroying the key', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.http().post('/api/commands').send(story).expect(200);
  });
  afterEach(async () => {
    await h.close();
  });

  const integration = async () => (await h.runtime.store.readStream('entrepreneur-coodyssee-e-001'))[0]!;

  it('the log holds no personal data in clear, not even in the SQLite file', async () => {
    const event = await integration();
    expect(isSealed(event.data['profile'])).toBe(true);
    const file = readFileSync(join(h.dataDir, 'events.db')).toString('latin1') + readFileSync(join(h.dataDir, 'events.db-wal')).toString('latin1');
    expect(file).toContain('Graphisme'); // the activity is not personal and is stored
    expect(file).not.toContain(person.lastName);
    expect(file).not.toContain(person.firstName);
  });

  it('the key store opens the data for projections and exports', async () => {
    const event = await integration();
    const opened = await openPersonalFields(event.type, event.data, h.runtime.vault);
    expect(opened['profile']).toMatchObject({ ...person, situationAtEntry: 'unemployed', parallelActivity: false });
  });

  it('a private client’s name is sealed too; a company’s stays in clear', async () => {
    const individual = { ...exampleData('IssueInvoice'), issuedOn: '2016-09-25', client: { name: 'Jeanne Privée', kind: 'individual' } };
    const res = await h.http().post('/api/commands').send({ type: 'IssueInvoice', commandId: 'private', data: individual }).expect(200);
    const events = await h.runtime.store.readStream('entrepreneur-coodyssee-e-001');
    const privateInvoice = events.find((e) => e.type === 'InvoiceIssued' && e.data['number'] === res.body.result.number)!;
    const companyInvoice = events.find((e) => e.type === 'InvoiceIssued' && e.data['number'] === '2016-000001')!;
    expect(JSON.stringify(privateInvoice.data)).not.toContain('Jeanne');
    expect((privateInvoice.data['client'] as Record<string, unknown>)['kind']).toBe('individual');
    expect(JSON.stringify(companyInvoice.data)).toContain('Mairie de Gap');
  });

  it('ForgetPerson destroys the key: the data reads [forgotten], money and chain unchanged', async () => {
    const before = await h.runtime.store.readStream('entrepreneur-coodyssee-e-001');
    await h.http().post('/api/commands').send({ type: 'ForgetPerson', commandId: 'forget', data: { caeId: 'coodyssee', personId: 'e-001' } }).expect(200);
    expect(await h.runtime.keys.isForgotten('coodyssee', 'e-001')).toBe(true);
    const after = await h.runtime.store.readStream('entrepreneur-coodyssee-e-001');
    expect(after).toEqual(before);
    const opened = await openPersonalFields(after[0]!.type, after[0]!.data, h.runtime.vault);
    expect(opened['profile']).toBe(FORGOTTEN);
    const cae = await h.runtime.store.readStream('cae-coodyssee');
    expect(cae.at(-1)).toMatchObject({ type: 'PersonForgotten', data: { personId: 'e-001' } });
    expect(JSON.stringify(cae.at(-1)!.data)).not.toContain(person.lastName);
    const report = await h.runtime.store.verify();
    expect(report.ok).toBe(true);
  });

  it('stays forgotten after a restart', async () => {
    await h.http().post('/api/commands').send({ type: 'ForgetPerson', commandId: 'forget', data: { caeId: 'coodyssee', personId: 'e-001' } }).expect(200);
    await h.restart();
    const event = await integration();
    expect(await openPersonalFields(event.type, event.data, h.runtime.vault)).toMatchObject({ profile: FORGOTTEN });
    expect((await h.runtime.store.verify()).ok).toBe(true);
  });
});
