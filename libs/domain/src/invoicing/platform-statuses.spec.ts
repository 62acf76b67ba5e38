import type { Command } from '../commands';
import { validateEnvelope } from '../validation';
import { aliceInvoiced, CAE, given } from '../testing';

const status = (data: Record<string, unknown> = {}): Command =>
  ({ type: 'RecordPlatformStatus', data: { caeId: CAE, invoiceNumber: '2016-000001', status: 'deposited', on: '2016-01-11', platform: 'Chorus Pro', ...data } }) as Command;

describe('an invoice’s life on an e-invoicing platform', () => {
  it('given an invoice, when its platform reports it deposited then cashed, then each status is recorded with its lifecycle code', async () => {
    await given(...aliceInvoiced)
      .when(status({ platformReference: 'CPP-1' }))
      .then([
        {
          type: 'InvoicePlatformStatusRecorded',
          data: { caeId: CAE, entrepreneurId: 'alice', invoiceNumber: '2016-000001', status: 'deposited', code: 200, on: '2016-01-11', platform: 'Chorus Pro', platformReference: 'CPP-1' },
        },
      ]);
    await given(...aliceInvoiced, status())
      .when(status({ status: 'cashed', on: '2016-02-01' }))
      .then(([recorded]) => expect(recorded?.data).toMatchObject({ status: 'cashed', code: 212 }));
  });

  it('refuses an unknown invoice (NOT_FOUND), a status before the invoice (DATE_OUT_OF_ORDER), a status outside the lifecycle (VALIDATION_FAILED)', async () => {
    await given(...aliceInvoiced).when(status({ invoiceNumber: '2016-000009' })).thenRejects('NOT_FOUND', '2016-000009');
    await given(...aliceInvoiced).when(status({ on: '2016-01-10' })).thenRejects('DATE_OUT_OF_ORDER');
    const refused = validateEnvelope({ type: 'RecordPlatformStatus', commandId: 'c', data: { ...(status().data as object), status: 'paid' } });
    expect(refused.ok ? [] : refused.error.details?.['errors']).toEqual([{ path: 'data.status', message: expect.stringMatching(/^must be one of: deposited, /) }]);
  });
});
