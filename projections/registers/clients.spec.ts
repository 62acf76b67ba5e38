import { clientRegistered, invoiceIssued, personForgotten, storyUpTo } from '../testing/events';
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
