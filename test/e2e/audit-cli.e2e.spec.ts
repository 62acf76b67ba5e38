import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openEmbedded } from '../../libs/application';
import { validateEnvelope } from '../../libs/domain';
import { coodyssee2016 } from '../../libs/scenarios';

/**
 * Issue 12: the same report from the CLI, offline, from a copy of a data directory, and `verify --report` against
 * the log: byte-identical twice, refused once edited by one byte.
 */
const cli = join(resolve(__dirname, '../..'), 'dist/apps/cli/src/main.js');

describe('npm run cli -- audit, and verify --report, on a copy of a data directory', () => {
  let original: string;
  let copy: string;
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { env: { ...process.env, DATA_DIR: copy, DEMO: 'off' }, encoding: 'utf8' });

  beforeAll(async () => {
    original = mkdtempSync(join(tmpdir(), 'alveole-audit-'));
    const runtime = openEmbedded(original);
    for (const raw of coodyssee2016()) {
      const envelope = validateEnvelope(raw);
      if (!envelope.ok || (await runtime.commands.handle(envelope.value)).status !== 'accepted') throw new Error(`${raw.type} refused`);
    }
    await runtime.close();
    // The auditor's own copy: the report is made from it, the server's data untouched.
    copy = mkdtempSync(join(tmpdir(), 'alveole-audit-copy-'));
    cpSync(original, copy, { recursive: true });
  });
  afterAll(() => {
    rmSync(original, { recursive: true, force: true });
    rmSync(copy, { recursive: true, force: true });
  });

  it('writes the report, the same bytes twice once its time is set aside, and verify --report accepts it', () => {
    const first = join(copy, 'report-1.json');
    const second = join(copy, 'report-2.json');
    const made = run('audit', '--cae', 'coodyssee', '--as-of', '2016-12-31', '--out', first);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^coodyssee as of 2016-12-31: mandatory \d+\/\d+, recommended \d+\/\d+, (not )?eligible for the label\./);
    expect(made.stdout).toMatch(/Report [0-9a-f]{64} written to/);
    expect(run('audit', '--cae', 'coodyssee', '--as-of', '2016-12-31', '--out', second).status).toBe(0);
    const timeless = (file: string) => readFileSync(file, 'utf8').replace(/"performedAt": "[^"]+"/, '');
    expect(timeless(second)).toBe(timeless(first));
    const report = JSON.parse(readFileSync(first, 'utf8'));
    expect(report).toMatchObject({ id: expect.stringMatching(/^offline-\d+$/), caeId: 'coodyssee', performedBy: 'cli', chainHead: { signature: { algorithm: 'Ed25519' } } });

    const checked = run('verify', '--report', first);
    expect(checked.status).toBe(0);
    expect(checked.stdout).toMatch(/Chain head \d+ signed by the CAE key ([0-9a-f]{2}:){15}[0-9a-f]{2}/);
    expect(checked.stdout).toMatch(/Report verified: its hash, its chain head and \d+ evidence events stand on this log\./);
  });

  it('refuses a report edited by one byte, and says what is wrong', () => {
    const file = join(copy, 'report.json');
    expect(run('audit', '--cae', 'coodyssee', '--as-of', '2016-12-31', '--out', file).status).toBe(0);
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('"labelEligible": ') + '"labelEligible": '.length;
    const edited = text.startsWith('true', at) ? `${text.slice(0, at)}false${text.slice(at + 4)}` : `${text.slice(0, at)}true${text.slice(at + 5)}`;
    writeFileSync(file, edited);
    const checked = run('verify', '--report', file);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toContain('The report was changed after it was made');
    expect(checked.stdout).toContain('Report NOT verified.');
  });

  it('prints the printable page in French, as of another date and as known at a position', () => {
    const file = join(copy, 'report.html');
    expect(run('audit', '--cae', 'coodyssee', '--as-of', '2016-06-30', '--known-at', '500', '--out', file).status).toBe(0);
    const page = readFileSync(file, 'utf8');
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Situation au <strong>2016-06-30</strong>, telle que connue à 500');
    const json = run('audit', '--cae', 'coodyssee', '--as-of', '2016-06-30', '--known-at', '500');
    expect(JSON.parse(json.stdout)).toMatchObject({ asOf: '2016-06-30', knownAt: 500, chainHead: { position: expect.any(Number) } });
    expect(JSON.parse(json.stdout).chainHead.position).toBeLessThanOrEqual(500);
  });

  it('refuses bad arguments with a message and exit 2, and an unknown CAE with exit 1', () => {
    for (const args of [['audit'], ['audit', '--cae', 'coodyssee'], ['audit', '--cae', 'coodyssee', '--as-of', '2016-02-30'], ['audit', '--cae', 'coodyssee', '--as-of', '2016-12-31', '--out', 'x.pdf'], ['verify', '--report', 'r.json', '--cae', 'x']]) {
      const refused = run(...args);
      expect([args.join(' '), refused.status]).toEqual([args.join(' '), 2]);
      expect(refused.stderr).not.toMatch(/at .*\.js:\d+/);
    }
    const unknown = run('audit', '--cae', 'nowhere', '--as-of', '2016-12-31');
    expect(unknown.status).toBe(1);
    expect(unknown.stdout).toContain('CAE nowhere has no event in this log');
  });
});
