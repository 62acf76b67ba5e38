import type { DomainEvent } from '../events';
import { aliceInvoiced, given, integrate, issueInvoice, registerCae, signCesa } from '../testing';

const numbersOf = (events: DomainEvent[]) => events.flatMap((e) => (e.type === 'InvoiceNumberAssigned' ? [e.data.number] : []));

describe('continuous numbering: a chronological and continuous sequence, per CAE and per year', () => {
  it('given invoice 2016-000001, when Alice invoices again, then 2016-000002', async () => {
    await given(aliceInvoiced)
      .when(issueInvoice('alice', '2016-01-12'))
      .then((events) => expect(numbersOf(events)).toEqual(['2016-000002']));
  });

  it('given invoice 2016-000001 by Alice, when Bob invoices, then 2016-000002 (one series for the whole CAE)', async () => {
    await given(aliceInvoiced, integrate('bob', '2016-01-04'), signCesa('bob', '2016-01-04'))
      .when(issueInvoice('bob', '2016-01-12'))
      .then((events) => expect(numbersOf(events)).toEqual(['2016-000002']));
  });

  it('given invoices in 2016, when Alice invoices in 2017, then the new year restarts at 2017-000001', async () => {
    await given(aliceInvoiced, issueInvoice('alice', '2016-12-30'))
      .when(issueInvoice('alice', '2017-01-02'))
      .then((events) => expect(numbersOf(events)).toEqual(['2017-000001']));
  });

  it('given invoices in Coodyssée, when an entrepreneur of another CAE invoices, then that CAE has its own series', async () => {
    await given(
      aliceInvoiced,
      issueInvoice('alice', '2016-01-12'),
      registerCae({ caeId: 'oxalis', name: 'Oxalis' }),
      integrate('bob', '2016-01-04', { caeId: 'oxalis' }),
      signCesa('bob', '2016-01-04', { caeId: 'oxalis' }),
    )
      .when(issueInvoice('bob', '2016-01-13', { caeId: 'oxalis' }))
      .then((events) => expect(numbersOf(events)).toEqual(['2016-000001']));
  });

  it('given an invoice of 11 Jan, when Alice invoices on 10 Jan, then INVOICE_DATE_BEFORE_LAST', async () => {
    expect((await given(aliceInvoiced).when(issueInvoice('alice', '2016-01-10')).thenRejects('INVOICE_DATE_BEFORE_LAST')).details).toEqual({
      issuedOn: '2016-01-10',
      lastIssuedOn: '2016-01-11',
    });
  });

  it('given an invoice of 11 Jan by Alice, when Bob invoices on 10 Jan, then INVOICE_DATE_BEFORE_LAST (the series is shared)', async () => {
    await given(aliceInvoiced, integrate('bob', '2016-01-04'), signCesa('bob', '2016-01-04'))
      .when(issueInvoice('bob', '2016-01-10'))
      .thenRejects('INVOICE_DATE_BEFORE_LAST');
  });

  it('given an invoice of 11 Jan, when Alice invoices on the same day, then it is accepted as 2016-000002', async () => {
    await given(aliceInvoiced)
      .when(issueInvoice('alice', '2016-01-11'))
      .then((events) => expect(numbersOf(events)).toEqual(['2016-000002']));
  });

  it('given invoices of 2016, when Alice invoices on 2 Jan 2017 then on 1 Jan 2017, then INVOICE_DATE_BEFORE_LAST within the 2017 series', async () => {
    await given(aliceInvoiced, issueInvoice('alice', '2017-01-02')).when(issueInvoice('alice', '2017-01-01')).thenRejects('INVOICE_DATE_BEFORE_LAST');
  });
});
