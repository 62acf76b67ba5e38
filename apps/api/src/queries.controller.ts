import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Runtime } from '../../../libs/application';
import type { ReadModels } from '../../../projections/projection';
import { caeStatistics, networkStatistics } from '../../../projections/network-statistics/queries';
import { associatesRegister, compliance, entrepreneursRegister, invoices, shareMovements } from '../../../projections/registers/queries';
import { TREASURY } from '../../../projections/treasury/projection';
import { caeTreasury, entrepreneurAccount } from '../../../projections/treasury/queries';
import { notFound } from './api-error';
import { QueryParameters } from './query-parameters.pipe';
import { RUNTIME } from './tokens';

const NONE = new QueryParameters('none');
const YEAR = new QueryParameters('year');

/**
 * Query routes of docs/api.md: they answer from the read models only, never from the log. Every route checks its
 * query string, also those that take no parameter: an unknown parameter is refused, not ignored.
 */
@ApiTags('queries')
@Controller('api')
export class QueriesController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Get('caes/:caeId/statistics')
  @ApiOperation({ summary: 'The indicators of a CAE for a calendar year (by the business date of each fact)' })
  @ApiQuery({ name: 'year', example: 2016 })
  @ApiResponse({ status: 404, description: 'Unknown CAE' })
  caeStatistics(@Param('caeId') caeId: string, @Query(YEAR) { year }: { year: number }) {
    return this.found(`CAE "${caeId}" is not registered.`, (models) => caeStatistics(models, caeId, year));
  }

  @Get('network/statistics')
  @ApiOperation({ summary: 'The indicators of the whole network for a calendar year' })
  @ApiQuery({ name: 'year', example: 2016 })
  networkStatistics(@Query(YEAR) { year }: { year: number }) {
    return this.runtime.queries.run((models) => networkStatistics(models, year));
  }

  @Get('caes/:caeId/entrepreneurs/:entrepreneurId/account')
  @ApiOperation({ summary: 'The activity account of an entrepreneur (R7331-5), to date and month by month' })
  @ApiParam({ name: 'entrepreneurId' })
  async account(@Param('caeId') caeId: string, @Param('entrepreneurId') entrepreneurId: string, @Query(NONE) _query: object) {
    await this.caeKnown(caeId);
    return this.found(`Entrepreneur "${entrepreneurId}" has no activity account in CAE "${caeId}".`, (models) =>
      entrepreneurAccount(models, caeId, entrepreneurId),
    );
  }

  @Get('caes/:caeId/treasury')
  @ApiOperation({ summary: 'CAE-level totals: VAT owed, contributions earned, cash held for entrepreneurs' })
  treasury(@Param('caeId') caeId: string, @Query(NONE) _query: object) {
    return this.found(`CAE "${caeId}" is not registered.`, (models) => caeTreasury(models, caeId));
  }

  @Get('caes/:caeId/registers/entrepreneurs')
  @ApiOperation({ summary: 'Register of entrepreneurs with their status history' })
  entrepreneurs(@Param('caeId') caeId: string, @Query(NONE) _query: object) {
    return this.found(`CAE "${caeId}" is not registered.`, (models) => entrepreneursRegister(models, caeId));
  }

  @Get('caes/:caeId/registers/associates')
  @ApiOperation({ summary: 'Register of associates (sociétariat)' })
  associates(@Param('caeId') caeId: string, @Query(NONE) _query: object) {
    return this.found(`CAE "${caeId}" is not registered.`, (models) => associatesRegister(models, caeId));
  }

  @Get('caes/:caeId/registers/share-movements')
  @ApiOperation({ summary: 'Register of share movements with the running capital' })
  shareMovements(@Param('caeId') caeId: string, @Query(NONE) _query: object) {
    return this.found(`CAE "${caeId}" is not registered.`, (models) => shareMovements(models, caeId));
  }

  @Get('caes/:caeId/invoices')
  @ApiOperation({ summary: 'Invoices with their payments, credit notes, amount due and status' })
  invoices(@Param('caeId') caeId: string, @Query(NONE) _query: object) {
    return this.found(`CAE "${caeId}" is not registered.`, (models) => invoices(models, caeId));
  }

  @Get('caes/:caeId/compliance')
  @ApiOperation({ summary: 'CAPE limits, associate deadlines, meetings and SCOP thresholds to act on' })
  @ApiQuery({ name: 'today', required: false, description: 'YYYY-MM-DD; default: the latest business date recorded' })
  compliance(@Param('caeId') caeId: string, @Query(new QueryParameters('compliance')) { today }: { today?: string }) {
    return this.found(`CAE "${caeId}" is not registered.`, (models) => compliance(models, caeId, today));
  }

  private async caeKnown(caeId: string): Promise<void> {
    // The CAE's own document says it exists; no need to compute its whole treasury.
    if ((await this.runtime.queries.run((models) => models.get(TREASURY, 'caes', caeId))) === undefined) throw notFound(`CAE "${caeId}" is not registered.`, { caeId });
  }

  private async found<T>(message: string, query: (models: ReadModels) => Promise<T | undefined>): Promise<T> {
    const result = await this.runtime.queries.run(query);
    if (result === undefined) throw notFound(message);
    return result;
  }
}
