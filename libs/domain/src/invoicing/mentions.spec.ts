import { given, issueInvoice, recordCaeIdentity, registerClient, signCesa } from '../testing';
import { aliceIntegrated } from '../testing/histories';
import type { IssueInvoice } from '../commands';

/** Alice salariée, invoicing after the e-invoicing mentions became mandatory (1 September 2026). */
const aliceIn2026 = [...aliceIntegrated, signCesa('alice', '2016-01-04')];
const complete: Partial<IssueInvoice> = {
  client: { name: 'Hôtel du Col', kind: 'company', siren: '501234561', address: { line1: 'Col du Lautaret', postalCode: '05480', city: 'Villar-d’Arêne' } },
  operationCategory: 'services',
};

describe('the mandatory mentions of an invoice', () => {
  it('given the CAE’s identity, when an invoice of 2026-09-01 has them all, then it is issued with the category and the business terms', async () => {
    await given(...aliceIn2026, recordCaeIdentity('2026-01-01'))
      .when(issueInvoice('alice', '2026-09-01', { ...complete, vatOnDebits: true, latePenaltyRate: '0.12', deliveryAddress: { line1: 'Refuge', postalCode: '05480', city: 'Villar-d’Arêne' } }))
      .then(([, issued]) =>
        expect(issued?.data).toMatchObject({
          operationCategory: 'services',
          vatOnDebits: true,
          deliveryAddress: { line1: 'Refuge' },
          businessTerms: { latePenaltyRate: '0.12', recoveryFee: '40.00' },
          client: { siren: '501234561' },
        }),
      );
  });

  it('refuses an invoice of 2026-09-01 while the CAE has no identity in force (mention "seller")', async () => {
    const error = await given(...aliceIn2026, recordCaeIdentity('2026-09-02')).when(issueInvoice('alice', '2026-09-01', complete)).thenRejects('MANDATORY_MENTION_MISSING', 'RecordCaeIdentity');
    expect(error.details).toEqual({ mention: 'seller' });
  });

  it.each([
    ['client.siren', { client: { name: 'Hôtel du Col', kind: 'company', address: { line1: 'Col', postalCode: '05480', city: 'Villar' } } }],
    ['client.address', { client: { name: 'Hôtel du Col', kind: 'company', siren: '501234561' } }],
    ['operationCategory', { operationCategory: undefined }],
  ] as const)('refuses an invoice of 2026-09-01 without %s', async (mention, patch) => {
    const error = await given(...aliceIn2026, recordCaeIdentity('2026-01-01'))
      .when(issueInvoice('alice', '2026-09-01', { ...complete, ...(patch as Partial<IssueInvoice>) }))
      .thenRejects('MANDATORY_MENTION_MISSING');
    expect(error.details).toEqual({ mention });
  });

  it('asks no SIREN of a foreign company, nor of a private person', async () => {
    const identified = [...aliceIn2026, recordCaeIdentity('2026-01-01')];
    await given(...identified)
      .when(issueInvoice('alice', '2026-09-01', { ...complete, client: { name: 'Gasthof', kind: 'company', address: { line1: 'Dorfstraße 1', postalCode: '6020', city: 'Innsbruck', country: 'AT' } } }))
      .then(([, issued]) => expect(issued?.data).toMatchObject({ client: { name: 'Gasthof' } }));
    await given(...identified)
      .when(issueInvoice('alice', '2026-09-01', { ...complete, client: { name: 'Jeanne Durand', kind: 'individual', address: { line1: '2 rue', postalCode: '05000', city: 'Gap' } } }))
      .then(([, issued]) => expect(issued?.data).toMatchObject({ client: { kind: 'individual', individual: { name: 'Jeanne Durand' } } }));
  });

  it('keeps an invoice of 2026-08-31 to the mentions of its day (imports of earlier years)', async () => {
    await given(...aliceIn2026).when(issueInvoice('alice', '2026-08-31')).then(([, issued]) => expect(issued?.data).not.toHaveProperty('operationCategory'));
  });

  it('a directory client brings its SIREN and address: the invoice needs only the category', async () => {
    await given(...aliceIn2026, recordCaeIdentity('2026-01-01'), registerClient('hotel'))
      .when(issueInvoice('alice', '2026-09-01', { client: { clientId: 'hotel' }, operationCategory: 'goods' }))
      .then(([, issued]) => expect(issued?.data).toMatchObject({ client: { clientId: 'hotel', siren: '501234561' }, operationCategory: 'goods' }));
  });
});
