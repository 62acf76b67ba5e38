import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { entrepreneurStream, validateEnvelope, type CommandType } from '../../libs/domain';
import type { RecordedEvent } from '../../libs/event-store';
import { exampleData } from '../fixtures/commands';
import { startHarness, type Harness } from './api-harness';
import { ALL_PROJECTIONS } from '../../projections';

/**
 * Failure 2 of issue 9 as an operator meets it: an event the treasury cannot apply. Before, the projector failed
 * forever, /api/health said ok, and `cli rebuild` failed; now /api/health is degraded naming the event, and the
 * built CLI rebuilds, lists and retries.
 */
const cliMain = join(resolve(__dirname, '../..'), 'dist/apps/cli/src/main.js');
const cli = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [cliMain, ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000 });

describe('an event a projection cannot apply, through the API and the built CLI', () => {
  let h: Harness;
  let warn: jest.SpyInstance;
  let sent = 0;
  const send = async (type: CommandType, data: Record<string, unknown>) => {
    const envelope = validateEnvelope({ type, commandId: `qe-${++sent}`, data });
    if (!envelope.ok) throw new Error(envelope.error.message);
    expect((await h.runtime.commands.handle(envelope.value)).status).toBe('accepted');
  };

  beforeAll(async () => {
    if (!existsSync(cliMain)) throw new Error('Build first: npm test runs `npm run build` before jest');
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
    warn.mockRestore();
  });

  it('makes /api/health degraded naming it, and the CLI rebuilds, lists and retries', async () => {
    for (const caeId of ['a', 'a-b']) {
      await send('RegisterCae', { ...exampleData('RegisterCae'), caeId });
      await send('IntegrateEntrepreneur', { ...exampleData('IntegrateEntrepreneur'), caeId });
      await send('SignCape', { ...exampleData('SignCape'), caeId });
    }
    const [cape] = (await h.runtime.store.readStream(entrepreneurStream('a', 'e-001'))).filter((e) => e.type === 'CapeSigned') as [RecordedEvent];
    const { lastPosition: poisoned } = await h.runtime.store.appendToStreams([
      {
        streamId: entrepreneurStream('a', 'ghost'),
        expectedRevision: 'no_stream',
        events: [{ eventId: 'poison', type: cape.type, schemaVersion: cape.schemaVersion, data: { ...cape.data, entrepreneurId: 'ghost' }, metadata: cape.metadata }],
      },
    ]);
    await send('SignCesa', { ...exampleData('SignCesa'), caeId: 'a-b' });
    await h.caughtUp();
    expect(warn).toHaveBeenCalledWith(`treasury: event ${poisoned} (CapeSigned) of CAE a quarantined: CapeSigned for "ghost" before their integration`);

    const { body } = await h.http().get('/api/health').expect(200);
    expect(body.status).toBe('degraded');
    expect(body.problems).toEqual([
      expect.objectContaining({ code: 'EVENT_QUARANTINED', details: expect.objectContaining({ projection: 'treasury', caeId: 'a', position: poisoned, eventType: 'CapeSigned' }) }),
    ]);
    expect(body.problems[0].message).toContain('CapeSigned for "ghost" before their integration');
    expect(body.projections.map((p: { eventsBehind: number }) => p.eventsBehind)).toEqual(ALL_PROJECTIONS.map(() => 0));
    // The other CAE is served, its CESA included.
    const register = await h.http().get('/api/caes/a-b/registers/entrepreneurs').expect(200);
    expect(JSON.stringify(register.body)).toContain('cesa');
    await h.runtime.projector.stop();

    const rebuilt = cli(h.dataDir, 'rebuild');
    expect({ status: rebuilt.status, stderr: rebuilt.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(rebuilt.stdout).toContain('1 event quarantined (0 later events of the same CAEs held behind them):');
    expect(rebuilt.stdout).toContain(`treasury · CAE a · position ${poisoned} (CapeSigned, stream ${entrepreneurStream('a', 'ghost')}): CapeSigned for "ghost" before their integration`);

    const listed = cli(h.dataDir, 'quarantine');
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain(`treasury · CAE a · position ${poisoned}`);

    // Not fixed yet: the retry rebuilds the treasury and says the event is still quarantined.
    const retried = cli(h.dataDir, 'quarantine', 'retry');
    expect(retried.status).toBe(0);
    expect(retried.stdout).toContain('Rebuilt treasury.');
    expect(retried.stdout).toContain('1 event quarantined');
    expect(cli(h.dataDir, 'quarantine', 'retry', 'nowhere').status).toBe(2);
  });
});
