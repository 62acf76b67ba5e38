import { caeRegistered, clientRegistered, creditNoteIssued, invoiceIssued, personForgotten } from '../testing/events';
import { logOf } from '../testing/log';
import { MemoryDocs } from '../testing/memory-docs';
import { registersProjection } from '../registers/projection';
import { FORGOTTEN } from '../registers/documents';
import type { DomainEvent } from '../../libs/domain';
import type { ReadModels } from '../projection';
import { invoiceDocumentsProjection } from './projection';
import { documentFacts, documentsIssued } from './queries';

const identity = (effectiveOn: string, legalName: string): DomainEvent => ({
  type: 'CaeIdentityRecorded',
  data: { caeId: 'coodyssee', effectiveOn, legalName, siren: '812345676', siret: '81234567600009', rcsCity: 'Marseille', vatNumber: 'FR19812345676', address: { line1: '1 rue', postalCode: '13001', city: 'Marseille' } },
});

/** Both projections the documents read: their own, and the directory of the registers. */
const run = async (events: DomainEvent[], check: (models: ReadModels) => Promise<void>) =>
  check(new MemoryDocs().run(invoiceDocumentsProjection, logOf(events)).run(registersProjection, logOf(events)));

describe('the facts of an invoice’s document', () => {
  it('an invoice carries the identity in force on its issue date; a credit note its own facts and its invoice’s', () =>
    run([caeRegistered(), identity('2016-01-01', 'Coodyssée SCOP SARL'), identity('2016-10-01', 'Coodyssée SCOP SA'), invoiceIssued(), creditNoteIssued()], async (models) => {
      const invoice = await documentFacts(models, 'coodyssee', '2016-000001');
      expect(invoice).toMatchObject({ kind: 'invoice', seller: { name: 'Coodyssée', legalForm: 'SARL_SCOP', identity: { legalName: 'Coodyssée SCOP SARL' } }, invoice: { number: '2016-000001', totalInclVat: '5400.00' } });
      const credit = await documentFacts(models, 'coodyssee', '2016-000002');
      expect(credit).toMatchObject({ kind: 'credit_note', invoice: { number: '2016-000001' }, creditNote: { number: '2016-000002', invoiceNumber: '2016-000001' } });
      expect(await documentFacts(models, 'coodyssee', '2016-000009')).toBeUndefined();
      expect(await documentsIssued(models, 'coodyssee', '2016-09-01', '2016-09-30')).toEqual(['2016-000001', '2016-000002']);
      expect(await documentsIssued(models, 'coodyssee', '2016-09-06', '2016-09-21')).toEqual([]);
    }));

  it('a private client forgotten reads [forgotten] on the document: inline by the invoice’s number, a directory one by its clientId', async () => {
    const inline = invoiceIssued({ client: { kind: 'individual', individual: { name: 'Jeanne Dupont', postalCode: '05000' } } });
    await run([caeRegistered(), inline, personForgotten({ kind: 'client', personId: '2016-000001' })], async (models) =>
      expect((await documentFacts(models, 'coodyssee', '2016-000001'))?.invoice.client.individual).toBe(FORGOTTEN),
    );
    const jeanne = clientRegistered({ clientId: 'jeanne', client: { kind: 'individual', individual: { name: 'Jeanne Durand', address: { line1: '2 rue', postalCode: '05000', city: 'Gap' } } } });
    const toJeanne = invoiceIssued({ client: { kind: 'individual', clientId: 'jeanne', individual: { name: 'Jeanne Durand' } } });
    await run([caeRegistered(), jeanne, toJeanne, invoiceIssued({ number: '2016-000002' })], async (models) =>
      expect((await documentFacts(models, 'coodyssee', '2016-000001'))?.invoice.client.individual).toEqual({ name: 'Jeanne Durand', address: { line1: '2 rue', postalCode: '05000', city: 'Gap' } }),
    );
    await run([caeRegistered(), jeanne, toJeanne, personForgotten({ kind: 'client', personId: 'jeanne' })], async (models) =>
      expect((await documentFacts(models, 'coodyssee', '2016-000001'))?.invoice.client.individual).toEqual({ name: FORGOTTEN }),
    );
  });
});
