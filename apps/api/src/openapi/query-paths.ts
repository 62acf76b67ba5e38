import { queryParameters } from '../../../../libs/domain';
import { commandSchemas } from '../../../../libs/domain/src/validation/command-schemas';
import type { JsonSchema } from '../../../../libs/domain/src/validation/schema';
import type { ApiErrorCode } from '../http-status';
import { errorResponse } from './errors';
import { ref, TEXT } from './json';
import { AUTHENTICATED, OPTIONAL, refusedCaller } from './security';

/** The GET routes: their path and query parameters (generated from the schemas that check them) and their answers. */

interface QueryRoute {
  path: string;
  operationId: string;
  summary: string;
  /** The schema of its query string, in libs/domain's queryParameters. */
  parameters: keyof typeof queryParameters;
  /** A file rather than JSON: its media type (`answer` then names it). */
  media?: 'text/csv' | 'text/plain' | 'application/pdf' | 'application/xml';
  /** The component schema of its answer. */
  answer: string;
  /** What a 404 means on this route; none: the route answers for anything it is asked. */
  notFound?: string;
  /** What a 422 means on this route (its codes: the route's own), or none. */
  unprocessable?: { codes: ApiErrorCode[]; description: string };
  /** Codes of its own it answers a 404 with, beside NOT_FOUND. */
  notFoundCodes?: ApiErrorCode[];
  /** Who may not read it, as the access policy says. */
  forbidden?: string;
  tag?: string;
}

export const QUERY_ROUTES: readonly QueryRoute[] = [
  { path: '/api/caes/{caeId}/statistics', operationId: 'caeStatistics', summary: 'The indicators of a CAE for a calendar year (by the business date of each fact)', parameters: 'year', answer: 'Statistics', notFound: 'Unknown CAE' },
  { path: '/api/network/statistics', operationId: 'networkStatistics', summary: 'The indicators of the whole network for a calendar year', parameters: 'year', answer: 'NetworkStatistics', forbidden: 'only network admins and auditors read the network (for a CAE\'s staff, the network minus their CAE would be another CAE\'s figures)' },
  { path: '/api/caes/{caeId}/statistics/years', operationId: 'caeStatisticsYears', summary: 'The indicators of a CAE for each calendar year from its first fact to its last, at once (trends)', parameters: 'none', answer: 'StatisticsYears', notFound: 'Unknown CAE' },
  { path: '/api/network/statistics/years', operationId: 'networkStatisticsYears', summary: 'The indicators of the whole network for each calendar year from its first fact to its last, at once (trends)', parameters: 'none', answer: 'NetworkStatisticsYears', forbidden: 'only network admins and auditors read the network' },
  {
    path: '/api/caes/{caeId}/entrepreneurs/{entrepreneurId}/account',
    operationId: 'activityAccount',
    summary: 'The activity account of an entrepreneur (R7331-5), to date and month by month, with receivables',
    parameters: 'none',
    answer: 'ActivityAccount',
    notFound: 'Unknown CAE, or no activity account for this entrepreneur',
    forbidden: 'an entrepreneur reads her own account only; staff their CAE\'s',
  },
  {
    path: '/api/caes/{caeId}/entrepreneurs/{entrepreneurId}',
    operationId: 'entrepreneurFile',
    summary: 'An entrepreneur’s file: their entry in the register (status, contracts, associate stays) and their meetings and workshops',
    parameters: 'none',
    answer: 'EntrepreneurFile',
    notFound: 'Unknown CAE, or no such entrepreneur in its register',
    forbidden: 'an entrepreneur reads her own file only; staff their CAE\'s',
  },
  { path: '/api/caes/{caeId}/treasury', operationId: 'caeTreasury', summary: 'CAE-level totals: VAT owed, contributions earned, cash held for entrepreneurs', parameters: 'none', answer: 'CaeTreasury', notFound: 'Unknown CAE' },
  { path: '/api/caes/{caeId}/registers/entrepreneurs', operationId: 'entrepreneursRegister', summary: 'Register of entrepreneurs with their status history', parameters: 'none', answer: 'EntrepreneursRegister', notFound: 'Unknown CAE' },
  {
    path: '/api/caes/{caeId}/exports/{table}.csv',
    operationId: 'exports',
    summary: 'A table as CSV (UTF-8 with a BOM, comma-separated, money as decimal strings): table = entrepreneurs, associates, share-movements, invoices, clients or accounts (every activity account month by month)',
    parameters: 'none',
    answer: 'the table, its header line first',
    media: 'text/csv',
    notFound: 'Unknown CAE, or no such table',
  },
  {
    path: '/api/caes/{caeId}/fec',
    operationId: 'fec',
    summary:
      'The FEC (fichier des écritures comptables, LPF art. A47 A-1) of a calendar year: the 18 fields, tab-separated, CRLF, ISO 8859-15, named {SIREN}FEC{YYYYMMDD}.txt; ' +
      'made from the log up to `position` (default: its head), stated with the file\'s SHA-256 in the X-Log-Position and X-Content-SHA256 headers: the same position gives the same bytes',
    parameters: 'fec',
    answer: 'the FEC, its header line first',
    media: 'text/plain',
    notFound: 'Unknown CAE; NO_ACTIVITY_IN_YEAR: no entry in that year',
    notFoundCodes: ['NO_ACTIVITY_IN_YEAR'],
    unprocessable: { codes: ['CAE_IDENTITY_MISSING'], description: 'CAE_IDENTITY_MISSING: the CAE has no SIREN on record (RecordCaeIdentity), which the file is named by' },
  },
  { path: '/api/caes/{caeId}/clients', operationId: 'clientsDirectory', summary: 'The client directory (RegisterClient): identifiers and addresses; a forgotten person’s fields read "[forgotten]"', parameters: 'none', answer: 'ClientsDirectory', notFound: 'Unknown CAE' },
  { path: '/api/caes/{caeId}/registers/associates', operationId: 'associatesRegister', summary: 'Register of associates (sociétariat)', parameters: 'none', answer: 'AssociatesRegister', notFound: 'Unknown CAE' },
  { path: '/api/caes/{caeId}/registers/share-movements', operationId: 'shareMovements', summary: 'Register of share movements with the running capital', parameters: 'none', answer: 'ShareMovements', notFound: 'Unknown CAE' },
  { path: '/api/caes/{caeId}/invoices', operationId: 'invoices', summary: 'Invoices with their payments, credit notes, refunds, amount due and status (an entrepreneur: hers only)', parameters: 'none', answer: 'Invoices', notFound: 'Unknown CAE' },
  ...(['pdf', 'xml'] as const).map((format) => ({
    path: `/api/caes/{caeId}/invoices/{number}.${format}`,
    operationId: format === 'pdf' ? 'invoicePdf' : 'invoiceXml',
    summary:
      format === 'pdf'
        ? 'An invoice or credit note as its client receives it: Factur-X, profile EN 16931 (a PDF/A-3 in French with its CII XML inside), made from the facts as issued and the CAE’s identity in force that day; the same facts, the same bytes'
        : 'The CII XML (UN/CEFACT, EN 16931) of an invoice or credit note alone, what an e-invoicing platform (PA) takes',
    parameters: 'document' as const,
    answer: format === 'pdf' ? 'the Factur-X PDF' : 'the CII XML',
    media: format === 'pdf' ? ('application/pdf' as const) : ('application/xml' as const),
    notFound: 'Unknown CAE, or no invoice or credit note of that number (for an entrepreneur: of hers)',
    unprocessable: { codes: ['CAE_IDENTITY_MISSING' as const], description: 'CAE_IDENTITY_MISSING: no legal identity of the CAE (RecordCaeIdentity) was in force on the day the document was issued' },
    forbidden: 'an entrepreneur reads her own invoices only; staff their CAE’s',
  })),
  { path: '/api/caes/{caeId}/access', operationId: 'accessRegister', summary: 'Who had access to the CAE: each account’s grants, from when, and how they ended (revoked, or the entrepreneur’s exit)', parameters: 'none', answer: 'AccessRegister', notFound: 'Unknown CAE' },
  { path: '/api/caes/{caeId}/audits', operationId: 'audits', summary: 'The label audits of a CAE, oldest first: score, failing mandatory rules, chain head and report hash of each', parameters: 'none', answer: 'Audits', notFound: 'Unknown CAE', tag: 'audits', forbidden: 'staff read their own CAE’s audits; auditors and admins every CAE’s' },
  { path: '/api/network/caes', operationId: 'networkCaes', summary: 'Every CAE registered (as of the cut: by then), by id, with its name', parameters: 'none', answer: 'NetworkCaes', forbidden: 'only network admins and auditors read the network' },
  { path: '/api/network/audits', operationId: 'networkAudits', summary: 'Each audited CAE’s latest audit performed on or before asOf (default: today): its score and failing mandatory rules', parameters: 'networkAudits', answer: 'NetworkAudits', tag: 'audits', forbidden: 'only network admins and auditors read the network' },
  { path: '/api/caes/{caeId}/compliance', operationId: 'compliance', summary: 'CAPE limits, associate deadlines, meetings and SCOP thresholds to act on', parameters: 'compliance', answer: 'Compliance', notFound: 'Unknown CAE' },
];

// Path identifiers are checked as in the commands: the same pattern.
const IDENTIFIER = (commandSchemas.IntegrateEntrepreneur.json['properties'] as Record<string, JsonSchema>)['caeId']!;
const QUERY_EXAMPLES: Record<string, string> = { year: '2016', today: '2016-12-31', position: '1234' };

const pathParameters = (path: string) =>
  [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: IDENTIFIER, example: PATH_EXAMPLES[name!] ?? 'e-001' }));
const PATH_EXAMPLES: Record<string, string> = { caeId: 'coodyssee', table: 'invoices', number: '2016-000001' };

const queryParametersOf = (key: QueryRoute['parameters']) => {
  const json = queryParameters[key].json;
  const required = (json['required'] as string[] | undefined) ?? [];
  return Object.entries(json['properties'] as Record<string, JsonSchema>).map(([name, schema]) => ({
    name,
    in: 'query',
    required: required.includes(name),
    schema,
    example: QUERY_EXAMPLES[name],
  }));
};

const BINARY = { type: 'string', format: 'binary' };
const answer = (name: string, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });

const pathOf = (route: QueryRoute) => ({
  get: {
    tags: [route.tag ?? 'queries'],
    operationId: route.operationId,
    summary: route.summary,
    security: AUTHENTICATED,
    parameters: [...pathParameters(route.path), ...queryParametersOf(route.parameters)],
    responses: {
      200: route.media === undefined ? answer(route.answer, 'From the read models (an answer may lag the last accepted command by a few milliseconds)') : { description: route.answer, content: { [route.media]: { schema: route.media === 'application/pdf' ? BINARY : TEXT } } },
      400: { ...errorResponse(400), description: 'VALIDATION_FAILED: a query parameter invalid, unknown or given twice (details.errors[].path names it)' },
      ...refusedCaller(false, route.forbidden ?? 'the access policy does not let the caller read this (another CAE\'s, another entrepreneur\'s)'),
      ...(route.notFound && { 404: { ...errorResponse(404, ['NOT_FOUND', ...(route.notFoundCodes ?? [])]), description: `NOT_FOUND: ${route.notFound}` } }),
      ...(route.unprocessable && { 422: { ...errorResponse(422, route.unprocessable.codes), description: route.unprocessable.description } }),
      431: errorResponse(431),
      500: errorResponse(500),
    },
  },
});

// An operator's probe: it ignores its query string and always answers 200 while the process serves.
const healthPath = {
  get: {
    tags: ['operations'],
    operationId: 'health',
    summary:
      'Liveness and `status: degraded` when something needs an operator, for anyone; with the credentials of a network admin or auditor, ' +
      'also the event log head, how far behind each projection is and the `problems`',
    security: OPTIONAL,
    responses: {
      200: {
        description: 'Also when degraded: the process is alive and serving',
        content: { 'application/json': { schema: { oneOf: [ref('Health'), ref('HealthStatus')] } } },
      },
      500: errorResponse(500),
    },
  },
};

export const queryPaths = (): Record<string, unknown> => ({
  ...Object.fromEntries(QUERY_ROUTES.map((route) => [route.path, pathOf(route)])),
  '/api/health': healthPath,
});
