import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import * as Q from './queries/read-queries';
import { QueryParameters } from './query-parameters.pipe';

const NONE = new QueryParameters('none');
const YEAR = new QueryParameters('year');

/**
 * Query routes of docs/api.md (their answers: the OpenAPI document). Each checks its query string, also when it
 * takes no parameter (an unknown parameter is refused, not ignored), and asks the QueryBus.
 */
@Controller('api')
export class QueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('caes/:caeId/statistics')
  caeStatistics(@Param('caeId') caeId: string, @Query(YEAR) { year }: { year: number }) {
    return this.queries.execute(new Q.CaeStatisticsQuery(caeId, year));
  }

  @Get('network/statistics')
  networkStatistics(@Query(YEAR) { year }: { year: number }) {
    return this.queries.execute(new Q.NetworkStatisticsQuery(year));
  }

  @Get('caes/:caeId/entrepreneurs/:entrepreneurId/account')
  account(@Param('caeId') caeId: string, @Param('entrepreneurId') entrepreneurId: string, @Query(NONE) _query: object) {
    return this.queries.execute(new Q.ActivityAccountQuery(caeId, entrepreneurId));
  }

  @Get('caes/:caeId/treasury')
  treasury(@Param('caeId') caeId: string, @Query(NONE) _query: object) {
    return this.queries.execute(new Q.CaeTreasuryQuery(caeId));
  }

  @Get('caes/:caeId/registers/entrepreneurs')
  entrepreneurs(@Param('caeId') caeId: string, @Query(NONE) _query: object) {
    return this.queries.execute(new Q.EntrepreneursRegisterQuery(caeId));
  }

  @Get('caes/:caeId/registers/associates')
  associates(@Param('caeId') caeId: string, @Query(NONE) _query: object) {
    return this.queries.execute(new Q.AssociatesRegisterQuery(caeId));
  }

  @Get('caes/:caeId/registers/share-movements')
  shareMovements(@Param('caeId') caeId: string, @Query(NONE) _query: object) {
    return this.queries.execute(new Q.ShareMovementsQuery(caeId));
  }

  @Get('caes/:caeId/invoices')
  invoices(@Param('caeId') caeId: string, @Query(NONE) _query: object) {
    return this.queries.execute(new Q.InvoicesQuery(caeId));
  }

  @Get('caes/:caeId/compliance')
  compliance(@Param('caeId') caeId: string, @Query(new QueryParameters('compliance')) { today }: { today?: string }) {
    return this.queries.execute(new Q.ComplianceQuery(caeId, today));
  }

  // Not guarded yet, like every route: the policy guard (the access policy's `access` query) comes next.
  @Get('caes/:caeId/access')
  access(@Param('caeId') caeId: string, @Query(NONE) _query: object) {
    return this.queries.execute(new Q.AccessRegisterQuery(caeId));
  }

  /** 200 also when degraded: the process is alive and serving; `status` and `problems` say what needs an operator. */
  @Get('health')
  health() {
    return this.queries.execute(new Q.HealthQuery());
  }
}
