import { openInMemory, type Runtime } from '../../../libs/application';
import { validateEnvelope } from '../../../libs/domain';
import { coodyssee2016 } from '../../../libs/scenarios';
import { accessRegister } from '../../../projections/access/queries';
import { grantsOfArgs, parseOptions, runTokens, runUsers } from './users';

describe('users and tokens from the command line', () => {
  describe('reading the options', () => {
    it('gathers repeated options, refuses unknown ones and options without a value', () => {
      expect(parseOptions(['camille', '--role', 'cae_staff', '--cae', 'a', '--cae', 'b'], ['role', 'cae'])).toEqual({
        positional: ['camille'],
        options: new Map([['role', ['cae_staff']], ['cae', ['a', 'b']]]),
      });
      expect(parseOptions(['x', '--colour', 'red'], ['role'])).toBe('unknown option --colour');
      expect(parseOptions(['x', '--role'], ['role'])).toBe('--role needs a value');
    });

    it('grants a network role without CAE, staff of each CAE, an entrepreneur in exactly one', () => {
      expect(grantsOfArgs('network_admin', [], undefined)).toEqual([{ role: 'network_admin' }]);
      expect(grantsOfArgs('network_auditor', ['coodyssee'], undefined)).toBe('network_auditor reaches every CAE: no --cae');
      expect(grantsOfArgs('cae_staff', ['a', 'b'], undefined)).toEqual([{ role: 'cae_staff', caeId: 'a' }, { role: 'cae_staff', caeId: 'b' }]);
      expect(grantsOfArgs('cae_staff', [], undefined)).toBe('cae_staff needs at least one --cae');
      expect(grantsOfArgs('entrepreneur', ['coodyssee'], 'esa-01')).toEqual([{ role: 'entrepreneur', caeId: 'coodyssee', entrepreneurId: 'esa-01' }]);
      expect(grantsOfArgs('entrepreneur', ['a', 'b'], 'esa-01')).toBe('entrepreneur needs exactly one --cae and --entrepreneur');
      expect(grantsOfArgs('cae_staff', ['a'], 'esa-01')).toBe('--entrepreneur goes with --role entrepreneur only');
      expect(grantsOfArgs('root', [], undefined)).toMatch(/^--role must be one of network_admin, network_auditor, cae_staff, entrepreneur/);
    });
  });

  describe('on a runtime holding Coodyssée and its first entrepreneur', () => {
    let runtime: Runtime;
    let printed: string[];
    const print = (line: string) => printed.push(line);
    const today = new Date().toISOString().slice(0, 10);

    beforeEach(async () => {
      runtime = openInMemory();
      printed = [];
      const story = coodyssee2016();
      for (const raw of [story.find((e) => e.type === 'RegisterCae')!, story.find((e) => e.type === 'IntegrateEntrepreneur' && (e.data as { entrepreneurId: string }).entrepreneurId === 'esa-01')!]) {
        const envelope = validateEnvelope(raw);
        if (!envelope.ok) throw new Error(envelope.error.message);
        expect((await runtime.commands.handle(envelope.value)).status).toBe('accepted');
      }
    });

    afterEach(() => runtime.close());

    it('adds an entrepreneur account: the password verifies, the grant is in the log, and users list shows it', async () => {
      expect(await runUsers(runtime, ['add', 'camille', '--role', 'entrepreneur', '--cae', 'coodyssee', '--entrepreneur', 'esa-01'], print, async () => 'demo-camille')).toBe(0);
      const check = await runtime.credentials.verifyPassword('camille', 'demo-camille');
      expect(check.ok).toBe(true);
      const accountId = check.ok ? check.account.accountId : '';
      await runtime.projector.prepare();
      const register = await runtime.queries.run((models) => accessRegister(models, 'coodyssee'));
      expect(register?.accounts).toEqual([{ accountId, grants: [{ role: 'entrepreneur', entrepreneurId: 'esa-01', grantedOn: today, endedOn: null, endReason: null }] }]);
      printed = [];
      expect(await runUsers(runtime, ['list'], print)).toBe(0);
      expect(printed).toEqual([`camille\t${accountId}\tentrepreneur esa-01 of coodyssee`]);
    });

    it('refuses a grant the log refuses and leaves no account behind', async () => {
      expect(await runUsers(runtime, ['add', 'nobody', '--role', 'entrepreneur', '--cae', 'coodyssee', '--entrepreneur', 'esa-99'], print, async () => 'pw')).toBe(1);
      expect(printed[0]).toMatch(/^Refused: NOT_FOUND: Entrepreneur "esa-99"/);
      expect(await runtime.credentials.findByUsername('nobody')).toBeUndefined();
      expect(await runUsers(runtime, ['add', 'staff', '--role', 'cae_staff', '--cae', 'oxalis'], print, async () => 'pw')).toBe(1);
      expect(await runtime.credentials.findByUsername('staff')).toBeUndefined();
    });

    it('refuses bad usage with exit code 2: no role, an empty password, a taken username with 1', async () => {
      expect(await runUsers(runtime, ['add', 'x'], print, async () => 'pw')).toBe(2);
      expect(await runUsers(runtime, ['add', 'x', '--role', 'cae_staff', '--cae', 'coodyssee'], print, async () => '')).toBe(2);
      expect(await runUsers(runtime, ['add', 'x', '--role', 'cae_staff', '--cae', 'coodyssee'], print, async () => 'pw')).toBe(0);
      expect(await runUsers(runtime, ['add', 'x', '--role', 'cae_staff', '--cae', 'coodyssee'], print, async () => 'pw')).toBe(1);
      expect(printed.at(-1)).toBe('Refused: The username "x" is taken');
    });

    it('revokes an account: its grants end today in the log, its tokens stop working, its password no longer logs in', async () => {
      expect(await runUsers(runtime, ['add', 'staff-coodyssee', '--role', 'cae_staff', '--cae', 'coodyssee'], print, async () => 'demo-staff-coodyssee')).toBe(0);
      printed = [];
      expect(await runTokens(runtime, ['create', 'staff-coodyssee', '--role', 'cae_staff', '--cae', 'coodyssee', '--expires', '2999-01-01'], print)).toBe(0);
      const secret = printed[1]!.replace('Secret, shown once: ', '');
      expect((await runtime.credentials.verifyToken(secret)).ok).toBe(true);

      expect(await runUsers(runtime, ['revoke', 'staff-coodyssee', '--reason', 'departure'], print)).toBe(0);
      expect(printed.at(-1)).toBe(`staff-coodyssee: cae_staff of coodyssee revoked on ${today}; login disabled, API tokens revoked.`);
      expect(await runtime.credentials.verifyToken(secret)).toEqual({ ok: false, reason: 'revoked' });
      expect(await runtime.credentials.verifyPassword('staff-coodyssee', 'demo-staff-coodyssee')).toEqual({ ok: false, reason: 'disabled' });
      await runtime.projector.prepare();
      const register = await runtime.queries.run((models) => accessRegister(models, 'coodyssee'));
      expect(register?.accounts[0]?.grants).toEqual([{ role: 'cae_staff', entrepreneurId: null, grantedOn: today, endedOn: today, endReason: 'departure' }]);
      expect(await runUsers(runtime, ['revoke', 'nobody'], print)).toBe(1);
    });
  });
});
