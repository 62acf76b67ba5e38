import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { exampleData } from '../fixtures/commands';
import { API_ERROR_CODES, httpStatusOf } from '../../apps/api/src/http-status';
import { startHarness, type Harness } from './api-harness';

/**
 * Every request-level error is `{ error: { code, message, details? } }` with a documented code and the status
 * that goes with it, whatever the client got wrong: the body, its type or size, the route, the method, the URL.
 */
describe('request-level errors', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.http().post('/api/commands').send({ type: 'RegisterCae', commandId: 'cae', data: exampleData('RegisterCae') }).expect(200);
  });
  afterAll(async () => {
    await h.close();
  });

  const seen = new Set<string>();

  /** The one error shape: nothing beside `error`, nothing in it beside code, message and maybe details. */
  const expectRefusal = (res: { status: number; body: unknown }, code: string, status: number) => {
    expect({ status: res.status, code: (res.body as { error?: { code?: string } }).error?.code }).toEqual({ status, code });
    const body = res.body as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).filter((k) => !['code', 'message', 'details'].includes(k))).toEqual([]);
    expect(typeof body.error['message']).toBe('string');
    expect(API_ERROR_CODES).toContain(code);
    expect(httpStatusOf(code as never)).toBe(status);
    seen.add(code);
  };

  const post = (body: string, type = 'application/json') => h.http().post('/api/commands').set('Content-Type', type).send(body);

  it.each([
    ['malformed JSON', () => post('{"type": "RegisterCae", '), 'VALIDATION_FAILED', 400],
    ['a JSON string', () => post('"RegisterCae"'), 'VALIDATION_FAILED', 400],
    ['a JSON number', () => post('42'), 'VALIDATION_FAILED', 400],
    ['JSON null', () => post('null'), 'VALIDATION_FAILED', 400],
    ['an empty batch', () => post('[]'), 'VALIDATION_FAILED', 400],
    ['a batch of 1,001 envelopes', () => post(JSON.stringify(Array.from({ length: 1001 }, () => ({})))), 'VALIDATION_FAILED', 400],
    ['a text/plain body', () => post('{}', 'text/plain'), 'UNSUPPORTED_MEDIA_TYPE', 415],
    ['a form body', () => post('type=RegisterCae', 'application/x-www-form-urlencoded'), 'UNSUPPORTED_MEDIA_TYPE', 415],
    ['no body at all', () => h.http().post('/api/commands'), 'UNSUPPORTED_MEDIA_TYPE', 415],
    ['a charset other than UTF-8', () => post('{}', 'application/json; charset=latin1'), 'UNSUPPORTED_MEDIA_TYPE', 415],
    ['an unknown content encoding', () => post('{}').set('Content-Encoding', 'zstd-ish'), 'UNSUPPORTED_MEDIA_TYPE', 415],
    ['a body over 10 MB', () => post(JSON.stringify({ type: 'RegisterCae', commandId: 'x', data: { blob: 'x'.repeat(10 * 1024 * 1024 + 1) } })), 'PAYLOAD_TOO_LARGE', 413],
    ['an unknown route', () => h.http().get('/api/nothing-here'), 'NOT_FOUND', 404],
    ['GET on the command route', () => h.http().get('/api/commands'), 'NOT_FOUND', 404],
    ['DELETE on a query route', () => h.http().delete('/api/caes/coodyssee/treasury'), 'NOT_FOUND', 404],
    ['POST on health', () => h.http().post('/api/health').send({}), 'NOT_FOUND', 404],
    ['a path that is not valid percent-encoding', () => h.http().get('/api/caes/%E0%A4%A/statistics?year=2016'), 'VALIDATION_FAILED', 400],
    ['a query string of 9,000 characters', () => h.http().get(`/api/caes/coodyssee/statistics?year=${'9'.repeat(9000)}`), 'VALIDATION_FAILED', 400],
    ['a URL over 16 KB', () => h.http().get(`/api/caes/coodyssee/statistics?year=${'9'.repeat(20_000)}`), 'REQUEST_HEADERS_TOO_LARGE', 431],
    ['a thousand query parameters', () => h.http().get(`/api/caes/coodyssee/treasury?${Array.from({ length: 1000 }, (_, i) => `p${i}=1`).join('&')}`), 'VALIDATION_FAILED', 400],
  ] as const)('%s', async (_name, send, code, status) => {
    expectRefusal(await send(), code, status);
  });

  it('a request that is not HTTP at all', async () => {
    const server = h.app.getHttpServer() as Server;
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    const answer = await new Promise<string>((done, fail) => {
      let text = '';
      const socket = connect(port, '127.0.0.1', () => socket.write('NOT HTTP\r\n\r\n'));
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => done(text));
      socket.on('error', fail);
    });
    await new Promise<void>((done) => server.close(() => done()));
    const [head, body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expectRefusal({ status: 400, body: JSON.parse(body!) }, 'VALIDATION_FAILED', 400);
  });

  describe('query parameters are checked like command fields', () => {
    it('an impossible date is refused with the message and details a command gets', async () => {
      const query = await h.http().get('/api/caes/coodyssee/compliance?today=2023-02-30');
      expectRefusal(query, 'VALIDATION_FAILED', 400);
      const command = await h
        .http()
        .post('/api/commands')
        .send({ type: 'RecordIntakeInterview', commandId: 'feb-30', data: { caeId: 'coodyssee', heldOn: '2023-02-30' } });
      expect(command.body.error.details).toEqual({ errors: [{ path: 'data.heldOn', message: 'is not a real calendar date (2023-02-30)' }], errorCount: 1 });
      expect(query.body.error).toEqual({
        code: 'VALIDATION_FAILED',
        message: 'The query is invalid: today is not a real calendar date (2023-02-30)',
        details: { errors: [{ path: 'today', message: 'is not a real calendar date (2023-02-30)' }], errorCount: 1 },
      });
    });

    it.each([
      ['/api/caes/coodyssee/compliance?today=2016-13-01', 'today'],
      ['/api/caes/coodyssee/compliance?today=1899-12-31', 'today'],
      ['/api/caes/coodyssee/compliance?today=', 'today'],
      ['/api/caes/coodyssee/compliance?today=2016-01-01&today=2016-02-01', 'today'],
      ['/api/caes/coodyssee/compliance?tody=2016-01-01', 'tody'],
      ['/api/caes/coodyssee/statistics?year=16', 'year'],
      ['/api/caes/coodyssee/statistics?year=3000', 'year'],
      ['/api/caes/coodyssee/statistics?year=2016&year=2017', 'year'],
      ['/api/caes/coodyssee/statistics', 'year'],
      ['/api/network/statistics?year=2016&scope=all', 'scope'],
      ['/api/caes/coodyssee/treasury?fresh=1', 'fresh'],
      ['/api/caes/coodyssee/invoices?page=2', 'page'],
      ['/api/caes/coodyssee/registers/entrepreneurs?x=1', 'x'],
      ['/api/caes/coodyssee/registers/associates?x=1', 'x'],
      ['/api/caes/coodyssee/registers/share-movements?x=1', 'x'],
      ['/api/caes/coodyssee/entrepreneurs/e-001/account?x=1', 'x'],
    ])('%s is refused at %s', async (route, path) => {
      const res = await h.http().get(route);
      expectRefusal(res, 'VALIDATION_FAILED', 400);
      expect(res.body.error.details.errors.map((e: { path: string }) => e.path)).toEqual([path]);
    });

    it('valid parameters still answer', async () => {
      await h.caughtUp();
      await h.http().get('/api/caes/coodyssee/compliance?today=2024-02-29').expect(200);
      await h.http().get('/api/caes/coodyssee/statistics?year=2016').expect(200);
      await h.http().get('/api/caes/coodyssee/treasury').expect(200);
    });
  });

  describe('the documented codes', () => {
    const apiDoc = readFileSync(join(__dirname, '../../docs/api.md'), 'utf8');
    /** The rows `| CODE | status | meaning |` of the error table of docs/api.md. */
    const documented = new Map([...apiDoc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \|/gm)].map((m) => [m[1]!, Number(m[2])]));

    it('docs/api.md lists every code the API can answer with, with its HTTP status', () => {
      expect(API_ERROR_CODES.filter((code) => documented.get(code) !== httpStatusOf(code))).toEqual([]);
    });

    it('every code met above is one of them', () => {
      expect(seen.size).toBeGreaterThan(3);
      expect([...seen].filter((code) => !API_ERROR_CODES.includes(code as never))).toEqual([]);
    });
  });
});
