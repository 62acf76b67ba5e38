import { entrepreneurStream, validateEnvelope, type CommandType } from '../../domain';
import { exampleData } from '../../../test/fixtures/commands';
import { openInMemory, type Runtime } from './runtime';

/** Ids with dashes, where "-" used to join them into stream names: no CAE's command may reach another CAE. */
describe('CAEs whose ids run into each other stay apart', () => {
  let runtime: Runtime;
  beforeEach(() => {
    runtime = openInMemory();
  });
  afterEach(() => runtime.close());

  let sent = 0;
  const send = async (type: CommandType, data: object) => {
    const validated = validateEnvelope({ type, commandId: `cmd-${++sent}`, data: { ...exampleData(type), ...data } });
    if (!validated.ok) throw new Error(JSON.stringify(validated.error));
    return runtime.commands.handle(validated.value);
  };

  /** A CAE with one entrepreneur under a CESA since 2016-09-01 (the fixtures' story). */
  const caeWith = async (caeId: string, entrepreneurId: string) => {
    expect((await send('RegisterCae', { caeId })).status).toBe('accepted');
    for (const type of ['IntegrateEntrepreneur', 'SignCape', 'RenewCape', 'SignCesa'] as const)
      expect((await send(type, { caeId, entrepreneurId })).status).toBe('accepted');
  };

  /** Whether the entrepreneur still works under a contract: an invoice after the fixtures' exit date is accepted. */
  const canInvoiceIn2017 = async (caeId: string, entrepreneurId: string) => {
    const outcome = await send('IssueInvoice', { caeId, entrepreneurId, issuedOn: '2017-01-10', dueOn: '2017-02-10' });
    return outcome.status === 'accepted' ? outcome.result!['contract'] : outcome.error!.code;
  };

  const eventsOf = async (caeId: string, entrepreneurId: string) =>
    (await runtime.store.readStream(entrepreneurStream(caeId, entrepreneurId))).map((e) => e.type);

  it.each([
    ['a', 'b-c', 'a-b', 'c'],
    ['a-b', 'c', 'a', 'b-c'],
  ])('exiting %s’s %s leaves %s’s %s and their CESA intact', async (caeId, entrepreneurId, otherCae, otherEntrepreneur) => {
    await caeWith('a', 'b-c');
    await caeWith('a-b', 'c');
    const before = await eventsOf(otherCae, otherEntrepreneur);

    expect((await send('ExitEntrepreneur', { caeId, entrepreneurId })).status).toBe('accepted');

    expect(await eventsOf(caeId, entrepreneurId)).toContain('EntrepreneurExited');
    expect(await eventsOf(otherCae, otherEntrepreneur)).toEqual(before);
    expect(await canInvoiceIn2017(otherCae, otherEntrepreneur)).toBe('cesa');
    expect(await canInvoiceIn2017(caeId, entrepreneurId)).toBe('NO_ACTIVE_CONTRACT');
  });

  it('on demo-like ids: alpes cannot exit alpes-sud’s e-2024-001 as its own sud-e-2024-001 (NOT_FOUND, nothing appended)', async () => {
    await caeWith('alpes-sud', 'e-2024-001');
    expect((await send('RegisterCae', { caeId: 'alpes' })).status).toBe('accepted');
    const head = await runtime.store.headPosition();
    const before = await eventsOf('alpes-sud', 'e-2024-001');

    const outcome = await send('ExitEntrepreneur', { caeId: 'alpes', entrepreneurId: 'sud-e-2024-001' });

    expect(outcome.status).toBe('rejected');
    expect(outcome.error!.code).toBe('NOT_FOUND');
    expect(await runtime.store.headPosition()).toBe(head);
    expect(await eventsOf('alpes-sud', 'e-2024-001')).toEqual(before);
    expect(await canInvoiceIn2017('alpes-sud', 'e-2024-001')).toBe('cesa');
  });
});
