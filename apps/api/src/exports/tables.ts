import type { Cut } from '../../../../libs/application';
import type { Query } from '@nestjs/cqrs';
import * as Q from '../queries/read-queries';
import type { CsvColumn } from './csv';

/** The tables a CAE exports as CSV (GET /api/caes/{caeId}/exports/{table}.csv): each read by its query route's query. */

type Answer<T> = T extends Query<infer A> ? A : never;
interface ExportTable<A, R> {
  query: (caeId: string, cut: Cut) => Query<A>;
  rows: (answer: A) => R[];
  columns: CsvColumn<R>[];
}
const table = <A, R>(t: ExportTable<A, R>): ExportTable<unknown, unknown> => t as unknown as ExportTable<unknown, unknown>;

type Entry = Answer<Q.EntrepreneursRegisterQuery>['entrepreneurs'][number];
type Associate = Answer<Q.AssociatesRegisterQuery>['associates'][number];
type Movement = Answer<Q.ShareMovementsQuery>['movements'][number];
type Invoice = Answer<Q.InvoicesQuery>['invoices'][number];
type Client = Answer<Q.ClientsDirectoryQuery>['clients'][number];
type AccountMonth = Answer<Q.CaeAccountsQuery>['accounts'][number]['monthly'][number] & { entrepreneurId: string };

export const EXPORT_TABLES: Record<string, ExportTable<unknown, unknown>> = {
  entrepreneurs: table({
    query: (caeId, cut) => new Q.EntrepreneursRegisterQuery(caeId, cut),
    rows: (a) => a.entrepreneurs,
    columns: [
      { title: 'Entrepreneur', value: (e: Entry) => e.entrepreneurId },
      { title: 'Prénom', value: (e) => e.person.firstName },
      { title: 'Nom', value: (e) => e.person.lastName },
      { title: 'Genre', value: (e) => e.person.gender },
      { title: 'Année de naissance', value: (e) => e.person.birthYear },
      { title: 'Code postal', value: (e) => e.person.postalCode },
      { title: 'Activité', value: (e) => e.activity.description },
      { title: 'Secteur', value: (e) => e.activity.sector },
      { title: 'Statut', value: (e) => e.status },
      { title: 'Entrée', value: (e) => e.history[0]?.on },
    ],
  }),
  associates: table({
    query: (caeId, cut) => new Q.AssociatesRegisterQuery(caeId, cut),
    rows: (a) => a.associates,
    columns: [
      { title: 'Associé', value: (a: Associate) => a.associateId },
      { title: 'Catégorie', value: (a) => a.category },
      { title: 'Entrepreneur', value: (a) => a.entrepreneurId },
      { title: 'Nom', value: (a) => a.name },
      { title: 'Admis le', value: (a) => a.admittedOn },
      { title: 'Parts souscrites', value: (a) => a.sharesSubscribed },
      { title: 'Parts détenues', value: (a) => a.sharesHeld },
      { title: 'Sorti le', value: (a) => a.leftOn },
    ],
  }),
  'share-movements': table({
    query: (caeId, cut) => new Q.ShareMovementsQuery(caeId, cut),
    rows: (a) => a.movements,
    columns: [
      { title: 'Date', value: (m: Movement) => m.on },
      { title: 'Mouvement', value: (m) => m.kind },
      { title: 'Associé', value: (m) => m.associateId },
      { title: 'Catégorie', value: (m) => m.category },
      { title: 'Parts', value: (m) => m.shares },
      { title: 'Montant', value: (m) => m.amount },
      { title: 'Parts après', value: (m) => m.capitalAfter.shares },
      { title: 'Capital après', value: (m) => m.capitalAfter.amount },
    ],
  }),
  invoices: table({
    query: (caeId, cut) => new Q.InvoicesQuery(caeId, undefined, cut),
    rows: (a) => a.invoices,
    columns: [
      { title: 'Numéro', value: (i: Invoice) => i.number },
      { title: 'Émise le', value: (i) => i.issuedOn },
      { title: 'Échéance', value: (i) => i.dueOn },
      { title: 'Entrepreneur', value: (i) => i.entrepreneurId },
      { title: 'Type de client', value: (i) => i.client.kind },
      { title: 'Client', value: (i) => i.client.name },
      { title: 'Total HT', value: (i) => i.totalExclVat },
      { title: 'TVA', value: (i) => i.totalVat },
      { title: 'Total TTC', value: (i) => i.totalInclVat },
      { title: 'Avoirs TTC', value: (i) => i.creditedInclVat },
      { title: 'Encaissé TTC', value: (i) => i.paidInclVat },
      { title: 'Remboursé TTC', value: (i) => i.refundedInclVat },
      { title: 'Reste dû', value: (i) => i.amountDue },
      { title: 'Statut', value: (i) => i.status },
      { title: 'Devis', value: (i) => i.quoteNumber },
      { title: 'Statut plateforme', value: (i) => i.platformStatuses.at(-1)?.status },
    ],
  }),
  clients: table({
    query: (caeId, cut) => new Q.ClientsDirectoryQuery(caeId, cut),
    rows: (a) => a.clients,
    columns: [
      { title: 'Client', value: (c: Client) => c.clientId },
      { title: 'Nom', value: (c) => c.name },
      { title: 'Type', value: (c) => c.kind },
      { title: 'SIREN', value: (c) => c.siren },
      { title: 'SIRET', value: (c) => c.siret },
      { title: 'TVA', value: (c) => c.vatNumber },
      { title: 'Adresse', value: (c) => (c.address === null || typeof c.address === 'string' ? c.address : [c.address.line1, c.address.line2, c.address.postalCode, c.address.city, c.address.country].filter(Boolean).join(' ')) },
      { title: 'Service Chorus Pro', value: (c) => c.chorusServiceCode },
    ],
  }),
  // Every activity account month by month, one line per entrepreneur and month.
  accounts: table({
    query: (caeId, cut) => new Q.CaeAccountsQuery(caeId, cut),
    rows: (a) => a.accounts.flatMap((account) => account.monthly.map((month) => ({ entrepreneurId: account.entrepreneurId, ...month }))),
    columns: [
      { title: 'Entrepreneur', value: (m: AccountMonth) => m.entrepreneurId },
      { title: 'Mois', value: (m) => m.month },
      { title: 'CA HT', value: (m) => m.revenueExclVat },
      { title: 'Avoirs HT', value: (m) => m.creditNotesExclVat },
      { title: 'Contribution', value: (m) => m.contribution },
      { title: 'Frais', value: (m) => m.expenses },
      { title: 'Salaires bruts', value: (m) => m.grossSalaries },
      { title: 'Cotisations patronales', value: (m) => m.employerContributions },
      { title: 'Coût salarial', value: (m) => m.salaryCost },
      { title: 'Résultat', value: (m) => m.result },
      { title: 'Encaissé TTC', value: (m) => m.cashReceivedInclVat },
      { title: 'Encaissé HT', value: (m) => m.cashReceivedExclVat },
    ],
  }),
};
