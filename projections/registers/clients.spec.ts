import { clientRegistered, invoiceIssued, personForgotten, quoteAccepted, quoteIssued, storyUpTo } from '../testing/events';
import { FORGOTTEN } from './documents';
import { clientsDirectory, invoices } from './queries';
import { registers } from './spec-support';

const jeanne = clientRegistered({
  clientId: 'jeanne',
  client: { kind: 'individual', individual: { name: 'Jeanne Durand', address: { line1: '2 rue de France', postalCode: '05000', city: 'Gap' }, email: 'jeanne@example.org' } },
});
const toJeanne = invoiceIssued({ number: '2016-000002', client: { kind: 'individual', clientId: 'jeanne', individual: { name: 'Jeanne Durand' } } });

describe('the client directory', () => {
  it('given clients registered, then the directory lists them by clientId with their identifiers and addresses', () =>
    registers(...storyUpTo('CesaSigned'), clientRegistered()).when(jeanne).then(async (docs) =>
      expect(await clientsDirectory(docs, 'coodyssee')).toEqual({
        caeId: 'coodyssee',
        clients: [
          {
            clientId: 'jeanne',
            registeredOn: '2016-09-01',
            kind: 'individual',
            name: 'Jeanne Durand',
            siren: null,
            siret: null,
            vatNumber: null,
            address: { line1: '2 rue de France', postalCode: '05000', city: 'Gap' },
            chorusServiceCode: null,
            email: 'jeanne@example.org',
          },
          {
            clientId: 'ville-de-briancon',
            registeredOn: '2016-09-01',
            kind: 'public_body',
            name: 'Ville de Briançon',
            siren: '412345670',
            siret: '41234567000001',
            vatNumber: null,
            address: { line1: '1 rue Aspirant Jan', postalCode: '05100', city: 'Briançon', country: 'FR' },
            chorusServiceCode: 'SERVICE-COMMUNICATION',
            email: null,
          },
        ],
      }),
    ));

  it('an invoice to a directory client names it by clientId and shows its name from the directory', () =>
    registers(...storyUpTo('InvoiceIssued'), jeanne).when(toJeanne).then(async (docs) =>
      expect((await invoices(docs, 'coodyssee'))?.invoices.map((i) => i.client)).toEqual([
        { kind: 'public_body', name: 'Mairie de Gap', clientId: null },
        { kind: 'individual', name: 'Jeanne Durand', clientId: 'jeanne' },
      ]),
    ));

  it('forgetting a directory person blanks their line, and so their invoices’ client name', () =>
    registers(...storyUpTo('InvoiceIssued'), jeanne, toJeanne)
      .when(personForgotten({ kind: 'client', personId: 'jeanne' }))
      .then(async (docs) => {
        const line = (await clientsDirectory(docs, 'coodyssee'))?.clients[0];
        expect(line).toMatchObject({ name: FORGOTTEN, address: FORGOTTEN, email: null });
        expect((await invoices(docs, 'coodyssee'))?.invoices[1]?.client).toEqual({ kind: 'individual', name: FORGOTTEN, clientId: 'jeanne' });
        expect(JSON.stringify(await invoices(docs, 'coodyssee'))).not.toContain('Jeanne');
      }));
});

describe('quotes beside the invoices', () => {
  const quote = quoteIssued();
  it('a quote shows its answer and the invoices that followed it; its private client forgotten by its number', async () => {
    await registers(...storyUpTo('CesaSigned'), quote, quoteAccepted())
      .when(invoiceIssued({ quoteNumber: 'D2016-000001' }))
      .then(async (docs) => {
        const answer = await invoices(docs, 'coodyssee');
        expect(answer?.quotes).toEqual([
          {
            number: 'D2016-000001',
            issuedOn: '2016-09-02',
            validUntil: '2016-10-02',
            entrepreneurId: 'e-001',
            client: { kind: 'public_body', name: 'Mairie de Gap', clientId: null },
            totalExclVat: '2500.00',
            totalVat: '500.00',
            totalInclVat: '3000.00',
            status: 'accepted',
            answeredOn: '2016-09-04',
            reason: null,
            invoices: ['2016-000001'],
          },
        ]);
        expect(answer?.invoices[0]?.quoteNumber).toBe('D2016-000001');
      });
    await registers(...storyUpTo('CesaSigned'), quoteIssued({ client: { kind: 'individual', individual: { name: 'Jeanne Durand' } } }))
      .when(personForgotten({ kind: 'client', personId: 'D2016-000001' }))
      .then(async (docs) => expect((await invoices(docs, 'coodyssee'))?.quotes[0]?.client.name).toBe(FORGOTTEN));
  });
});
