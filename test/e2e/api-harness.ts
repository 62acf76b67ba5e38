import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { openEmbedded, type Grant, type Runtime } from '../../libs/application';
import { grantsOf } from '../../projections/access/queries';
import { createApp, type AppOptions } from '../../apps/api/src/create-app';
import { accountWithSession, grantCaeAccess, grantNetworkRole, networkRolesInLog, type CaeGrant, type NetworkRole } from '../support/accounts';

export interface Account {
  accountId: string;
  username: string;
  /** A session token: send it as `Authorization: Bearer <token>`. */
  token: string;
}

/** The real API over the embedded profile, with its in-process projector, on a fresh data directory. */
export interface Harness {
  dataDir: string;
  runtime: Runtime;
  app: NestExpressApplication;
  /** The network admin every request is sent as unless said otherwise. */
  admin: Account;
  /** The events the harness appended for its admin (its network role): the log's head before any test acts. */
  setupEvents: number;
  /** Requests as the admin; as another account with its token; anonymously with null. */
  http: (token?: string | null) => ReturnType<typeof request>;
  /** An account holding these grants (granted in the log, as the admin would), with a session. */
  account(username: string, ...grants: (CaeGrant | NetworkRole)[]): Promise<Account>;
  /** Applies every event appended so far to the read models (the live projector would, a moment later). */
  caughtUp(): Promise<void>;
  /** Closes the app and the runtime and opens them again on the same data directory. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

/** A supertest agent whose every request carries the token. */
const authenticated = (server: Parameters<typeof request>[0], token: string | null): ReturnType<typeof request> => {
  const agent = request(server);
  if (token === null) return agent;
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !(METHODS as readonly string[]).includes(property)) return value;
      return (url: string) => (value as (url: string) => request.Test).call(target, url).set('Authorization', `Bearer ${token}`);
    },
  });
};

export const startHarness = async (options: AppOptions = {}): Promise<Harness> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'alveole-e2e-'));
  // Until the log can grant network roles, the harness lends them to its accounts here (see accounts.ts).
  const lent = new Map<string, Grant[]>();
  const lendingGrants: AppOptions = networkRolesInLog
    ? {}
    : {
        grantsOf: async (accountId, today) => [...(lent.get(accountId) ?? []), ...(await harness.runtime.queries.run((models) => grantsOf(models, accountId, today)))],
      };
  const harness = {
    dataDir,
    runtime: openEmbedded(dataDir),
  } as Harness;
  const boot = async (): Promise<void> => {
    await harness.runtime.projector.prepare();
    harness.runtime.projector.start();
    harness.app = await createApp(harness.runtime, { logger: false, ...lendingGrants, ...options });
  };
  await boot();
  harness.http = (token = harness.admin.token) => authenticated(harness.app.getHttpServer(), token);
  harness.account = async (username, ...grants) => {
    const { accountId, token } = await accountWithSession(harness.runtime, username);
    for (const grant of grants) {
      if (typeof grant !== 'string') await grantCaeAccess(harness.runtime, accountId, grant);
      else if (networkRolesInLog) await grantNetworkRole(harness.runtime, accountId, grant);
      else lent.set(accountId, [...(lent.get(accountId) ?? []), { role: grant }]);
    }
    await harness.caughtUp();
    return { accountId, username, token };
  };
  harness.caughtUp = async () => {
    await harness.runtime.projector.catchUp();
  };
  harness.admin = await harness.account('admin', 'network_admin');
  harness.setupEvents = await harness.runtime.store.headPosition();
  harness.restart = async () => {
    await harness.app.close();
    await harness.runtime.close();
    harness.runtime = openEmbedded(dataDir);
    await boot();
  };
  harness.close = async () => {
    await harness.app.close();
    await harness.runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return harness;
};
