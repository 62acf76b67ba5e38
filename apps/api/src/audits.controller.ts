import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { reportHtml, type Identity, type Runtime } from '../../../libs/application';
import { date, knownAt, obj, optional } from '../../../libs/domain/src/validation/schema';
import { auditOf } from '../../../projections/audits/queries';
import { notFound, refusal } from './api-error';
import { Access, param } from './auth/access.decorator';
import { readBody } from './auth/bodies';
import { Caller } from './auth/caller';
import { requireJson } from './json-body';
import { QueryParameters } from './query-parameters.pipe';
import { RUNTIME } from './tokens';

/** POST /api/caes/{caeId}/audits: as of a business date, and optionally as known at a moment of the log. */
export const NEW_AUDIT = obj({ asOf: date(), knownAt: optional(knownAt()) });

const unknownCae = (caeId: string) => notFound(`CAE "${caeId}" has no event in the log up to that moment: it is not registered.`, { caeId });

/**
 * The label audits (issue 12): an auditor or an admin audits a CAE as of a date, and the report is recorded in the
 * log; a recorded audit's report is made again from the log, as JSON or as the printable page.
 */
@Controller('api/caes/:caeId/audits')
export class AuditsController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Post()
  @HttpCode(201)
  @Access((request) => ({ kind: 'audit', caeId: param(request, 'caeId') }))
  async perform(@Req() request: Request, @Param('caeId') caeId: string, @Body() body: unknown, @Caller() caller: Identity) {
    requireJson(request);
    const { asOf, knownAt: moment } = readBody(NEW_AUDIT, body, 'audit');
    const report = await this.runtime.audits.perform(caeId, { asOf, ...(moment !== undefined && { knownAt: moment }) }, caller.accountId);
    if (report === undefined) throw unknownCae(caeId);
    return report;
  }

  @Get(':auditId')
  @Access((request) => ({ kind: 'query', query: 'audits', caeId: param(request, 'caeId') }))
  async report(@Param('caeId') caeId: string, @Param('auditId') auditId: string, @Query(new QueryParameters('auditReport')) { format }: { format?: 'json' | 'html' }, @Res({ passthrough: true }) response: Response) {
    const recorded = await this.runtime.queries.run((models) => auditOf(models, caeId, auditId));
    if (recorded === undefined) throw notFound(`CAE "${caeId}" has no audit "${auditId}".`, { caeId, auditId });
    const reading = await this.runtime.audits.read(recorded);
    if (!reading.ok) throw refusal(reading.code, reading.message, { auditId, reportHash: recorded.reportHash });
    if (format !== 'html') return reading.report;
    response.type('html');
    return reportHtml(reading.report);
  }
}
