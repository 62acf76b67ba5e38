import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { Cut } from '../../../libs/application';
import { Access, param } from './auth/access.decorator';
import { notFound } from './api-error';
import { toCsv } from './exports/csv';
import { EXPORT_TABLES } from './exports/tables';
import { Only } from './auth/caller';
import { FecQuery, InvoiceDocumentQuery } from './queries/read-queries';
import type { DocumentFormat } from '../../../libs/application';
import { QueryParameters } from './query-parameters.pipe';

const NONE = new QueryParameters('none');
const FEC = new QueryParameters('fec');
const DOCUMENT = new QueryParameters('document');

/** A CAE's tables as CSV, as of a cut; its FEC for a year, made at a log position; its invoices as their clients receive them. */
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

  /** GET /api/caes/{caeId}/invoices/{number}.pdf — Factur-X (EN 16931): the French page with its CII XML inside. */
  @Get('caes/:caeId/invoices/:number.pdf')
  @Access((request: Request) => ({ kind: 'query', query: 'invoiceDocument', caeId: param(request, 'caeId') }))
  pdf(@Param('caeId') caeId: string, @Param('number') number: string, @Query(DOCUMENT) _: object, @Only() only: { entrepreneurId: string } | undefined) {
    return this.document(caeId, number, 'pdf', only);
  }

  /** GET /api/caes/{caeId}/invoices/{number}.xml — the CII XML alone, what an e-invoicing platform takes. */
  @Get('caes/:caeId/invoices/:number.xml')
  @Access((request: Request) => ({ kind: 'query', query: 'invoiceDocument', caeId: param(request, 'caeId') }))
  xml(@Param('caeId') caeId: string, @Param('number') number: string, @Query(DOCUMENT) _: object, @Only() only: { entrepreneurId: string } | undefined) {
    return this.document(caeId, number, 'xml', only);
  }

  private async document(caeId: string, number: string, format: DocumentFormat, only: { entrepreneurId: string } | undefined): Promise<StreamableFile> {
    const document = await this.queries.execute(new InvoiceDocumentQuery(caeId, number, format, only));
    return new StreamableFile(document.bytes, { type: document.mediaType, disposition: `inline; filename="${document.fileName}"`, length: document.bytes.length });
  }

  /** GET /api/caes/{caeId}/fec?year= — the FEC, in ISO 8859-15, with the position it was made at and its SHA-256 in headers. */
  @Get('caes/:caeId/fec')
  @Access((request: Request) => ({ kind: 'query', query: 'fec', caeId: param(request, 'caeId') }))
  async fec(@Param('caeId') caeId: string, @Query(FEC) { year, position }: { year: number; position?: number }, @Res({ passthrough: true }) response: Response) {
    const file = await this.queries.execute(new FecQuery(caeId, year, position));
    response.setHeader('x-log-position', String(file.position));
    response.setHeader('x-content-sha256', file.sha256);
    // Bytes as they are: the file is ISO 8859-15, and its SHA-256 is of these bytes.
    return new StreamableFile(file.bytes, { type: 'text/plain; charset=iso-8859-15', disposition: `attachment; filename="${file.fileName}"`, length: file.bytes.length });
  }
}
