import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openPersonalFields, SERVER_RECORDED } from '../../libs/application';
import { ALL_PROJECTIONS } from '../../projections';
import { COMMAND_TYPES, entrepreneurStream, personKey } from '../../libs/domain';
import { FORGOTTEN, isSealed } from '../../libs/personal-data';
import { exampleData, storyOf } from '../fixtures/commands';
import { startHarness, type Harness } from './api-harness';

// The story a client sends: not the forgetting itself, nor an audit (recorded by its own route only).
const story = storyOf(COMMAND_TYPES.filter((t) => t !== 'ForgetPerson' && !SERVER_RECORDED.includes(t)), (type) => `s-${type}`);
const person = exampleData('IntegrateEntrepreneur').person;
// The story up to the integration of e-001.
const upToIntegration = story.slice(0, story.findIndex((e) => e.type === 'IntegrateEntrepreneur') + 1);

describe('personal data: sealed per person, forgotten by destroying the key', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.http().post('/api/commands').send(story).expect(200);
  });
  afterEach(async () => {
    await h.close();
  });

  const integration = async () => (await h.runtime.store.readStream(entrepreneurStream('coodyssee', 'e-001')))[0]!;

  it('the log holds no personal data in clear, not even in the SQLite file', async () => {
    const event = await integration();
    expect(isSealed(event.data['profile'])).toBe(true);
    const file = readFileSync(join(h.dataDir, 'events.db')).toString('latin1') + readFileSync(join(h.dataDir, 'events.db-wal')).toString('latin1');
    expect(file).toContain('Communication'); // the sector is not personal and is stored
    expect(file).not.toContain('Graphisme'); // the activity's description is free text about the person: sealed
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
    const events = await h.runtime.store.readStream(entrepreneurStream('coodyssee', 'e-001'));
    const privateInvoice = events.find((e) => e.type === 'InvoiceIssued' && e.data['number'] === res.body.result.number)!;
    const companyInvoice = events.find((e) => e.type === 'InvoiceIssued' && e.data['number'] === '2016-000001')!;
    expect(JSON.stringify(privateInvoice.data)).not.toContain('Jeanne');
    expect((privateInvoice.data['client'] as Record<string, unknown>)['kind']).toBe('individual');
    expect(JSON.stringify(companyInvoice.data)).toContain('Mairie de Gap');
  });

  const forgetE001 = { type: 'ForgetPerson', commandId: 'forget', data: { caeId: 'coodyssee', kind: 'entrepreneur', personId: 'e-001' } };

  it('ForgetPerson destroys the key: the data reads [forgotten], money and chain unchanged', async () => {
    const before = await h.runtime.store.readStream(entrepreneurStream('coodyssee', 'e-001'));
    await h.http().post('/api/commands').send(forgetE001).expect(200);
    expect(await h.runtime.keys.isForgotten('coodyssee', personKey('entrepreneur', 'e-001'))).toBe(true);
    const after = await h.runtime.store.readStream(entrepreneurStream('coodyssee', 'e-001'));
    expect(after).toEqual(before);
    const opened = await openPersonalFields(after[0]!.type, after[0]!.data, h.runtime.vault);
    expect(opened['profile']).toBe(FORGOTTEN);
    const cae = await h.runtime.store.readStream('cae-coodyssee');
    expect(cae.at(-1)).toMatchObject({ type: 'PersonForgotten', data: { kind: 'entrepreneur', personId: 'e-001' } });
    expect(JSON.stringify(cae.at(-1)!.data)).not.toContain(person.lastName);
    const report = await h.runtime.store.verify();
    expect(report.ok).toBe(true);
  });

  it('stays forgotten after a restart', async () => {
    await h.http().post('/api/commands').send(forgetE001).expect(200);
    await h.restart();
    const event = await integration();
    expect(await openPersonalFields(event.type, event.data, h.runtime.vault)).toMatchObject({ profile: FORGOTTEN });
    expect((await h.runtime.store.verify()).ok).toBe(true);
  });
});

describe('ForgetPerson over HTTP: the person named by kind and id, an unknown one refused', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const send = (body: object) => h.http().post('/api/commands').send(body);
  const forget = (commandId: string, kind: string, personId: string) => send({ type: 'ForgetPerson', commandId, data: { caeId: 'coodyssee', kind, personId } });

  it('an unknown person is 404 NOT_FOUND: nothing appended, no key destroyed', async () => {
    await send(upToIntegration).expect(200);
    const head = await h.runtime.store.headPosition();
    for (const [kind, personId] of [['entrepreneur', 'nobody'], ['associate', 'e-001'], ['client', '2016-000001']] as const) {
      const res = await forget(`forget-${kind}`, kind, personId).expect(404);
      expect(res.body.results?.[0]?.error?.code ?? res.body.error?.code).toBe('NOT_FOUND');
    }
    expect(await h.runtime.store.headPosition()).toBe(head);
    expect(await h.runtime.keys.isForgotten('coodyssee', personKey('entrepreneur', 'e-001'))).toBe(false);
  });

  it('a second ForgetPerson of the same person is refused PERSON_ALREADY_FORGOTTEN (422), nothing appended', async () => {
    await send(upToIntegration).expect(200);
    await forget('first', 'entrepreneur', 'e-001').expect(200);
    const head = await h.runtime.store.headPosition();
    const res = await forget('second', 'entrepreneur', 'e-001').expect(422);
    expect(JSON.stringify(res.body)).toContain('PERSON_ALREADY_FORGOTTEN');
    expect(await h.runtime.store.headPosition()).toBe(head);
  });
});

/**
 * After a forget, no byte of the person's data in any file the embedded profile writes (issue 9, failure 4):
 * the log holds only ciphertexts, the key is gone, and the read models, which hold opened data by design, are
 * blanked with secure_delete and their WAL emptied, also after a blue/green rebuild dropped a generation.
 */
describe('forgetting leaves no byte of the person on disk', () => {
  const CAE = 'coodyssee';
  // Strings found nowhere else, so that any occurrence in a file is this person's data.
  const entrepreneur = {
    firstName: 'Zorblaxine',
    lastName: 'Quaffertonne',
    postalCode: 'ZQ-90417',
    city: 'Vrillac-sur-Quenouille',
    description: 'Maroquinerie artisanale Zorblaxine Q.',
    notes: 'Projet discuté: atelier rue des Quenouillettes',
  };
  const client = { name: 'Hildebrandine Vortopoulos', postalCode: 'HV-33190' };
  const associate = { name: 'Gontrand Pluvieuxmarais', city: 'Ysengrinville' };
  const secrets = [...Object.values(entrepreneur), ...Object.values(client), ...Object.values(associate)];

  const commands = [
    { type: 'RegisterCae', data: exampleData('RegisterCae') },
    {
      type: 'IntegrateEntrepreneur',
      data: {
        caeId: CAE,
        entrepreneurId: 'e-777',
        integratedOn: '2016-01-11',
        person: { firstName: entrepreneur.firstName, lastName: entrepreneur.lastName, gender: 'F', birthYear: 1983, postalCode: entrepreneur.postalCode, city: entrepreneur.city },
        activity: { description: entrepreneur.description, sector: 'Artisanat' },
        situationAtEntry: 'unemployed',
        parallelActivity: false,
      },
    },
    { type: 'SignCesa', data: { caeId: CAE, entrepreneurId: 'e-777', signedOn: '2016-02-01' } },
    { type: 'RecordMeeting', data: { caeId: CAE, entrepreneurId: 'e-777', heldOn: '2016-02-10', kind: 'individual', hours: '1.5', notes: entrepreneur.notes } },
    {
      type: 'IssueInvoice',
      data: {
        caeId: CAE,
        entrepreneurId: 'e-777',
        issuedOn: '2016-02-15',
        client: { name: client.name, kind: 'individual', postalCode: client.postalCode },
        lines: [{ description: 'Sac en cuir', quantity: '1', unitPrice: '300.00', vatRate: '20' }],
      },
    },
    { type: 'AdmitAssociate', data: { caeId: CAE, associateId: 'a-777', admittedOn: '2016-03-01', shares: 2, category: 'staff', person: { name: associate.name, city: associate.city } } },
  ].map((c, i) => ({ ...c, commandId: `disk-${i}` }));
  const forgets = [
    { kind: 'entrepreneur', personId: 'e-777' },
    { kind: 'client', personId: '2016-000001' },
    { kind: 'associate', personId: 'a-777' },
  ].map((data, i) => ({ type: 'ForgetPerson', commandId: `disk-forget-${i}`, data: { caeId: CAE, ...data } }));

  /** Every file under the data directory, as raw bytes. */
  const filesOf = (dir: string): Map<string, Buffer> =>
    new Map(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [e.name, readFileSync(join(e.parentPath, e.name))]));

  /** Which of the secrets occur in which file, in UTF-8 or UTF-16 (SQLite's text encodings). */
  const found = (files: Map<string, Buffer>): string[] =>
    [...files].flatMap(([name, bytes]) =>
      secrets.filter((s) => bytes.includes(Buffer.from(s, 'utf8')) || bytes.includes(Buffer.from(s, 'utf16le'))).map((s) => `${name}: ${s}`),
    );

  it('not in the log, the keys or the read models (with their WALs), live, after a rebuild and after closing', async () => {
    const h = await startHarness();
    let open = true;
    const close = async () => {
      open = false;
      await h.app.close();
      await h.runtime.close();
    };
    try {
      await h.http().post('/api/commands').send(commands).expect(200);
      await h.caughtUp();
      // The read models hold the opened data until the forget: what the test looks for is really there.
      const register = (await h.http().get(`/api/caes/${CAE}/registers/entrepreneurs`).expect(200)).body;
      expect(register.entrepreneurs[0]).toMatchObject({ person: { lastName: entrepreneur.lastName }, activity: { description: entrepreneur.description } });
      expect(found(filesOf(h.dataDir)).some((hit) => hit.startsWith('read-models.db'))).toBe(true);
      // ...and the log never held any of it in clear.
      expect(found(filesOf(h.dataDir)).filter((hit) => hit.startsWith('events.db'))).toEqual([]);

      await h.http().post('/api/commands').send(forgets).expect(200);
      await h.caughtUp();
      expect(found(filesOf(h.dataDir))).toEqual([]);

      for (const projection of ALL_PROJECTIONS) await h.runtime.projector.rebuild(projection.name);
      expect(found(filesOf(h.dataDir))).toEqual([]);
      const rebuilt = (await h.http().get(`/api/caes/${CAE}/registers/entrepreneurs`).expect(200)).body;
      expect(rebuilt.entrepreneurs[0]).toMatchObject({ person: { lastName: '[forgotten]' }, activity: { description: '[forgotten]', sector: 'Artisanat' } });

      await close();
      const files = filesOf(h.dataDir);
      expect([...files.keys()]).toEqual(expect.arrayContaining(['events.db', 'keys.db', 'read-models.db']));
      expect(found(files)).toEqual([]);
    } finally {
      if (open) await close();
      rmSync(h.dataDir, { recursive: true, force: true });
    }
  });
});
