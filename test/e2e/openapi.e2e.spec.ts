import { SERVER_RECORDED } from '../../libs/application';
import { COMMAND_TYPES, type CommandType } from '../../libs/domain';
import { commandExamples } from '../../libs/domain/src/validation/command-examples';
import { coodyssee2016 } from '../../libs/scenarios';
import { violations } from '../../apps/api/src/openapi/conformance';
import type { JsonSchema } from '../../apps/api/src/openapi/json';
import { storyOf } from '../fixtures/commands';
import { startHarness, type Harness } from './api-harness';

interface Operation {
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; example?: string }[];
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

/** Live answers held to the document the server itself serves at /api/docs-json. */
describe('the answers conform to the OpenAPI document', () => {
  let h: Harness;
  let paths: Record<string, Record<string, Operation>>;
  let components: Record<string, JsonSchema>;

  /** An outcome held to its own command type's `<Type>Outcome`, its result to that type's `<Type>Result`. */
  const answersAs = (type: CommandType, outcome: unknown): string[] => {
    const schema = components[`${type}Outcome`];
    return schema ? violations(schema, outcome, components) : [`the document has no ${type}Outcome`];
  };
  /** The types whose outcomes were checked: every type must be among them, so no check is vacuous. */
  const answered = new Set<string>();

  const conforms = (path: string, method: string, status: number, body: unknown): string[] => {
    const schema = paths[path]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
    if (!schema) return [`${method} ${path} documents no ${status} answer`];
    return violations(schema, body, components);
  };

  // The examples tell one story; it is told again in a CAE of its own, beside Coodyssée's year.
  // A network role names no CAE: its example is sent as it is.
  const story = (type: CommandType) => ({ type, commandId: `story-${type}`, data: 'caeId' in commandExamples[type] ? { ...commandExamples[type], caeId: 'story' } : commandExamples[type] });

  beforeAll(async () => {
    h = await startHarness();
    const document = (await h.http().get('/api/docs-json').expect(200)).body;
    paths = document.paths;
    components = document.components.schemas;
    const envelopes = coodyssee2016();
    for (let i = 0; i < envelopes.length; i += 1000) {
      const batch = envelopes.slice(i, i + 1000);
      const outcomes = (await h.http().post('/api/commands').send(batch).expect(200)).body as unknown[];
      coodysseeOutcomes.push(...outcomes.map((outcome, j) => [batch[j]!.type, outcome] as [CommandType, unknown]));
    }
  });
  const coodysseeOutcomes: [CommandType, unknown][] = [];
  afterAll(() => h.close());

  describe('commands', () => {
    it('every example is accepted, in order, and each outcome conforms', async () => {
      for (const type of COMMAND_TYPES) {
        for (const prelude of storyOf([type], (t) => `story-${t}`, 'story').slice(0, -1)) expect((await h.http().post('/api/commands').send(prelude)).body.status).toBe('accepted');
        const res = await h.http().post('/api/commands').send(story(type));
        if (SERVER_RECORDED.includes(type)) {
          // Recorded by its own route only (an audit): refused here, in the documented shape.
          expect([type, res.status, res.body.status, res.body.error?.code]).toEqual([type, 403, 'rejected', 'FORBIDDEN']);
          expect(conforms('/api/commands', 'post', 403, res.body)).toEqual([]);
          continue;
        }
        expect([type, res.status, res.body.status]).toEqual([type, 200, 'accepted']);
        expect(conforms('/api/commands', 'post', 200, res.body)).toEqual([]);
        expect([type, res.body.result, answersAs(type, res.body)]).toEqual([type, expect.any(Object), []]);
        answered.add(type);
      }
      expect([...answered].sort()).toEqual(COMMAND_TYPES.filter((type) => !SERVER_RECORDED.includes(type)).sort());
    });

    it('every outcome of Coodyssée\'s year answers as its own type', () => {
      const wrong = coodysseeOutcomes.map(([type, outcome], i) => [i, type, answersAs(type, outcome)] as const).filter(([, , v]) => v.length > 0);
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(coodysseeOutcomes.length).toBeGreaterThan(0);
    });

    it('an outcome is refused as another type\'s', () => {
      const invoice = coodysseeOutcomes.find(([type]) => type === 'IssueInvoice')![1];
      expect(answersAs('IssueInvoice', invoice)).toEqual([]);
      expect(answersAs('IssueCreditNote', invoice)).not.toEqual([]);
      expect(answersAs('RegisterCae', invoice)).not.toEqual([]);
    });

    it('a duplicate and a batch conform', async () => {
      const res = await h.http().post('/api/commands').send([story('RecordSubsidy'), story('RecordIntakeInterview')]).expect(200);
      expect(res.body.map((o: { status: string }) => o.status)).toEqual(['duplicate', 'duplicate']);
      expect(conforms('/api/commands', 'post', 200, res.body)).toEqual([]);
      expect([answersAs('RecordSubsidy', res.body[0]), answersAs('RecordIntakeInterview', res.body[1])]).toEqual([[], []]);
    });

    it('a refusal conforms under its status', async () => {
      const refusals: [unknown, number][] = [
        [{ ...story('RecordRefund'), commandId: 'again' }, 422],
        [{ ...story('RecordPayment'), commandId: 'unknown', data: { ...story('RecordPayment').data, invoiceNumber: '2016-999999' } }, 404],
        [{ ...story('RecordPayment'), commandId: 'invalid', data: { amount: 12 } }, 400],
        [[], 400],
      ];
      for (const [body, status] of refusals) {
        const res = await h.http().post('/api/commands').send(body as object);
        expect(res.status).toBe(status);
        expect(conforms('/api/commands', 'post', status, res.body)).toEqual([]);
      }
    });
  });

  describe('queries', () => {
    // The browser login's steps are not queries: they redirect and answer a page (the Keycloak suite drives them).
    // An audit's report is made again from a recorded audit: test/e2e/audits.e2e.spec.ts reads it.
    // A file (CSV, PDF, XML, the FEC) is held to its own format by its own suite (test/e2e/exports.e2e.spec.ts, test/documents).
    const routes = () => Object.keys(paths).filter((path) => paths[path]!['get'] && !path.startsWith('/api/session/') && !path.includes('{auditId}') && isJson(path));
    const isJson = (path: string) => paths[path]!['get']!.responses['200']?.content?.['application/json'] !== undefined;
    const url = (path: string, values: Record<string, string>, query = true): string => {
      const parameters = paths[path]!['get']!.parameters ?? [];
      const search = parameters.filter((p) => p.in === 'query' && p.required && query).map((p) => `${p.name}=${p.example}`);
      return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!) + (search.length ? `?${search.join('&')}` : '');
    };

    beforeAll(() => h.caughtUp());

    it('every documented route is one of the routes served', () => {
      expect(routes().length).toBe(20);
    });

    it.each([
      ['Coodyssée 2016', 'coodyssee'],
      ['the story, its entrepreneur forgotten', 'story'],
    ])('each answer of %s conforms', async (_name, caeId) => {
      const register = (await h.http().get(`/api/caes/${caeId}/registers/entrepreneurs`).expect(200)).body;
      const values = { caeId, entrepreneurId: register.entrepreneurs[0].entrepreneurId as string };
      for (const path of routes()) {
        const res = await h.http().get(url(path, values));
        expect([path, res.status]).toEqual([path, 200]);
        expect([path, conforms(path, 'get', 200, res.body)]).toEqual([path, []]);
      }
    });

    it('the registers show the forgotten person, and still conform', async () => {
      const register = (await h.http().get('/api/caes/story/registers/entrepreneurs').expect(200)).body;
      expect(register.entrepreneurs[0].person.birthYear).toBe('[forgotten]');
    });

    it('an unknown CAE and an invalid parameter conform to the documented errors', async () => {
      for (const path of routes().filter((p) => p.includes('{caeId}'))) {
        const res = await h.http().get(url(path, { caeId: 'nowhere', entrepreneurId: 'e-001' }));
        expect([path, res.status, conforms(path, 'get', 404, res.body)]).toEqual([path, 404, []]);
        const invalid = await h.http().get(`${url(path, { caeId: 'coodyssee', entrepreneurId: 'e-001' }, false)}?tody=2016-12-31`);
        expect([path, invalid.status, conforms(path, 'get', 400, invalid.body)]).toEqual([path, 400, []]);
      }
    });
  });
});
