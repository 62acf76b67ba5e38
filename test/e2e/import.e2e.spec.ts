import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbedded, openPersonalFields, type Runtime } from '../../libs/application';
import { importCommands } from '../../apps/cli/src/import-commands';
import { generateHistory, toJsonl } from '../../libs/scenarios';
import { startHarness, type Harness } from './api-harness';

/**
 * The log as an auditor compares it: everything but ids, timestamps and ciphertexts (personal data opened), and
 * who sent it (the API's caller, the CLI's operator); the harness's own account set-up is left out.
 */
const canonicalLog = async (runtime: Runtime) => {
  const out: unknown[] = [];
  for (let from = 1; ; ) {
    const page = await runtime.store.readAll(from, { limit: 1000 });
    if (page.length === 0) return out;
    for (const e of page) {
      const { recordedAt: _recordedAt, actor, ...metadata } = e.metadata;
      if (actor === 'test-setup') continue;
      out.push([e.streamId, e.revision, e.type, e.schemaVersion, await openPersonalFields(e.type, e.data, runtime.vault), metadata]);
    }
    from = page[page.length - 1]!.position + 1;
  }
};

describe('importing a JSONL of several thousand envelopes', () => {
  const history = generateHistory({ caeId: 'import', entrepreneurs: 90 });
  let dir: string;
  let file: string;
  let cli: Runtime;
  let api: Harness;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'alveole-import-'));
    file = join(dir, 'history.jsonl');
    writeFileSync(file, toJsonl(history));
    cli = openEmbedded(join(dir, 'cli'));
    api = await startHarness();
  });
  afterAll(async () => {
    await cli.close();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('through the CLI and through POST /api/commands gives the same log', async () => {
    expect(history.length).toBeGreaterThan(3000);
    const progress: number[] = [];
    const summary = await importCommands(file, cli.commands, (p) => progress.push(p.bytesRead));
    expect(summary).toMatchObject({ lines: history.length, accepted: history.length, duplicate: 0, rejected: 0, errors: [] });
    expect(progress.at(-1)).toBeGreaterThan(0);

    for (let i = 0; i < history.length; i += 500) {
      const res = await api.http().post('/api/commands').send(history.slice(i, i + 500));
      expect(res.status).toBe(200);
    }
    const fromCli = await canonicalLog(cli);
    const fromApi = await canonicalLog(api.runtime);
    expect(fromCli.length).toBeGreaterThan(history.length);
    expect(fromApi).toEqual(fromCli);
    const actors = new Set((await api.runtime.store.readAll(1, { limit: 100_000 })).map((e) => e.metadata.actor).filter((actor) => actor !== 'test-setup'));
    expect([...actors]).toEqual([api.admin.accountId]);
    expect((await cli.store.verify()).ok).toBe(true);
  });

  it('importing the same file again answers duplicate for every line and appends nothing', async () => {
    const head = await cli.store.headPosition();
    const summary = await importCommands(file, cli.commands);
    expect(summary).toMatchObject({ accepted: 0, duplicate: history.length, rejected: 0 });
    expect(await cli.store.headPosition()).toBe(head);
  });

  it('reports rejected lines with their line numbers and reasons', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      [
        JSON.stringify({ type: 'RecordIntakeInterview', commandId: 'ok-1', data: { caeId: 'import', heldOn: '2017-01-03' } }),
        '{ not json',
        '',
        JSON.stringify({ type: 'RecordIntakeInterview', commandId: 'bad-2', data: { caeId: 'nowhere', heldOn: '2017-01-03' } }),
        JSON.stringify({ type: 'RecordIntakeInterview', commandId: 'bad-3', data: { caeId: 'import', heldOn: '2017-13-03' } }),
      ].join('\n'),
    );
    const summary = await importCommands(bad, cli.commands);
    expect(summary).toMatchObject({ lines: 4, accepted: 1, rejected: 3 });
    expect(summary.errors.map((e) => [e.line, e.error.code])).toEqual([
      [2, 'VALIDATION_FAILED'],
      [4, 'NOT_FOUND'],
      [5, 'VALIDATION_FAILED'],
    ]);
  });
});
