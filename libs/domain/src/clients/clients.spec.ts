import { validateEnvelope } from '../validation';
import { given, issueInvoice, registerCae, registerClient } from '../testing';
import { aliceUnderCesa } from '../testing/histories';

const issues = (data: Record<string, unknown>) => {
  const result = validateEnvelope({ type: 'RegisterClient', commandId: 'c-1', data: { ...(registerClient('hotel').data as object), ...data } });
  return result.ok ? [] : (result.error.details?.['errors'] as { path: string; message: string }[]);
};

describe('the client directory', () => {
  it('given a CAE, when registering a company, then it is in the directory with its identifiers in clear', async () => {
    await given(registerCae())
      .when(registerClient('hotel'))
      .then([
        {
          type: 'ClientRegistered',
          data: {
            caeId: 'coodyssee',
            clientId: 'hotel',
            registeredOn: '2026-09-01',
            client: { kind: 'company', name: 'Hôtel du Col', siren: '501234561', address: { line1: 'Col du Lautaret', postalCode: '05480', city: 'Villar-d’Arêne' } },
          },
        },
      ]);
  });

  it('when registering a private person, then their name, address and email are put apart to be sealed', async () => {
    await given(registerCae())
      .when(registerClient('jeanne', { kind: 'individual', name: 'Jeanne Durand', siren: undefined, email: 'jeanne@example.org' }))
      .then(([registered]) =>
        expect(registered?.data).toMatchObject({
          client: { kind: 'individual', individual: { name: 'Jeanne Durand', email: 'jeanne@example.org', address: { postalCode: '05480' } } },
        }),
      );
  });

  it('refuses a client registered twice (CLIENT_ALREADY_REGISTERED)', async () => {
    await given(registerCae(), registerClient('hotel')).when(registerClient('hotel')).thenRejects('CLIENT_ALREADY_REGISTERED', 'hotel');
  });

  it('refuses a SIREN that fails its checksum, a French company without one, identifiers on a private person, a clientId like an invoice number', () => {
    expect(issues({ siren: '501234562' })).toEqual([{ path: 'data.siren', message: 'is not a SIREN: its check digit (Luhn) is wrong' }]);
    expect(issues({ siren: undefined })).toEqual([{ path: 'data.siren', message: 'is required for a French company' }]);
    expect(issues({ siren: undefined, address: { line1: 'Hauptstraße 1', postalCode: '10115', city: 'Berlin', country: 'DE' } })).toEqual([]);
    expect(issues({ kind: 'individual' })).toEqual([{ path: 'data.siren', message: 'is not for a private person' }]);
    expect(issues({ chorusServiceCode: 'SERVICE-A' })).toEqual([{ path: 'data.chorusServiceCode', message: 'is for a public body only' }]);
    expect(issues({ clientId: '2026-000001' })).toEqual([{ path: 'data.clientId', message: 'must not have the form of an invoice or quote number' }]);
    expect(issues({ siret: '50123456100006', siren: '501234561' })).toEqual([]);
    expect(issues({ siret: '81234567600009' })).toEqual([{ path: 'data.siret', message: 'must begin with the SIREN 501234561' }]);
  });

  it('given a client in the directory, when invoicing it by its id, then the invoice copies it and names it', async () => {
    await given(...aliceUnderCesa, registerClient('hotel'))
      .when(issueInvoice('alice', '2016-01-11', { client: { clientId: 'hotel' } }))
      .then(([, issued]) => expect(issued?.data).toMatchObject({ client: { clientId: 'hotel', kind: 'company', name: 'Hôtel du Col', siren: '501234561' } }));
  });

  it('refuses an invoice to a client the directory does not have (NOT_FOUND)', async () => {
    await given(...aliceUnderCesa).when(issueInvoice('alice', '2016-01-11', { client: { clientId: 'nobody' } })).thenRejects('NOT_FOUND', 'nobody');
  });
});
