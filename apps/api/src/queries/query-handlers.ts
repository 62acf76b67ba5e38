import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Runtime } from '../../../../libs/application';
import { accessRegister } from '../../../../projections/access/queries';
import type { ReadModels } from '../../../../projections/projection';
import { caeStatistics, networkStatistics } from '../../../../projections/network-statistics/queries';
import { associatesRegister, compliance, entrepreneursRegister, invoices, shareMovements } from '../../../../projections/registers/queries';
import { TREASURY } from '../../../../projections/treasury/projection';
import { caeTreasury, entrepreneurAccount } from '../../../../projections/treasury/queries';
import { notFound } from '../api-error';
import { RUNTIME } from '../tokens';
import * as Q from './read-queries';

/** Each handler answers one query from the read models only, never from the log; unknown things are 404 NOT_FOUND. */
abstract class ReadModelHandler {
  constructor(@Inject(RUNTIME) protected readonly runtime: Runtime) {}

  protected async found<T>(message: string, query: (models: ReadModels) => Promise<T | undefined>): Promise<T> {
    const result = await this.runtime.queries.run(query);
    if (result === undefined) throw notFound(message);
    return result;
  }

  /** For a query whose own answer cannot tell an unknown CAE from an unknown thing in it. */
  protected async caeKnown(caeId: string): Promise<void> {
    // The CAE's own document says it exists; no need to compute its whole treasury.
    if ((await this.runtime.queries.run((models) => models.get(TREASURY, 'caes', caeId))) === undefined) throw notFound(`CAE "${caeId}" is not registered.`, { caeId });
  }
}

const unknownCae = (caeId: string): string => `CAE "${caeId}" is not registered.`;

@QueryHandler(Q.CaeStatisticsQuery)
export class CaeStatisticsHandler extends ReadModelHandler implements IQueryHandler<Q.CaeStatisticsQuery> {
  execute({ caeId, year }: Q.CaeStatisticsQuery) {
    return this.found(unknownCae(caeId), (models) => caeStatistics(models, caeId, year));
  }
}

@QueryHandler(Q.NetworkStatisticsQuery)
export class NetworkStatisticsHandler extends ReadModelHandler implements IQueryHandler<Q.NetworkStatisticsQuery> {
  execute({ year }: Q.NetworkStatisticsQuery) {
    return this.runtime.queries.run((models) => networkStatistics(models, year));
  }
}

@QueryHandler(Q.ActivityAccountQuery)
export class ActivityAccountHandler extends ReadModelHandler implements IQueryHandler<Q.ActivityAccountQuery> {
  async execute({ caeId, entrepreneurId }: Q.ActivityAccountQuery) {
    await this.caeKnown(caeId);
    return this.found(`Entrepreneur "${entrepreneurId}" has no activity account in CAE "${caeId}".`, (models) => entrepreneurAccount(models, caeId, entrepreneurId));
  }
}

@QueryHandler(Q.CaeTreasuryQuery)
export class CaeTreasuryHandler extends ReadModelHandler implements IQueryHandler<Q.CaeTreasuryQuery> {
  execute({ caeId }: Q.CaeTreasuryQuery) {
    return this.found(unknownCae(caeId), (models) => caeTreasury(models, caeId));
  }
}

@QueryHandler(Q.EntrepreneursRegisterQuery)
export class EntrepreneursRegisterHandler extends ReadModelHandler implements IQueryHandler<Q.EntrepreneursRegisterQuery> {
  execute({ caeId }: Q.EntrepreneursRegisterQuery) {
    return this.found(unknownCae(caeId), (models) => entrepreneursRegister(models, caeId));
  }
}

@QueryHandler(Q.AssociatesRegisterQuery)
export class AssociatesRegisterHandler extends ReadModelHandler implements IQueryHandler<Q.AssociatesRegisterQuery> {
  execute({ caeId }: Q.AssociatesRegisterQuery) {
    return this.found(unknownCae(caeId), (models) => associatesRegister(models, caeId));
  }
}

@QueryHandler(Q.ShareMovementsQuery)
export class ShareMovementsHandler extends ReadModelHandler implements IQueryHandler<Q.ShareMovementsQuery> {
  execute({ caeId }: Q.ShareMovementsQuery) {
    return this.found(unknownCae(caeId), (models) => shareMovements(models, caeId));
  }
}

@QueryHandler(Q.InvoicesQuery)
export class InvoicesHandler extends ReadModelHandler implements IQueryHandler<Q.InvoicesQuery> {
  async execute({ caeId, only }: Q.InvoicesQuery) {
    const register = await this.found(unknownCae(caeId), (models) => invoices(models, caeId));
    return only === undefined ? register : { ...register, invoices: register.invoices.filter((invoice) => invoice.entrepreneurId === only.entrepreneurId) };
  }
}

@QueryHandler(Q.ComplianceQuery)
export class ComplianceHandler extends ReadModelHandler implements IQueryHandler<Q.ComplianceQuery> {
  execute({ caeId, today }: Q.ComplianceQuery) {
    return this.found(unknownCae(caeId), (models) => compliance(models, caeId, today));
  }
}

@QueryHandler(Q.AccessRegisterQuery)
export class AccessRegisterHandler extends ReadModelHandler implements IQueryHandler<Q.AccessRegisterQuery> {
  execute({ caeId }: Q.AccessRegisterQuery) {
    return this.found(unknownCae(caeId), (models) => accessRegister(models, caeId));
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

export const QUERY_HANDLERS = [
  CaeStatisticsHandler,
  NetworkStatisticsHandler,
  ActivityAccountHandler,
  CaeTreasuryHandler,
  EntrepreneursRegisterHandler,
  AssociatesRegisterHandler,
  ShareMovementsHandler,
  InvoicesHandler,
  ComplianceHandler,
  AccessRegisterHandler,
  HealthHandler,
];
