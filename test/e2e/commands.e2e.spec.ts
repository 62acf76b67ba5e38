import { associateStream, COMMAND_TYPES, type CommandType } from '../../libs/domain';
import { SERVER_RECORDED } from '../../libs/application';
import { isSealed } from '../../libs/personal-data';
import { exampleData, storyOf } from '../fixtures/commands';
import { startHarness, type Harness } from './api-harness';

const envelope = (type: CommandType, commandId: string, data: object = exampleData(type)) => ({ type, commandId, data });

/** The story of test/fixtures/commands.ts up to (not including) `type`. */
// The commands a client sends: an audit is recorded by its own route only (test/e2e/audits.e2e.spec.ts).
const SENT = COMMAND_TYPES.filter((type) => !SERVER_RECORDED.includes(type));
const storyBefore = (type: CommandType) => [...storyOf(SENT.slice(0, SENT.indexOf(type))), ...storyOf([type]).slice(0, -1)];

describe('POST /api/commands', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  // What the test appended: the harness's own grant of the admin role aside.
  const head = async () => (await h.runtime.store.headPosition()) - h.setupEvents;

  describe('every command of docs/api.md, accepted in a coherent story', () => {
    it.each(SENT.map((t) => [t]))('%s', async (type) => {
      const setup = await h.http().post('/api/commands').send(storyBefore(type).length ? storyBefore(type) : []);
      if (storyBefore(type).length) expect(setup.status).toBe(200);
      const before = await h.runtime.store.headPosition();
      const res = await h.http().post('/api/commands').send(envelope(type, `cmd-${type}`));
      expect(res.status).toBe(200);
      expect(res.body.commandId).toBe(`cmd-${type}`);
      expect(res.body.status).toBe('accepted');
      expect(res.body.events.length).toBeGreaterThan(0);
      expect(res.body.events[0].position).toBe(before + 1);
      expect(await h.runtime.store.headPosition()).toBe(before + res.body.events.length);
    });
  });

  it('answers an invoice with its number and totals', async () => {
    await h.http().post('/api/commands').send(storyBefore('IssueInvoice')).expect(200);
    const res = await h.http().post('/api/commands').send(envelope('IssueInvoice', 'inv-1')).expect(200);
    expect(res.body.result).toMatchObject({ number: '2016-000001', totalExclVat: '4500.00', totalVat: '900.00', totalInclVat: '5400.00', contract: 'cesa' });
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['InvoiceNumberAssigned', 'InvoiceIssued']);
  });

  describe('one person shape', () => {
    const admit = (associateId: string, category: string, person: object) =>
      envelope('AdmitAssociate', `admit-${associateId}`, { caeId: 'coodyssee', associateId, admittedOn: '2016-03-01', shares: 1, category, person });

    it('admits a staff associate as firstName/lastName and an external organisation, sealed, and names each in the register', async () => {
      await h.http().post('/api/commands').send(storyBefore('IntegrateEntrepreneur')).expect(200);
      await h
        .http()
        .post('/api/commands')
        .send([admit('a-staff', 'staff', { firstName: 'Léa', lastName: 'Roux', gender: 'F' }), admit('a-org', 'external', { organisation: { name: 'Alpes Solidaires', siren: '123456789' } }), admit('a-old', 'external', { name: 'Jean Roche' })])
        .expect(200);
      for (const associateId of ['a-staff', 'a-org']) {
        const [admitted] = await h.runtime.store.readStream(associateStream('coodyssee', associateId));
        expect(isSealed(admitted!.data['person'])).toBe(true);
        expect(JSON.stringify(admitted!.data)).not.toMatch(/Roux|Alpes|123456789/);
      }
      await h.caughtUp();
      const register = (await h.http().get('/api/caes/coodyssee/registers/associates').expect(200)).body;
      expect(register.associates.map((a: { associateId: string; name: string }) => [a.associateId, a.name])).toEqual([
        ['a-staff', 'Léa Roux'],
        ['a-org', 'Alpes Solidaires'],
        ['a-old', 'Jean Roche'],
      ]);
    });

    it('refuses a person mixing two forms with 400 VALIDATION_FAILED and appends nothing', async () => {
      await h.http().post('/api/commands').send(storyBefore('IntegrateEntrepreneur')).expect(200);
      const before = await head();
      const res = await h.http().post('/api/commands').send(admit('a-org', 'external', { organisation: { name: 'Alpes Solidaires' }, firstName: 'Léa' })).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.errors.map((e: { path: string }) => e.path)).toEqual(['data.person.firstName']);
      expect(await head()).toBe(before);
    });
  });

  describe('idempotency', () => {
    it('a command sent again answers duplicate with the original result and appends nothing', async () => {
      await h.http().post('/api/commands').send(storyBefore('IssueInvoice')).expect(200);
      const first = await h.http().post('/api/commands').send(envelope('IssueInvoice', 'inv-1')).expect(200);
      const before = await head();
      const again = await h.http().post('/api/commands').send(envelope('IssueInvoice', 'inv-1')).expect(200);
      expect(again.body.status).toBe('duplicate');
      expect(again.body.result).toEqual(first.body.result);
      expect(again.body.events.map((e: { streamId: string; revision: number }) => [e.streamId, e.revision])).toEqual(
        first.body.events.map((e: { streamId: string; revision: number }) => [e.streamId, e.revision]),
      );
      expect(await head()).toBe(before);
    });

    it('stays a duplicate after a restart', async () => {
      await h.http().post('/api/commands').send(storyBefore('IssueInvoice')).expect(200);
      const first = await h.http().post('/api/commands').send(envelope('IssueInvoice', 'inv-1')).expect(200);
      const before = await head();
      await h.restart();
      expect(await head()).toBe(before);
      const again = await h.http().post('/api/commands').send(envelope('IssueInvoice', 'inv-1')).expect(200);
      expect(again.body.status).toBe('duplicate');
      expect(again.body.result.number).toBe(first.body.result.number);
      const next = await h.http().post('/api/commands').send(envelope('IssueInvoice', 'inv-2')).expect(200);
      expect(next.body.result.number).toBe('2016-000002');
    });

    it('refuses a commandId reused for a different command (409 COMMAND_ID_REUSED)', async () => {
      await h.http().post('/api/commands').send(envelope('RegisterCae', 'same-id')).expect(200);
      const before = await head();
      const res = await h.http().post('/api/commands').send(envelope('RegisterCae', 'same-id', { ...exampleData('RegisterCae'), name: 'Autre' }));
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('COMMAND_ID_REUSED');
      expect(await head()).toBe(before);
    });
  });

  describe('the batch form', () => {
    it('processes up to 1,000 envelopes in order, with a status each', async () => {
      const batch = [...storyBefore('IssueInvoice'), envelope('IssueInvoice', 'inv-1')];
      const res = await h.http().post('/api/commands').send(batch).expect(200);
      expect(res.body).toHaveLength(batch.length);
      expect(res.body.map((o: { commandId: string }) => o.commandId)).toEqual(batch.map((e) => e.commandId));
      expect(res.body.every((o: { status: string }) => o.status === 'accepted')).toBe(true);
      const again = await h.http().post('/api/commands').send(batch).expect(200);
      expect(again.body.every((o: { status: string }) => o.status === 'duplicate')).toBe(true);
    });

    it('answers each envelope; the HTTP status is that of the first refusal', async () => {
      const batch = [
        envelope('RegisterCae', 'b-1'),
        envelope('SignCape', 'b-2', { ...exampleData('SignCape'), entrepreneurId: 'nobody' }),
        { type: 'Nope', commandId: 'b-3', data: {} },
        envelope('RecordIntakeInterview', 'b-4'),
      ];
      const res = await h.http().post('/api/commands').send(batch);
      expect(res.status).toBe(404);
      expect(res.body.map((o: { status: string }) => o.status)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
      expect(res.body[1].error.code).toBe('NOT_FOUND');
      expect(res.body[2].error.code).toBe('VALIDATION_FAILED');
      expect(await head()).toBe(2);
    });

    it('refuses an empty batch and one of more than 1,000 envelopes', async () => {
      const empty = await h.http().post('/api/commands').send([]);
      expect(empty.status).toBe(400);
      expect(empty.body.error.code).toBe('VALIDATION_FAILED');
      const tooMany = Array.from({ length: 1001 }, (_, i) => envelope('RecordIntakeInterview', `x-${i}`));
      const res = await h.http().post('/api/commands').send(tooMany);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(await head()).toBe(0);
    });
  });

  describe('bad input: 400 VALIDATION_FAILED, nothing appended, never a 500', () => {
    const setUp = async () => {
      await h.http().post('/api/commands').send(storyBefore('IssueInvoice')).expect(200);
      return head();
    };
    const invoice = exampleData('IssueInvoice');
    const line = invoice.lines[0]!;
    const cases: [string, unknown][] = [
      ['a JSON string', 'just text'],
      ['null', null],
      ['an envelope without type', { commandId: 'x', data: invoice }],
      ['an unknown type', { type: 'DeleteInvoice', commandId: 'x', data: invoice }],
      ['an envelope without commandId', { type: 'IssueInvoice', data: invoice }],
      ['a commandId with spaces', { type: 'IssueInvoice', commandId: 'a b', data: invoice }],
      ['data missing', { type: 'IssueInvoice', commandId: 'x' }],
      ['a missing field', { type: 'IssueInvoice', commandId: 'x', data: { ...invoice, issuedOn: undefined } }],
      ['an ill-typed field', { type: 'IssueInvoice', commandId: 'x', data: { ...invoice, lines: 'many' } }],
      ['a number for money', { type: 'IssueInvoice', commandId: 'x', data: { ...invoice, lines: [{ ...line, unitPrice: 1500 }] } }],
      ['a negative amount', { type: 'IssueInvoice', commandId: 'x', data: { ...invoice, lines: [{ ...line, unitPrice: '-1500.00' }] } }],
      ['an amount with 3 decimals', { type: 'IssueInvoice', commandId: 'x', data: { ...invoice, lines: [{ ...line, unitPrice: '1500.001' }] } }],
      ['an invalid date', { type: 'IssueInvoice', commandId: 'x', data: { ...invoice, issuedOn: '2016-02-30' } }],
      ['an unknown VAT rate', { type: 'IssueInvoice', commandId: 'x', data: { ...invoice, lines: [{ ...line, vatRate: '19.6' }] } }],
      ['an unknown field', { type: 'IssueInvoice', commandId: 'x', data: { ...invoice, discount: '10' } }],
      ['a huge string', { type: 'IssueInvoice', commandId: 'x', data: { ...invoice, client: { ...invoice.client, name: 'x'.repeat(1_000_000) } } }],
      ['a huge commandId', { type: 'IssueInvoice', commandId: 'x'.repeat(100_000), data: invoice }],
      ['a payment of a negative amount', { type: 'RecordPayment', commandId: 'x', data: { ...exampleData('RecordPayment'), amount: '-3.00' } }],
    ];
    it.each(cases)('%s', async (_name, body) => {
      const before = await setUp();
      const res = await h.http().post('/api/commands').set('Content-Type', 'application/json').send(JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(typeof res.body.error.message).toBe('string');
      expect(await head()).toBe(before);
    });

    it('malformed JSON', async () => {
      const before = await setUp();
      const res = await h.http().post('/api/commands').set('Content-Type', 'application/json').send('{"type": "IssueInvoice", "commandId": ');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(await head()).toBe(before);
    });

    it('lists every problem with its path', async () => {
      const res = await h
        .http()
        .post('/api/commands')
        .send({ type: 'IssueInvoice', commandId: 'x', data: { ...invoice, issuedOn: 'yesterday', lines: [{ ...line, quantity: 2 }] } });
      expect(res.status).toBe(400);
      const paths = res.body.error.details.errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['data.issuedOn', 'data.lines[0].quantity']));
    });

    it('a body over the size limit is 413 PAYLOAD_TOO_LARGE', async () => {
      const res = await h
        .http()
        .post('/api/commands')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ type: 'IssueInvoice', commandId: 'x', data: { blob: 'x'.repeat(11 * 1024 * 1024) } }));
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await head()).toBe(0);
    });
  });

  describe('business refusals: a stable code, a clerk’s message, nothing appended', () => {
    it('422 with the rule’s code', async () => {
      await h.http().post('/api/commands').send(storyBefore('RenewCape')).expect(200);
      const renew = (id: string, renewedOn: string) => envelope('RenewCape', id, { ...exampleData('RenewCape'), renewedOn, months: 12 });
      await h.http().post('/api/commands').send(renew('r1', '2016-07-01')).expect(200);
      await h.http().post('/api/commands').send(renew('r2', '2017-07-01')).expect(200);
      const before = await head();
      const res = await h.http().post('/api/commands').send(renew('r3', '2018-07-01'));
      expect(res.status).toBe(422);
      expect(res.body.status).toBe('rejected');
      expect(res.body.error.code).toBe('CAPE_LIMIT_EXCEEDED');
      expect(res.body.error.message).toMatch(/renewable 2 times/);
      expect(await head()).toBe(before);
    });

    it('404 NOT_FOUND for an unknown CAE', async () => {
      const res = await h.http().post('/api/commands').send(envelope('RecordIntakeInterview', 'x'));
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
      expect(res.body.error.message).toContain('coodyssee');
    });

    it('a refused command can be sent again once the situation allows it', async () => {
      const signCape = envelope('SignCape', 'cape-1');
      expect((await h.http().post('/api/commands').send(signCape)).status).toBe(404);
      await h.http().post('/api/commands').send(storyBefore('SignCape')).expect(200);
      const res = await h.http().post('/api/commands').send(signCape).expect(200);
      expect(res.body.status).toBe('accepted');
    });
  });

  describe('concurrency', () => {
    it('many parallel invoices in one CAE get unique, continuous numbers', async () => {
      await h.http().post('/api/commands').send(storyBefore('IssueInvoice')).expect(200);
      const n = 150;
      const responses = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          h
            .http()
            .post('/api/commands')
            .send(envelope('IssueInvoice', `par-${i}`, { ...exampleData('IssueInvoice'), entrepreneurId: 'e-001' })),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(n).fill(200));
      const numbers = responses.map((r) => r.body.result.number as string).sort();
      expect(numbers).toEqual(Array.from({ length: n }, (_, i) => `2016-${String(i + 1).padStart(6, '0')}`));
      const series = await h.runtime.store.readStream('invoice-series-coodyssee/2016');
      expect(series.map((e) => e.data['number'])).toEqual(numbers);
    });

    it('parallel payments never exceed what is due', async () => {
      await h.http().post('/api/commands').send([...storyBefore('IssueInvoice'), envelope('IssueInvoice', 'inv')]).expect(200);
      // 5,400.00 due: 20 parallel payments of 500.00, only 10 can be accepted.
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          h.http().post('/api/commands').send(envelope('RecordPayment', `pay-${i}`, { ...exampleData('RecordPayment'), amount: '500.00' })),
        ),
      );
      const accepted = responses.filter((r) => r.body.status === 'accepted');
      const refused = responses.filter((r) => r.body.status === 'rejected');
      expect(accepted).toHaveLength(10);
      expect(refused.every((r) => r.body.error.code === 'PAYMENT_EXCEEDS_DUE')).toBe(true);
    });
  });

  describe('operations', () => {
    it('health answers with the log head', async () => {
      const res = await h.http().get('/api/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', eventLog: { headPosition: h.setupEvents } });
    });

    it('serves the OpenAPI document with the command route', async () => {
      const res = await h.http().get('/api/docs-json').expect(200);
      expect(res.body.paths['/api/commands'].post).toBeDefined();
      const ui = await h.http().get('/api/docs/').expect(200);
      expect(ui.text).toContain('swagger');
    });

    it('an unknown route is a 404 with a code', async () => {
      const res = await h.http().get('/api/nothing-here');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });
  });
});
