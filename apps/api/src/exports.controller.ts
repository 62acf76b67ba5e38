import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { Cut } from '../../../libs/application';
import { Access, param } from './auth/access.decorator';
import { notFound } from './api-error';
import { toCsv } from './exports/csv';
import { EXPORT_TABLES } from './exports/tables';
import { QueryParameters } from './query-parameters.pipe';

const NONE = new QueryParameters('none');

/** GET /api/caes/{caeId}/exports/{table}.csv — a register, the invoices, the clients or the accounts, as CSV, as of a cut. */
@Controller('api')
export class ExportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('caes/:caeId/exports/:table.csv')
  @Access((request: Request) => ({ kind: 'query', query: 'exports', caeId: param(request, 'caeId') }))
  async export(@Param('caeId') caeId: string, @Param('table') name: string, @Query(NONE) { asOf, knownAt }: Cut, @Res({ passthrough: true }) response: Response) {
    const table = Object.hasOwn(EXPORT_TABLES, name) ? EXPORT_TABLES[name] : undefined;
    if (table === undefined) throw notFound(`No export "${name}.csv": ${Object.keys(EXPORT_TABLES).map((t) => `${t}.csv`).join(', ')}.`, { table: name });
    const answer = await this.queries.execute(table.query(caeId, { ...(asOf !== undefined && { asOf }), ...(knownAt !== undefined && { knownAt }) }));
    response.type('text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${caeId}-${name}.csv"`);
    return toCsv(table.columns, table.rows(answer));
  }
}
