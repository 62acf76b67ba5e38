import type { Command } from '../commands';
import { CAE, forget, given, issueInvoice, line } from '../testing';
import { aliceUnderCesa } from '../testing/histories';

const issueQuote = (issuedOn: string, data: Record<string, unknown> = {}): Command =>
  ({ type: 'IssueQuote', data: { caeId: CAE, entrepreneurId: 'alice', issuedOn, client: { name: 'Hôtel du Col', kind: 'company', postalCode: '05000' }, lines: [line('2', '500.00')], ...data } }) as Command;
const accept = (quoteNumber: string, acceptedOn: string): Command => ({ type: 'AcceptQuote', data: { caeId: CAE, quoteNumber, acceptedOn } });
const decline = (quoteNumber: string, declinedOn: string): Command => ({ type: 'DeclineQuote', data: { caeId: CAE, quoteNumber, declinedOn } });

describe('quotes', () => {
  it('given Alice under a CESA, when she issues a quote, then it is numbered D2016-000001 in the quotes’ own series, valid 30 days, the invoices’ series untouched', async () => {
    await given(...aliceUnderCesa)
      .when(issueQuote('2016-02-01'))
      .then((events, result) => {
        expect(events.map((e) => e.type)).toEqual(['QuoteNumberAssigned', 'QuoteIssued']);
        expect(events[1]?.data).toMatchObject({ number: 'D2016-000001', validUntil: '2016-03-02', totalExclVat: '1000.00', totalInclVat: '1200.00' });
        expect(result).toEqual({ number: 'D2016-000001', validUntil: '2016-03-02', totalExclVat: '1000.00', totalVat: '200.00', totalInclVat: '1200.00' });
      });
    await given(...aliceUnderCesa, issueQuote('2016-02-01'))
      .when(issueInvoice('alice', '2016-02-02'))
      .then((_events, result) => expect(result).toMatchObject({ number: '2016-000001' }));
    await given(...aliceUnderCesa, issueQuote('2016-02-01')).when(issueQuote('2016-02-05')).then((_events, result) => expect(result).toMatchObject({ number: 'D2016-000002' }));
  });

  it('a quote is answered once: accepted twice, or declined after its acceptance, is QUOTE_ALREADY_ANSWERED', async () => {
    await given(...aliceUnderCesa, issueQuote('2016-02-01'))
      .when(accept('D2016-000001', '2016-02-03'))
      .then([{ type: 'QuoteAccepted', data: { caeId: CAE, entrepreneurId: 'alice', number: 'D2016-000001', acceptedOn: '2016-02-03' } }]);
    await given(...aliceUnderCesa, issueQuote('2016-02-01'), accept('D2016-000001', '2016-02-03')).when(accept('D2016-000001', '2016-02-04')).thenRejects('QUOTE_ALREADY_ANSWERED', 'accepted');
    await given(...aliceUnderCesa, issueQuote('2016-02-01'), decline('D2016-000001', '2016-02-03')).when(accept('D2016-000001', '2016-02-04')).thenRejects('QUOTE_ALREADY_ANSWERED', 'declined');
  });

  it('refuses an unknown quote (NOT_FOUND), an answer before the quote (DATE_OUT_OF_ORDER), an acceptance after its validity (QUOTE_EXPIRED)', async () => {
    await given(...aliceUnderCesa).when(accept('D2016-000009', '2016-02-03')).thenRejects('NOT_FOUND', 'D2016-000009');
    await given(...aliceUnderCesa, issueQuote('2016-02-01')).when(decline('D2016-000001', '2016-01-31')).thenRejects('DATE_OUT_OF_ORDER');
    await given(...aliceUnderCesa, issueQuote('2016-02-01', { validUntil: '2016-02-10' })).when(accept('D2016-000001', '2016-02-11')).thenRejects('QUOTE_EXPIRED', '2016-02-10');
  });

  it('an invoice follows an accepted quote only: it names it; a quote not accepted is QUOTE_NOT_ACCEPTED', async () => {
    await given(...aliceUnderCesa, issueQuote('2016-02-01'), accept('D2016-000001', '2016-02-03'))
      .when(issueInvoice('alice', '2016-02-10', { quoteNumber: 'D2016-000001' }))
      .then(([, issued]) => expect(issued?.data).toMatchObject({ quoteNumber: 'D2016-000001' }));
    await given(...aliceUnderCesa, issueQuote('2016-02-01')).when(issueInvoice('alice', '2016-02-10', { quoteNumber: 'D2016-000001' })).thenRejects('QUOTE_NOT_ACCEPTED', 'issued');
    await given(...aliceUnderCesa).when(issueInvoice('alice', '2016-02-10', { quoteNumber: 'D2016-000001' })).thenRejects('NOT_FOUND');
  });

  it('a quote to a private person is forgotten by its number', async () => {
    await given(...aliceUnderCesa, issueQuote('2016-02-01', { client: { name: 'Jeanne Durand', kind: 'individual' } }))
      .when(forget('client', 'D2016-000001'))
      .then(([forgotten]) => expect(forgotten?.data).toMatchObject({ kind: 'client', personId: 'D2016-000001' }));
    await given(...aliceUnderCesa, issueQuote('2016-02-01')).when(forget('client', 'D2016-000001')).thenRejects('NOT_FOUND', 'not a private individual');
  });
});
