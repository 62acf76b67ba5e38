import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { fecFile, invoiceDocument, isLive, type Cut, type QueryRunner, type Runtime } from '../../../../libs/application';
import { accessRegister } from '../../../../projections/access/queries';
import { auditsOf, networkAudits } from '../../../../projections/audits/queries';
import type { ReadModels } from '../../../../projections/projection';
import { caeStatistics, caeStatisticsByYear, networkStatistics, networkStatisticsByYear } from '../../../../projections/network-statistics/queries';
import { associatesRegister, clientsDirectory, compliance, entrepreneurFile, entrepreneursRegister, invoices, shareMovements } from '../../../../projections/registers/queries';
import { TREASURY } from '../../../../projections/treasury/projection';
import { ACCESS } from '../../../../projections/access/documents';
import { AUDITS } from '../../../../projections/audits/documents';
import { PROJECTION as NETWORK_STATISTICS } from '../../../../projections/network-statistics/documents';
import { REGISTERS } from '../../../../projections/registers/documents';
import { caeAccounts, caeTreasury, entrepreneurAccount, networkCaes } from '../../../../projections/treasury/queries';
import { notFound, refusal } from '../api-error';
import { RUNTIME } from '../tokens';
import * as Q from './read-queries';

/**
 * Each handler answers one query from read models only, never from the log: the live ones, or, for a query as of
 * a date or a moment of the log, the scope's events replayed into throwaway ones. Unknown things are 404 NOT_FOUND.
 */
abstract class ReadModelHandler {
  constructor(@Inject(RUNTIME) protected readonly runtime: Runtime) {}

  /**
   * The read models a query reads: the live ones, or one CAE's history (the network's, without caeId) replayed
   * through the projections the query reads — and those only.
   */
  protected models(caeId: string | undefined, cut: Cut, projections: readonly string[]): Promise<QueryRunner> {
    return isLive(cut) ? Promise.resolve(this.runtime.queries) : this.runtime.asOf.readModels(caeId === undefined ? {} : { caeId }, cut, projections);
  }

  protected async found<T>(models: QueryRunner, message: string, query: (models: ReadModels) => Promise<T | undefined>): Promise<T> {
    const result = await models.run(query);
    if (result === undefined) throw notFound(message);
    return result;
  }

  /** For a query whose own answer cannot tell an unknown CAE from an unknown thing in it. */
  protected async caeKnown(models: QueryRunner, caeId: string): Promise<void> {
    // The CAE's own document says it exists; no need to compute its whole treasury.
    if ((await models.run((read) => read.get(TREASURY, 'caes', caeId))) === undefined) throw notFound(`CAE "${caeId}" is not registered.`, { caeId });
  }
}

const unknownCae = (caeId: string): string => `CAE "${caeId}" is not registered.`;

@QueryHandler(Q.CaeStatisticsQuery)
export class CaeStatisticsHandler extends ReadModelHandler implements IQueryHandler<Q.CaeStatisticsQuery> {
  async execute({ caeId, year, cut }: Q.CaeStatisticsQuery) {
    return this.found(await this.models(caeId, cut, [NETWORK_STATISTICS]), unknownCae(caeId), (models) => caeStatistics(models, caeId, year));
  }
}

@QueryHandler(Q.CaeStatisticsYearsQuery)
export class CaeStatisticsYearsHandler extends ReadModelHandler implements IQueryHandler<Q.CaeStatisticsYearsQuery> {
  async execute({ caeId, cut }: Q.CaeStatisticsYearsQuery) {
    return this.found(await this.models(caeId, cut, [NETWORK_STATISTICS]), unknownCae(caeId), (models) => caeStatisticsByYear(models, caeId));
  }
}

@QueryHandler(Q.NetworkStatisticsYearsQuery)
export class NetworkStatisticsYearsHandler extends ReadModelHandler implements IQueryHandler<Q.NetworkStatisticsYearsQuery> {
  async execute({ cut }: Q.NetworkStatisticsYearsQuery) {
    return (await this.models(undefined, cut, [NETWORK_STATISTICS])).run(networkStatisticsByYear);
  }
}

@QueryHandler(Q.NetworkCaesQuery)
export class NetworkCaesHandler extends ReadModelHandler implements IQueryHandler<Q.NetworkCaesQuery> {
  async execute({ cut }: Q.NetworkCaesQuery) {
    // As of a cut, the CAEs registered by then: their registrations alone are replayed.
    return (await this.models(undefined, cut, [TREASURY])).run(networkCaes);
  }
}

@QueryHandler(Q.NetworkStatisticsQuery)
export class NetworkStatisticsHandler extends ReadModelHandler implements IQueryHandler<Q.NetworkStatisticsQuery> {
  async execute({ year, cut }: Q.NetworkStatisticsQuery) {
    return (await this.models(undefined, cut, [NETWORK_STATISTICS])).run((models) => networkStatistics(models, year));
  }
}

@QueryHandler(Q.ActivityAccountQuery)
export class ActivityAccountHandler extends ReadModelHandler implements IQueryHandler<Q.ActivityAccountQuery> {
  async execute({ caeId, entrepreneurId, cut }: Q.ActivityAccountQuery) {
    const models = await this.models(caeId, cut, [TREASURY]);
    await this.caeKnown(models, caeId);
    return this.found(models, `Entrepreneur "${entrepreneurId}" has no activity account in CAE "${caeId}".`, (models) => entrepreneurAccount(models, caeId, entrepreneurId));
  }
}

@QueryHandler(Q.EntrepreneurFileQuery)
export class EntrepreneurFileHandler extends ReadModelHandler implements IQueryHandler<Q.EntrepreneurFileQuery> {
  async execute({ caeId, entrepreneurId, cut }: Q.EntrepreneurFileQuery) {
    const models = await this.models(caeId, cut, [REGISTERS]);
    if ((await models.run((read) => read.get(REGISTERS, 'caes', caeId))) === undefined) throw notFound(unknownCae(caeId), { caeId });
    return this.found(models, `Entrepreneur "${entrepreneurId}" is not in the register of CAE "${caeId}".`, (models) => entrepreneurFile(models, caeId, entrepreneurId));
  }
}

@QueryHandler(Q.CaeTreasuryQuery)
export class CaeTreasuryHandler extends ReadModelHandler implements IQueryHandler<Q.CaeTreasuryQuery> {
  async execute({ caeId, cut }: Q.CaeTreasuryQuery) {
    return this.found(await this.models(caeId, cut, [TREASURY]), unknownCae(caeId), (models) => caeTreasury(models, caeId));
  }
}

@QueryHandler(Q.EntrepreneursRegisterQuery)
export class EntrepreneursRegisterHandler extends ReadModelHandler implements IQueryHandler<Q.EntrepreneursRegisterQuery> {
  async execute({ caeId, cut }: Q.EntrepreneursRegisterQuery) {
    return this.found(await this.models(caeId, cut, [REGISTERS]), unknownCae(caeId), (models) => entrepreneursRegister(models, caeId));
  }
}

@QueryHandler(Q.ClientsDirectoryQuery)
export class ClientsDirectoryHandler extends ReadModelHandler implements IQueryHandler<Q.ClientsDirectoryQuery> {
  async execute({ caeId, cut }: Q.ClientsDirectoryQuery) {
    return this.found(await this.models(caeId, cut, [REGISTERS]), unknownCae(caeId), (models) => clientsDirectory(models, caeId));
  }
}

@QueryHandler(Q.CaeAccountsQuery)
export class CaeAccountsHandler extends ReadModelHandler implements IQueryHandler<Q.CaeAccountsQuery> {
  async execute({ caeId, cut }: Q.CaeAccountsQuery) {
    return this.found(await this.models(caeId, cut, [TREASURY]), unknownCae(caeId), (models) => caeAccounts(models, caeId));
  }
}

@QueryHandler(Q.AssociatesRegisterQuery)
export class AssociatesRegisterHandler extends ReadModelHandler implements IQueryHandler<Q.AssociatesRegisterQuery> {
  async execute({ caeId, cut }: Q.AssociatesRegisterQuery) {
    return this.found(await this.models(caeId, cut, [REGISTERS]), unknownCae(caeId), (models) => associatesRegister(models, caeId));
  }
}

@QueryHandler(Q.ShareMovementsQuery)
export class ShareMovementsHandler extends ReadModelHandler implements IQueryHandler<Q.ShareMovementsQuery> {
  async execute({ caeId, cut }: Q.ShareMovementsQuery) {
    return this.found(await this.models(caeId, cut, [REGISTERS]), unknownCae(caeId), (models) => shareMovements(models, caeId));
  }
}

@QueryHandler(Q.InvoicesQuery)
export class InvoicesHandler extends ReadModelHandler implements IQueryHandler<Q.InvoicesQuery> {
  async execute({ caeId, only, cut }: Q.InvoicesQuery) {
    const register = await this.found(await this.models(caeId, cut, [REGISTERS]), unknownCae(caeId), (models) => invoices(models, caeId));
    const hers = <T extends { entrepreneurId: string }>(lines: T[]) => (only === undefined ? lines : lines.filter((line) => line.entrepreneurId === only.entrepreneurId));
    return { ...register, invoices: hers(register.invoices), quotes: hers(register.quotes) };
  }
}

@QueryHandler(Q.ComplianceQuery)
export class ComplianceHandler extends ReadModelHandler implements IQueryHandler<Q.ComplianceQuery> {
  // As of a date, the alerts are those of that day unless another day is asked.
  async execute({ caeId, today, cut }: Q.ComplianceQuery) {
    return this.found(await this.models(caeId, cut, [REGISTERS]), unknownCae(caeId), (models) => compliance(models, caeId, today ?? cut.asOf));
  }
}

@QueryHandler(Q.AccessRegisterQuery)
export class AccessRegisterHandler extends ReadModelHandler implements IQueryHandler<Q.AccessRegisterQuery> {
  async execute({ caeId, cut }: Q.AccessRegisterQuery) {
    return this.found(await this.models(caeId, cut, [ACCESS]), unknownCae(caeId), (models) => accessRegister(models, caeId));
  }
}

@QueryHandler(Q.AuditsQuery)
export class AuditsHandler extends ReadModelHandler implements IQueryHandler<Q.AuditsQuery> {
  async execute({ caeId, cut }: Q.AuditsQuery) {
    return this.found(await this.models(caeId, cut, [AUDITS]), unknownCae(caeId), (models) => auditsOf(models, caeId));
  }
}

@QueryHandler(Q.NetworkAuditsQuery)
export class NetworkAuditsHandler extends ReadModelHandler implements IQueryHandler<Q.NetworkAuditsQuery> {
  execute({ asOf }: Q.NetworkAuditsQuery) {
    return this.runtime.queries.run((models) => networkAudits(models, asOf));
  }
}

@QueryHandler(Q.HealthQuery)
export class HealthHandler implements IQueryHandler<Q.HealthQuery> {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  // The log head, the lag and the problems: what an operator needs, not a read model.
  async execute({ detailed }: Q.HealthQuery) {
    const report = await this.runtime.health();
    return detailed ? report : { status: report.status };
  }
}

@QueryHandler(Q.FecQuery)
export class FecHandler extends ReadModelHandler implements IQueryHandler<Q.FecQuery> {
  async execute({ caeId, year, position }: Q.FecQuery) {
    const file = await fecFile(this.runtime, caeId, year, position);
    if (file === undefined) throw notFound(unknownCae(caeId), { caeId });
    if (!('refused' in file)) return file;
    if (file.refused === 'NO_ACTIVITY_IN_YEAR') throw refusal('NO_ACTIVITY_IN_YEAR', `CAE "${caeId}" has no entry in ${year}: no FEC for that year.`, { caeId, year });
    throw refusal('CAE_IDENTITY_MISSING', `CAE "${caeId}" has no SIREN on record (RecordCaeIdentity): its FEC is named by it.`, { caeId });
  }
}

@QueryHandler(Q.InvoiceDocumentQuery)
export class InvoiceDocumentHandler extends ReadModelHandler implements IQueryHandler<Q.InvoiceDocumentQuery> {
  async execute({ caeId, number, format, only }: Q.InvoiceDocumentQuery) {
    await this.caeKnown(this.runtime.queries, caeId);
    const document = await invoiceDocument(this.runtime.queries, caeId, number, format);
    // Another entrepreneur's document answers as a missing one: its existence is not hers to know.
    if (document === undefined || ('entrepreneurId' in document && only !== undefined && document.entrepreneurId !== only.entrepreneurId)) {
      throw notFound(`CAE "${caeId}" has no invoice or credit note "${number}"${only ? ' of yours' : ''}.`, { caeId, number });
    }
    if ('refused' in document) throw refusal('CAE_IDENTITY_MISSING', `CAE "${caeId}" had no legal identity in force (RecordCaeIdentity) when "${number}" was issued: a document names its seller by it.`, { caeId, number });
    return document;
  }
}

export const QUERY_HANDLERS = [
  InvoiceDocumentHandler,
  FecHandler,
  CaeStatisticsHandler,
  CaeStatisticsYearsHandler,
  NetworkStatisticsHandler,
  NetworkStatisticsYearsHandler,
  ActivityAccountHandler,
  EntrepreneurFileHandler,
  CaeTreasuryHandler,
  EntrepreneursRegisterHandler,
  AssociatesRegisterHandler,
  ClientsDirectoryHandler,
  CaeAccountsHandler,
  ShareMovementsHandler,
  InvoicesHandler,
  ComplianceHandler,
  AccessRegisterHandler,
  AuditsHandler,
  NetworkAuditsHandler,
  NetworkCaesHandler,
  HealthHandler,
];
