import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { authorize, type Cut, type Identity, type QueryName } from '../../../libs/application';
import { Access, param, Public } from './auth/access.decorator';
import { Caller, Only } from './auth/caller';
import * as Q from './queries/read-queries';
import { QueryParameters } from './query-parameters.pipe';

const NONE = new QueryParameters('none');
const YEAR = new QueryParameters('year');

/** The parameters every query route takes: as of a business date, as known at a moment of the log. */
const cutOf = ({ asOf, knownAt }: Cut): Cut => ({ ...(asOf !== undefined && { asOf }), ...(knownAt !== undefined && { knownAt }) });

/** The policy's action of a query route that names a CAE (and, for an activity account, an entrepreneur). */
const inCae = (query: QueryName) => (request: Request) => ({ kind: 'query', query, caeId: param(request, 'caeId') }) as const;

/**
 * Query routes of docs/api.md (their answers: the OpenAPI document). Each declares the policy's action it asks,
 * checks its query string, also when it takes no parameter (an unknown parameter is refused, not ignored), and
 * asks the QueryBus.
 */
@Controller('api')
export class QueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('caes/:caeId/statistics')
  @Access(inCae('caeStatistics'))
  caeStatistics(@Param('caeId') caeId: string, @Query(YEAR) { year, ...asOf }: { year: number } & Cut) {
    return this.queries.execute(new Q.CaeStatisticsQuery(caeId, year, cutOf(asOf)));
  }

  @Get('caes/:caeId/statistics/years')
  @Access(inCae('caeStatisticsYears'))
  caeStatisticsYears(@Param('caeId') caeId: string, @Query(NONE) asOf: Cut) {
    return this.queries.execute(new Q.CaeStatisticsYearsQuery(caeId, cutOf(asOf)));
  }

  @Get('network/statistics/years')
  @Access(() => ({ kind: 'query', query: 'networkStatisticsYears' }))
  networkStatisticsYears(@Query(NONE) asOf: Cut) {
    return this.queries.execute(new Q.NetworkStatisticsYearsQuery(cutOf(asOf)));
  }

  @Get('network/statistics')
  @Access(() => ({ kind: 'query', query: 'networkStatistics' }))
  networkStatistics(@Query(YEAR) { year, ...asOf }: { year: number } & Cut) {
    return this.queries.execute(new Q.NetworkStatisticsQuery(year, cutOf(asOf)));
  }

  @Get('network/caes')
  @Access(() => ({ kind: 'query', query: 'networkCaes' }))
  networkCaes(@Query(NONE) asOf: Cut) {
    return this.queries.execute(new Q.NetworkCaesQuery(cutOf(asOf)));
  }

  @Get('caes/:caeId/entrepreneurs/:entrepreneurId/account')
  @Access((request) => ({ kind: 'query', query: 'entrepreneurAccount', caeId: param(request, 'caeId'), entrepreneurId: param(request, 'entrepreneurId') }))
  account(@Param('caeId') caeId: string, @Param('entrepreneurId') entrepreneurId: string, @Query(NONE) asOf: Cut) {
    return this.queries.execute(new Q.ActivityAccountQuery(caeId, entrepreneurId, cutOf(asOf)));
  }

  @Get('caes/:caeId/entrepreneurs/:entrepreneurId')
  @Access((request) => ({ kind: 'query', query: 'entrepreneurFile', caeId: param(request, 'caeId'), entrepreneurId: param(request, 'entrepreneurId') }))
  file(@Param('caeId') caeId: string, @Param('entrepreneurId') entrepreneurId: string, @Query(NONE) asOf: Cut) {
    return this.queries.execute(new Q.EntrepreneurFileQuery(caeId, entrepreneurId, cutOf(asOf)));
  }

  @Get('caes/:caeId/treasury')
  @Access(inCae('caeTreasury'))
  treasury(@Param('caeId') caeId: string, @Query(NONE) asOf: Cut) {
    return this.queries.execute(new Q.CaeTreasuryQuery(caeId, cutOf(asOf)));
  }

  @Get('caes/:caeId/registers/entrepreneurs')
  @Access(inCae('entrepreneursRegister'))
  entrepreneurs(@Param('caeId') caeId: string, @Query(NONE) asOf: Cut) {
    return this.queries.execute(new Q.EntrepreneursRegisterQuery(caeId, cutOf(asOf)));
  }

  @Get('caes/:caeId/registers/associates')
  @Access(inCae('associatesRegister'))
  associates(@Param('caeId') caeId: string, @Query(NONE) asOf: Cut) {
    return this.queries.execute(new Q.AssociatesRegisterQuery(caeId, cutOf(asOf)));
  }

  @Get('caes/:caeId/clients')
  @Access(inCae('clientsDirectory'))
  clients(@Param('caeId') caeId: string, @Query(NONE) asOf: Cut) {
    return this.queries.execute(new Q.ClientsDirectoryQuery(caeId, cutOf(asOf)));
  }

  @Get('caes/:caeId/registers/share-movements')
  @Access(inCae('shareMovements'))
  shareMovements(@Param('caeId') caeId: string, @Query(NONE) asOf: Cut) {
    return this.queries.execute(new Q.ShareMovementsQuery(caeId, cutOf(asOf)));
  }

  /** An entrepreneur reads her own invoices only: the policy narrows the answer to her share. */
  @Get('caes/:caeId/invoices')
  @Access(inCae('invoices'))
  invoices(@Param('caeId') caeId: string, @Query(NONE) asOf: Cut, @Only() only: { entrepreneurId: string } | undefined) {
    return this.queries.execute(new Q.InvoicesQuery(caeId, only, cutOf(asOf)));
  }

  @Get('caes/:caeId/compliance')
  @Access(inCae('compliance'))
  compliance(@Param('caeId') caeId: string, @Query(new QueryParameters('compliance')) { today, ...asOf }: { today?: string } & Cut) {
    return this.queries.execute(new Q.ComplianceQuery(caeId, today, cutOf(asOf)));
  }

  @Get('caes/:caeId/access')
  @Access(inCae('access'))
  access(@Param('caeId') caeId: string, @Query(NONE) asOf: Cut) {
    return this.queries.execute(new Q.AccessRegisterQuery(caeId, cutOf(asOf)));
  }

  @Get('caes/:caeId/audits')
  @Access(inCae('audits'))
  audits(@Param('caeId') caeId: string, @Query(NONE) asOf: Cut) {
    return this.queries.execute(new Q.AuditsQuery(caeId, cutOf(asOf)));
  }

  @Get('network/audits')
  @Access(() => ({ kind: 'query', query: 'networkAudits' }))
  networkAudits(@Query(new QueryParameters('networkAudits')) { asOf }: { asOf?: string }) {
    return this.queries.execute(new Q.NetworkAuditsQuery(asOf));
  }

  /**
   * 200 also when degraded: the process is alive and serving. Anyone (a load balancer's probe) reads `status`;
   * the details (log head, lags, problems) only a caller the policy lets read `health`, as they help an attacker.
   */
  @Get('health')
  @Public('probes answer without logging in; the details need credentials')
  health(@Caller() caller: Identity | undefined) {
    const detailed = caller !== undefined && authorize(caller, { kind: 'query', query: 'health' }).allowed;
    return this.queries.execute(new Q.HealthQuery(detailed));
  }
}
