import { COMMAND_TYPES, type CommandType } from '../../libs/domain';
import { exampleData, storyOf } from '../fixtures/commands';
import { startHarness, type Harness } from './api-harness';

/** Issue 9, failure 7: a credit note after full payment left `amountDue: "-120.00"` and no way to record the refund. */
const envelope = (type: CommandType, commandId: string, changes: object = {}) => ({ type, commandId, data: { ...exampleData(type), ...changes } });

const story = storyOf(COMMAND_TYPES.slice(0, COMMAND_TYPES.indexOf('IssueInvoice')));

/** Invoice 2016-000001 of 100.00 + 20% = 120.00, paid in full, then credited for all of it (2016-000002). */
const paidThenCredited = [
  ...story,
  envelope('IssueInvoice', 'inv', { lines: [{ description: 'Atelier', quantity: '1', unitPrice: '100.00', vatRate: '20' }] }),
  envelope('RecordPayment', 'pay', { amount: '120.00' }),
  envelope('IssueCreditNote', 'credit', { lines: undefined }),
];

describe('refunds over HTTP', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.http().post('/api/commands').send(paidThenCredited).expect(200);
  });
  afterEach(async () => {
    await h.close();
  });

  const invoice = async () => {
    await h.caughtUp();
    return (await h.http().get('/api/caes/coodyssee/invoices').expect(200)).body.invoices[0];
  };
  const account = async () => {
    await h.caughtUp();
    return (await h.http().get('/api/caes/coodyssee/entrepreneurs/e-001/account').expect(200)).body;
  };
  const refund = (commandId: string, amount: string) => h.http().post('/api/commands').send(envelope('RecordRefund', commandId, { amount }));

  it('given 120.00 paid then all of it credited, then nothing is due and 120.00 is owed back, on the invoice and in the account', async () => {
    expect(await invoice()).toMatchObject({ paidInclVat: '120.00', creditedInclVat: '120.00', amountDue: '0.00', refundOwed: '120.00', status: 'refund_due' });
    expect((await account()).receivables).toMatchObject({ amountDue: '0.00', refundsOwed: { amount: '120.00', invoices: [{ number: '2016-000001', refundOwed: '120.00' }] } });
  });

  it('a refund beyond what is owed is 422 REFUND_EXCEEDS_OWED with nothing appended; 120.00 settles it; another one is 422 NOTHING_TO_REFUND', async () => {
    const head = () => h.runtime.store.headPosition();
    const before = await head();
    const beyond = await refund('too-much', '120.01');
    expect(beyond.status).toBe(422);
    expect(beyond.body.error).toMatchObject({ code: 'REFUND_EXCEEDS_OWED', details: { owed: '120.00', amount: '120.01' } });
    expect(await head()).toBe(before);

    const settled = await refund('refund', '120.00').expect(200);
    expect(settled.body).toMatchObject({ status: 'accepted', result: { invoiceNumber: '2016-000001', remainingOwed: '0.00' }, events: [{ type: 'RefundRecorded' }] });
    expect(await invoice()).toMatchObject({
      refunds: [{ refundedOn: '2016-09-22', amount: '120.00', amountExclVat: '100.00' }],
      amountDue: '0.00',
      refundOwed: '0.00',
      status: 'refunded',
    });
    expect((await account()).toDate).toMatchObject({ cashReceivedInclVat: '120.00', refundsInclVat: '120.00', refundsExclVat: '100.00' });

    const afterRefund = await head();
    const again = await refund('again', '0.01');
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('NOTHING_TO_REFUND');
    expect(await head()).toBe(afterRefund);
  });

  it('the OpenAPI document lists RecordRefund and its codes', async () => {
    const doc = JSON.stringify((await h.http().get('/api/docs-json').expect(200)).body.paths['/api/commands'].post);
    for (const name of ['"RecordRefund"', '"REFUND_EXCEEDS_OWED"', '"NOTHING_TO_REFUND"']) expect(doc).toContain(name);
  });

  it('a payment after a credit note that leaves nothing due is 422 PAYMENT_EXCEEDS_DUE, due 0.00', async () => {
    const res = await h.http().post('/api/commands').send(envelope('RecordPayment', 'late-payment', { amount: '0.01' }));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'PAYMENT_EXCEEDS_DUE', details: { due: '0.00' } });
  });
});
