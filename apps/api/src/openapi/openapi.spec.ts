import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { COMMAND_TYPES, type CommandType } from '../../../../libs/domain';
import { commandExamples } from '../../../../libs/domain/src/validation/command-examples';
import { CONTROLLERS } from '../app.module';
import { API_ERROR_CODES, httpStatusOf } from '../http-status';
import { commandResults } from './command-results';
import { violations } from './conformance';
import { openApiDocument } from './document';
import type { JsonSchema } from './json';
import { FEC_CODES } from './errors';
import { LOGIN_CODES, OIDC_LOGIN_CODES } from './security';

const document = openApiDocument();
const components = document.components.schemas as Record<string, JsonSchema>;
const paths = document.paths as unknown as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>>;

/** Every route Nest serves, as `get /api/caes/{caeId}/treasury`, read from the controllers' own metadata. */
const servedRoutes = (): string[] =>
  CONTROLLERS.flatMap((controller) => {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    return Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
      const handler = (controller.prototype as unknown as Record<string, object>)[name]!;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined || name === 'constructor') return [];
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]!.toLowerCase();
      return [`${method} ${`/${base}/${path}`.replace(/\/+$/, '').replace(/\/+/g, '/').replace(/:(\w+)/g, '{$1}')}`];
    });
  });

/** The paths under which a schema leaves a command field undescribed (`{}`: anything). */
const undescribed = (schema: JsonSchema, path: string): string[] => {
  if (Object.keys(schema).length === 0) return [path];
  const properties = Object.entries((schema['properties'] as Record<string, JsonSchema> | undefined) ?? {});
  const items = schema['items'] ? undescribed(schema['items'] as JsonSchema, `${path}[]`) : [];
  const alternatives = ((schema['oneOf'] as JsonSchema[] | undefined) ?? []).flatMap((s, i) => undescribed(s, `${path}|${i}`));
  return [...properties.flatMap(([key, s]) => undescribed(s, `${path}.${key}`)), ...items, ...alternatives];
};

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1, whose schemas are JSON Schema', () => {
    expect(document.openapi).toBe('3.1.0');
  });

  describe('commands', () => {
    it.each(COMMAND_TYPES)('%s has a data schema and an envelope, each with an example that passes it', (type) => {
      const data = components[`${type}Data`]!;
      const envelope = components[`${type}Command`]!;
      expect(data).toMatchObject({ type: 'object', additionalProperties: false });
      expect(data['examples']).toEqual([commandExamples[type]]);
      expect(violations(data, commandExamples[type], components)).toEqual([]);
      expect(violations(components['CommandEnvelope']!, (envelope['examples'] as unknown[])[0], components)).toEqual([]);
    });

    it('the envelope is a oneOf of every command type, told apart by `type`', () => {
      const envelope = components['CommandEnvelope']!;
      expect(envelope['oneOf']).toHaveLength(COMMAND_TYPES.length);
      expect(Object.keys((envelope['discriminator'] as { mapping: object }).mapping).sort()).toEqual([...COMMAND_TYPES].sort());
    });

    it('an envelope of one type with the data of another is refused', () => {
      const wrong = { type: 'RecordPayment', commandId: 'c-1', data: commandExamples.RecordRefund };
      expect(violations(components['CommandEnvelope']!, wrong, components)).not.toEqual([]);
    });

    it('money is a decimal string, never a number', () => {
      const amount = (components['RecordPaymentData']!['properties'] as Record<string, JsonSchema>)['amount']!;
      expect(amount).toMatchObject({ type: 'string', examples: ['1234.50'] });
      expect(violations(amount, 5400, components)).not.toEqual([]);
      expect(violations(amount, '5400.00', components)).toEqual([]);
    });

    it('a person takes one of its forms', () => {
      const person = (components['IntegrateEntrepreneurData']!['properties'] as Record<string, JsonSchema>)['person']!;
      expect(person['required']).toEqual(expect.arrayContaining(['firstName', 'lastName', 'gender', 'birthYear']));
    });

    // AdmitAssociate.person is a hand-written schema in command-schemas.ts that says nothing of itself yet: it
    // needs `schema(parse, { oneOf: [...] })` there (the domain's file). This list must then become empty.
    it('every field of every command is described', () => {
      const gaps = COMMAND_TYPES.flatMap((type) => undescribed(components[`${type}Data`]!, type));
      expect(gaps).toEqual([]);
    });
  });

  describe('command results', () => {
    const example = (type: CommandType) => (components[`${type}Result`]!['examples'] as unknown[])[0];
    const accepted = (type: CommandType, result: unknown) => ({ commandId: `c-${type}`, status: 'accepted', events: [], result });
    const outcome = (type: CommandType) => components[`${type}Outcome`]!;

    it('every command type has a result schema, and nothing else has one', () => {
      expect(Object.keys(commandResults).sort()).toEqual([...COMMAND_TYPES].sort());
    });

    it.each(COMMAND_TYPES)('%s has a described result schema, whose example its outcome and the generic outcome accept', (type) => {
      const result = components[`${type}Result`];
      expect(result).toMatchObject({ type: 'object', additionalProperties: false, examples: [expect.any(Object)] });
      expect(violations(result!, example(type), components)).toEqual([]);
      expect(undescribed(result!, `${type}Result`)).toEqual([]);
      expect((outcome(type)['properties'] as Record<string, JsonSchema>)['result']).toEqual({ $ref: `#/components/schemas/${type}Result` });
      expect(violations(outcome(type), accepted(type, example(type)), components)).toEqual([]);
      expect(violations(components['CommandOutcome']!, accepted(type, example(type)), components)).toEqual([]);
    });

    it('a result is held to its own type: another type\'s, a missing field, money as a number are refused', () => {
      expect(violations(outcome('IssueInvoice'), accepted('IssueInvoice', example('IssueCreditNote')), components)).not.toEqual([]);
      expect(violations(outcome('SignCape'), accepted('SignCape', example('RenewCape')), components)).not.toEqual([]);
      expect(violations(outcome('RegisterCae'), accepted('RegisterCae', example('SignCape')), components)).not.toEqual([]);
      expect(violations(outcome('RenewCape'), accepted('RenewCape', { endsOn: '2018-01-10' }), components)).not.toEqual([]);
      expect(violations(components['CommandOutcome']!, accepted('PaySalary', { employerCost: 2130, treasuryAfter: '870.00' }), components)).not.toEqual([]);
    });

    it('an invoice under a CAPE answers its mention', () => {
      const capeMention = { text: 'Activité exercée dans le cadre d\'un contrat d\'appui au projet d\'entreprise …', caeName: 'Coodyssée', capeEndsOn: '2017-01-10' };
      expect(violations(components['IssueInvoiceResult']!, { ...(example('IssueInvoice') as object), contract: 'cape', capeMention }, components)).toEqual([]);
      expect(violations(components['IssueInvoiceResult']!, { ...(example('IssueInvoice') as object), capeMention: { text: '…' } }, components)).not.toEqual([]);
    });
  });

  describe('routes', () => {
    it('every route the API serves is in the document, with the schema of its answer', () => {
      const routes = servedRoutes();
      expect(routes).toHaveLength(33);
      // The browser login's two steps answer a redirect and a page; the exports CSV, the FEC text; every other route answers JSON or nothing.
      const browser = ['get /api/session/oidc', 'get /api/session/oidc/callback'];
      for (const route of routes) {
        const [method, path] = route.split(' ') as [string, string];
        const responses = paths[path]?.[method]?.responses ?? {};
        const success = Object.keys(responses).find((status) => /^[23]/.test(status));
        expect([route, success]).toEqual([route, expect.any(String)]);
        const content = responses[success!]?.content;
        if (browser.includes(route)) expect([route, success === '302' || content?.['text/html'] !== undefined]).toEqual([route, true]);
        else if (success !== '204') expect([route, content?.['application/json']?.schema ?? content?.['text/csv']?.schema ?? content?.['text/plain']?.schema ?? content?.['application/pdf']?.schema ?? content?.['application/xml']?.schema]).toEqual([route, expect.any(Object)]);
      }
    });

    it('every route says how to authenticate, and a guarded one documents its 401 and 403', () => {
      const open = ['post /api/session', 'get /api/session/oidc', 'get /api/session/oidc/callback', 'get /api/health'];
      const operations = paths as unknown as Record<string, Record<string, { security?: object[]; responses: Record<string, unknown> }>>;
      for (const route of servedRoutes()) {
        const [method, path] = route.split(' ') as [string, string];
        const operation = operations[path]![method]!;
        expect([route, Array.isArray(operation.security)]).toEqual([route, true]);
        if (open.includes(route)) continue;
        expect([route, operation.security]).toEqual([route, [{ bearerAuth: [] }, { sessionCookie: [] }]]);
        expect([route, JSON.stringify(operation.responses['401'])]).toEqual([route, expect.stringContaining('"UNAUTHENTICATED"')]);
        expect([route, JSON.stringify(operation.responses['403'])]).toEqual([route, expect.stringContaining('"FORBIDDEN"')]);
      }
      expect(Object.keys(document.components.securitySchemes)).toEqual(['bearerAuth', 'sessionCookie']);
    });

    it('the document lists no route the API does not serve', () => {
      const documented = Object.entries(paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
      expect(documented.sort()).toEqual(servedRoutes().sort());
    });

    it('the query parameters are those the routes check', () => {
      const parameters = (path: string) => (document.paths as unknown as Record<string, { get: { parameters: { name: string; in: string; required: boolean }[] } }>)[path]!.get.parameters;
      // Every query route also answers as of a business date, and as known at a moment of the log.
      const asOf = [
        expect.objectContaining({ name: 'asOf', in: 'query', required: false, schema: expect.objectContaining({ format: 'date' }) }),
        expect.objectContaining({ name: 'knownAt', in: 'query', required: false }),
      ];
      expect(parameters('/api/caes/{caeId}/statistics')).toEqual([
        expect.objectContaining({ name: 'caeId', in: 'path', required: true }),
        expect.objectContaining({ name: 'year', in: 'query', required: true, schema: expect.objectContaining({ pattern: expect.any(String) }) }),
        ...asOf,
      ]);
      expect(parameters('/api/caes/{caeId}/compliance')).toContainEqual(expect.objectContaining({ name: 'today', in: 'query', required: false, schema: expect.objectContaining({ format: 'date' }) }));
      expect(parameters('/api/caes/{caeId}/treasury').filter((p) => p.in === 'query')).toEqual(asOf);
    });
  });

  describe('errors', () => {
    it('every code the API answers with, with its HTTP status', () => {
      const codes = components['ErrorCode']!;
      expect(codes['enum']).toEqual([...API_ERROR_CODES]);
      for (const code of API_ERROR_CODES) expect(codes['description']).toContain(`${code} ${httpStatusOf(code)}`);
    });

    it('each status of POST /api/commands lists the codes answered with it (all but the login\'s and the FEC\'s own)', () => {
      const responses = paths['/api/commands']!['post']!.responses;
      for (const code of API_ERROR_CODES.filter((c) => !LOGIN_CODES.includes(c) && !OIDC_LOGIN_CODES.includes(c) && !FEC_CODES.includes(c)))
        expect([code, JSON.stringify(responses[String(httpStatusOf(code))] ?? null)]).toEqual([code, expect.stringContaining(`"${code}"`)]);
      const login = paths['/api/session']!['post']!.responses;
      for (const code of LOGIN_CODES) expect([code, JSON.stringify(login[String(httpStatusOf(code))] ?? null)]).toEqual([code, expect.stringContaining(`"${code}"`)]);
      const fec = paths['/api/caes/{caeId}/fec']!['get']!.responses;
      for (const code of FEC_CODES) expect([code, JSON.stringify(fec[String(httpStatusOf(code))] ?? null)]).toEqual([code, expect.stringContaining(`"${code}"`)]);
      for (const path of ['/api/session/oidc', '/api/session/oidc/callback']) {
        const oidc = paths[path]!['get']!.responses;
        for (const code of OIDC_LOGIN_CODES) expect([path, JSON.stringify(oidc[String(httpStatusOf(code))] ?? null)]).toEqual([path, expect.stringContaining(`"${code}"`)]);
      }
    });

    it('the error shape is { error: { code, message, details? } }', () => {
      expect(violations(components['ErrorResponse']!, { error: { code: 'NOT_FOUND', message: 'CAE "x" is not registered.', details: { caeId: 'x' } } }, components)).toEqual([]);
      expect(violations(components['ErrorResponse']!, { error: { code: 'NO_SUCH_CODE', message: '…' } }, components)).not.toEqual([]);
    });
  });
});

describe('the conformance check', () => {
  const schema: JsonSchema = { type: 'object', properties: { n: { type: 'integer', minimum: 1 }, s: { type: 'string', pattern: '^a' } }, required: ['n'], additionalProperties: false };

  it('finds what breaks a schema, at its path', () => {
    expect(violations(schema, { n: 1, s: 'abc' }, {})).toEqual([]);
    expect(violations(schema, { n: 0, s: 'b', x: true }, {})).toEqual(['$.n: 0 breaks minimum 1', '$.s: "b" does not match ^a', '$: has unknown x']);
    expect(violations(schema, { s: 'a' }, {})).toEqual(['$: lacks required n']);
    expect(violations({ oneOf: [{ type: 'string' }, { type: 'null' }] }, 3, {})).toHaveLength(1);
    expect(violations({ anyOf: [{ type: 'string' }, { type: 'string', minLength: 2 }] }, 'ab', {})).toEqual([]);
    expect(violations({ anyOf: [{ type: 'string' }, { type: 'null' }] }, 3, {})).toEqual(['$: matches none of the anyOf alternatives']);
  });

  it('refuses a keyword it does not know rather than ignore it', () => {
    expect(() => violations({ multipleOf: 2 }, 3, {})).toThrow('multipleOf');
  });
});
