import { AccountRefusedError, closeAccount, grantsInForce, openAccount, ROLES, type Grant, type Role, type Runtime } from '../../../libs/application';
import { InvalidCredentialInputError, UsernameTakenError } from '../../../libs/identity';
import { REVOCATION_REASONS } from '../../../libs/domain';

export const USERS_USAGE = `  npm run cli -- users add <username> --role <role> [--cae <caeId>…] [--entrepreneur <entrepreneurId>]
                                        a local account (password on standard input), its grants in the log
  npm run cli -- users list             every account, its grants in force today
  npm run cli -- users revoke <username> [--reason departure|role_change|security|request]
                                        revokes its grants in the log, its API tokens, and disables its login
  npm run cli -- tokens create <username> --role <role> [--cae <caeId>…] --expires <YYYY-MM-DD>
                                        an API token (shown once) within the account's grants
  npm run cli -- tokens list [username] | tokens revoke <tokenId>
  roles: ${ROLES.join(', ')}`;

export interface AddRequest {
  username: string;
  grants: Grant[];
}

/** What `--role`, `--cae` and `--entrepreneur` grant: a network role takes no CAE, staff one or more, an entrepreneur one. */
export const grantsOfArgs = (role: string | undefined, caes: string[], entrepreneur: string | undefined): Grant[] | string => {
  if (role === undefined || !(ROLES as readonly string[]).includes(role)) return `--role must be one of ${ROLES.join(', ')}`;
  const chosen = role as Role;
  if (chosen !== 'entrepreneur' && entrepreneur !== undefined) return '--entrepreneur goes with --role entrepreneur only';
  if (chosen === 'network_admin' || chosen === 'network_auditor') return caes.length > 0 ? `${chosen} reaches every CAE: no --cae` : [{ role: chosen }];
  if (chosen === 'cae_staff') return caes.length === 0 ? 'cae_staff needs at least one --cae' : caes.map((caeId) => ({ role: 'cae_staff', caeId }));
  if (caes.length !== 1 || entrepreneur === undefined) return 'entrepreneur needs exactly one --cae and --entrepreneur';
  return [{ role: 'entrepreneur', caeId: caes[0]!, entrepreneurId: entrepreneur }];
};

/** The positional arguments and the options (repeatable ones gathered) of a command line. */
export const parseOptions = (args: string[], known: readonly string[]): { positional: string[]; options: Map<string, string[]> } | string => {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (!known.includes(name)) return `unknown option ${arg}`;
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { positional, options };
};

const today = (): string => new Date().toISOString().slice(0, 10);

const describeGrant = (grant: Grant): string =>
  grant.role === 'entrepreneur' ? `entrepreneur ${grant.entrepreneurId} of ${grant.caeId}` : grant.role === 'cae_staff' ? `cae_staff of ${grant.caeId}` : grant.role;

/** The password: the first line of standard input, or typed at a prompt without echo when it is a terminal. */
export const readPassword = async (input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string> => {
  if (input.isTTY) {
    output.write('Password: ');
    input.setRawMode(true);
    const typed = await new Promise<string>((done) => {
      let text = '';
      const onData = (chunk: Buffer) => {
        for (const char of chunk.toString('utf8')) {
          if (char === '\r' || char === '\n' || char === '\u0004') {
            input.off('data', onData);
            return done(text);
          }
          if (char === '\u0003') process.exit(130);
          text = char === '\u007f' ? text.slice(0, -1) : text + char;
        }
      };
      input.on('data', onData);
    });
    input.setRawMode(false);
    input.pause();
    output.write('\n');
    return typed;
  }
  let text = '';
  for await (const chunk of input) text += chunk.toString();
  return text.split(/\r?\n/)[0] ?? '';
};

type Print = (line: string) => void;

const refused = (error: unknown, print: Print): number => {
  if (error instanceof AccountRefusedError || error instanceof UsernameTakenError || error instanceof InvalidCredentialInputError) {
    print(`Refused: ${error.message}`);
    return 1;
  }
  throw error;
};

export const runUsers = async (runtime: Runtime, args: string[], print: Print, password: () => Promise<string> = () => readPassword()): Promise<number> => {
  const [action, ...rest] = args;
  const parsed = parseOptions(rest, ['role', 'cae', 'entrepreneur', 'reason']);
  if (typeof parsed === 'string') return usage(parsed, print);
  const { positional, options } = parsed;
  const one = (name: string) => options.get(name)?.at(-1);
  switch (action) {
    case 'add': {
      if (positional.length !== 1) return usage('users add takes one username', print);
      const grants = grantsOfArgs(one('role'), options.get('cae') ?? [], one('entrepreneur'));
      if (typeof grants === 'string') return usage(grants, print);
      const secret = await password();
      if (secret === '') return usage('the password (standard input) is empty', print);
      try {
        const account = await openAccount(runtime, { username: positional[0]!, password: secret, grants, on: today() });
        print(`${account.username} (${account.accountId}): ${grants.map(describeGrant).join(', ')}, from ${today()}.`);
        return 0;
      } catch (error) {
        return refused(error, print);
      }
    }
    case 'list': {
      for (const account of await runtime.credentials.listAccounts()) {
        const grants = await grantsInForce(runtime, account.accountId, today());
        const state = account.disabledAt === undefined ? '' : ` — disabled since ${account.disabledAt.slice(0, 10)}`;
        print(`${account.username}\t${account.accountId}\t${grants.map(describeGrant).join(', ') || 'no grant in force'}${state}`);
      }
      return 0;
    }
    case 'revoke': {
      if (positional.length !== 1) return usage('users revoke takes one username', print);
      const reason = one('reason');
      if (reason !== undefined && !(REVOCATION_REASONS as readonly string[]).includes(reason)) return usage(`--reason must be one of ${REVOCATION_REASONS.join(', ')}`, print);
      try {
        const closed = await closeAccount(runtime, positional[0]!, { on: today(), ...(reason !== undefined && { reason }) });
        if (closed === undefined) {
          print(`Refused: no account "${positional[0]}"`);
          return 1;
        }
        print(`${closed.account.username}: ${closed.revoked.map(describeGrant).join(', ') || 'no grant in force'} revoked on ${today()}; login disabled, API tokens revoked.`);
        return 0;
      } catch (error) {
        return refused(error, print);
      }
    }
    default:
      return usage(`unknown users command "${action ?? ''}"`, print);
  }
};

export const runTokens = async (runtime: Runtime, args: string[], print: Print): Promise<number> => {
  const [action, ...rest] = args;
  const parsed = parseOptions(rest, ['role', 'cae', 'expires']);
  if (typeof parsed === 'string') return usage(parsed, print);
  const { positional, options } = parsed;
  switch (action) {
    case 'create': {
      const role = options.get('role')?.at(-1);
      const expires = options.get('expires')?.at(-1);
      if (positional.length !== 1 || role === undefined || expires === undefined) return usage('tokens create takes a username, --role and --expires', print);
      if (!(ROLES as readonly string[]).includes(role)) return usage(`--role must be one of ${ROLES.join(', ')}`, print);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(expires)) return usage('--expires is a date, YYYY-MM-DD', print);
      const account = await runtime.credentials.findByUsername(positional[0]!);
      if (account === undefined) return refused(new InvalidCredentialInputError(`no account "${positional[0]}"`), print);
      try {
        const { token, secret } = await runtime.credentials.issueToken(account.accountId, { role, caes: options.get('cae') ?? [] }, `${expires}T00:00:00.000Z`);
        print(`Token ${token.tokenId} for ${account.username} (${role}${token.scope.caes.length ? ` of ${token.scope.caes.join(', ')}` : ''}), expires ${token.expiresAt}.`);
        print(`Secret, shown once: ${secret}`);
        return 0;
      } catch (error) {
        return refused(error, print);
      }
    }
    case 'list': {
      const account = positional[0] === undefined ? undefined : await runtime.credentials.findByUsername(positional[0]);
      if (positional[0] !== undefined && account === undefined) return refused(new InvalidCredentialInputError(`no account "${positional[0]}"`), print);
      const names = new Map((await runtime.credentials.listAccounts()).map((a) => [a.accountId, a.username]));
      for (const token of await runtime.credentials.listTokens(account?.accountId)) {
        const state = token.revokedAt !== undefined ? `revoked ${token.revokedAt}` : `expires ${token.expiresAt}`;
        print(`${token.tokenId}\t${names.get(token.accountId) ?? token.accountId}\t${token.scope.role}${token.scope.caes.length ? ` ${token.scope.caes.join(',')}` : ''}\t${state}`);
      }
      return 0;
    }
    case 'revoke': {
      if (positional.length !== 1) return usage('tokens revoke takes one tokenId', print);
      if (!(await runtime.credentials.revokeToken(positional[0]!))) {
        print(`Refused: no token ${positional[0]} in force`);
        return 1;
      }
      print(`Token ${positional[0]} revoked.`);
      return 0;
    }
    default:
      return usage(`unknown tokens command "${action ?? ''}"`, print);
  }
};

const usage = (problem: string, print: Print): number => {
  print(`${problem}\n\n${USERS_USAGE}`);
  return 2;
};
