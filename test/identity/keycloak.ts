import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The test Keycloak of scripts/servers/keycloak/: playing its login form, stopping and restarting it. */

const root = resolve(__dirname, '../..');

/** Plays the browser: Keycloak's login page, then its form, keeping cookies; returns the redirect back to us. */
export async function loginThroughForm(authorizationUrl: string, username: string): Promise<URL> {
  const cookies = new Map<string, string>();
  const keep = (response: Response): void => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  };
  // Keycloak marks its cookies Secure even on http; a test browser sends them back anyway.
  const cookieHeader = (): string => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');

  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`Keycloak answered its login page with ${page.status}`);
  keep(page);
  const html = await page.text();
  const action = /<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"/.exec(html)?.[1] ?? /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) throw new Error('No login form on the Keycloak page');
  const submitted = await fetch(action.replace(/&amp;/g, '&'), {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, password: `demo-${username}`, credentialId: '' }),
  });
  if (submitted.status !== 302) throw new Error(`Keycloak answered the login form with ${submitted.status}`);
  const location = submitted.headers.get('location');
  if (location === null) throw new Error('Keycloak did not redirect after the login form');
  return new URL(location);
}

/** The port of the Keycloak KEYCLOAK_URL names, when this project's start.sh started it (else it cannot be restarted). */
export const restartablePort = (keycloakUrl: string): string | undefined => {
  const port = new URL(keycloakUrl).port || '80';
  return existsSync(join(root, `.cache/servers/keycloak/run-${port}/keycloak.pid`)) ? port : undefined;
};

const script = (name: 'start' | 'stop', port: string, env: Record<string, string> = {}): Promise<void> =>
  new Promise((done, fail) => {
    const child = spawn('bash', [join(root, `scripts/servers/keycloak/${name}.sh`)], { env: { ...process.env, KEYCLOAK_PORT: port, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`keycloak/${name}.sh exited with ${code}: ${stderr}`))));
  });

export const stopKeycloak = (port: string): Promise<void> => script('stop', port);

/**
 * Starts it again on the database of the previous start: the same realm, users and signing keys. Keycloak 26.7's
 * dev H2 database sometimes refuses the first restart ("Database is already closed"); a second start opens it.
 */
export const restartKeycloak = async (port: string): Promise<void> => {
  try {
    await script('start', port, { KEYCLOAK_KEEP_DATA: '1' });
  } catch (error) {
    console.warn(`Keycloak did not restart at the first attempt, trying again: ${(error as Error).message.slice(0, 300)}`);
    await script('start', port, { KEYCLOAK_KEEP_DATA: '1' });
  }
};
