import { NEW_AUDIT } from '../audits.controller';
import { errorResponse } from './errors';
import { ref, TEXT } from './json';
import { AUTHENTICATED, refusedCaller } from './security';

/** POST /api/caes/{caeId}/audits and GET /api/caes/{caeId}/audits/{auditId}: running an audit, reading its report. */

const caeId = { name: 'caeId', in: 'path', required: true, schema: TEXT, example: 'coodyssee' };
const json = (name: string, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });

export const auditComponents = () => ({ NewAudit: { ...NEW_AUDIT.json, examples: [{ asOf: '2016-12-31' }, { asOf: '2016-12-31', knownAt: '2017-03-01T00:00:00Z' }] } });

export const auditPaths = (): Record<string, unknown> => ({
  '/api/caes/{caeId}/audits': {
    post: {
      tags: ['audits'],
      operationId: 'performAudit',
      summary: 'Audit a CAE for the label as of a date (and as known at a moment of the log): the report, recorded in the log as AuditPerformed',
      security: AUTHENTICATED,
      parameters: [caeId],
      requestBody: { required: true, content: { 'application/json': { schema: ref('NewAudit') } } },
      responses: {
        201: json('AuditReport', 'The report; its summary is in the log, the report itself is made again from the log when read'),
        400: errorResponse(400),
        ...refusedCaller(true, 'only network auditors and admins audit a CAE'),
        404: { ...errorResponse(404), description: 'NOT_FOUND: the CAE has no event up to that moment' },
        415: errorResponse(415),
        500: errorResponse(500),
      },
    },
    // GET of this path, a CAE's audits, is a query route (query-paths.ts).
  },
  '/api/caes/{caeId}/audits/{auditId}': {
    get: {
      tags: ['audits'],
      operationId: 'auditReport',
      summary: 'A recorded audit’s report, made again from the log on the chain head it stood on: JSON, or the printable page in French (format=html)',
      security: AUTHENTICATED,
      parameters: [caeId, { name: 'auditId', in: 'path', required: true, schema: TEXT }, { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json', 'html'] } }],
      responses: {
        200: { description: 'The report, with the recorded hash', content: { 'application/json': { schema: ref('AuditReport') }, 'text/html': { schema: TEXT } } },
        400: errorResponse(400),
        ...refusedCaller(false, 'staff read their own CAE’s audits; auditors and admins every CAE’s'),
        404: { ...errorResponse(404), description: 'NOT_FOUND: no such audit of this CAE' },
        409: {
          ...errorResponse(409, ['AUDIT_CATALOGUE_CHANGED', 'AUDIT_NOT_REPRODUCIBLE']),
          description: 'AUDIT_CATALOGUE_CHANGED: the audit used another version of the catalogue; AUDIT_NOT_REPRODUCIBLE: the log no longer gives the recorded report (verify the log)',
        },
        500: errorResponse(500),
      },
    },
  },
});
