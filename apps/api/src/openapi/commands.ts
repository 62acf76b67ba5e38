import { COMMAND_TYPES, type CommandType } from '../../../../libs/domain';
import { commandExamples } from '../../../../libs/domain/src/validation/command-examples';
import { commandSchemas } from '../../../../libs/domain/src/validation/command-schemas';
import { tracingToken } from '../../../../libs/domain/src/validation/validate-envelope';
import { MAX_BATCH } from '../commands.controller';
import { commandResults, resultSchemaName } from './command-results';
import type { ApiErrorCode } from '../http-status';
import { codesOf, errorOf, errorResponse } from './errors';
import { AUTHENTICATED, refusedCaller } from './security';
import { INTEGER, list, oneOfValues, record, ref, TEXT, type JsonSchema } from './json';

/** POST /api/commands: every command's `data` generated from its validation schema, the envelope, the outcomes. */

export const dataSchemaName = (type: CommandType): string => `${type}Data`;
export const envelopeSchemaName = (type: CommandType): string => `${type}Command`;
export const outcomeSchemaName = (type: CommandType): string => `${type}Outcome`;

const TOKEN: JsonSchema = tracingToken().json;

const exampleEnvelope = (type: CommandType) => ({ type, commandId: `example-${type}`, data: commandExamples[type] });

const envelopeOf = (type: CommandType): JsonSchema => ({
  type: 'object',
  properties: {
    type: { type: 'string', enum: [type] },
    commandId: { ...TOKEN, description: 'chosen by the client, unique per command: makes the command idempotent, also across restarts' },
    data: ref(dataSchemaName(type)),
    actor: { type: 'string', minLength: 1, maxLength: 200, description: 'ignored: the events\' metadata names the authenticated caller (its accountId), never what the client writes' },
    correlationId: TOKEN,
    causationId: TOKEN,
  },
  required: ['type', 'commandId', 'data'],
  additionalProperties: false,
  examples: [exampleEnvelope(type)],
});

// A duplicate's answer may not know the positions of the events it appended the first time.
const APPENDED_EVENT = { ...record({ type: TEXT, streamId: { ...TEXT, description: 'opaque: do not parse it' }, revision: INTEGER, position: INTEGER }), required: ['type', 'streamId', 'revision'] };

export const COMMAND_OUTCOME: JsonSchema = {
  type: 'object',
  properties: {
    commandId: TEXT,
    status: { ...oneOfValues(['accepted', 'duplicate', 'rejected']), description: 'duplicate: this commandId was seen before, the original answer' },
    events: list(APPENDED_EVENT, 'what was appended, with each event\'s stream, revision in its stream and position in the log'),
    // anyOf, not oneOf: an answer does not name its type and six results are {}, so the alternatives overlap.
    result: { anyOf: COMMAND_TYPES.map((type) => ref(resultSchemaName(type))), description: 'what the command decided: the <Type>Result of the type sent; {} when nothing' },
    error: ref('Error'),
  },
  required: ['commandId', 'status'],
  additionalProperties: false,
};

/** The outcome of one command type, its result told: what a client that knows the type it sent can read. */
const outcomeOf = (type: CommandType): JsonSchema => ({
  ...COMMAND_OUTCOME,
  properties: { ...(COMMAND_OUTCOME['properties'] as Record<string, JsonSchema>), result: ref(resultSchemaName(type)) },
  description: `The outcome of a ${type}: a CommandOutcome whose result is a ${resultSchemaName(type)}`,
});

/** The components of the command side: per command type its data, envelope, result and outcome schemas. */
export const commandComponents = (): Record<string, JsonSchema> => ({
  ...Object.fromEntries(COMMAND_TYPES.map((type) => [dataSchemaName(type), { ...commandSchemas[type].json, examples: [commandExamples[type]] }])),
  ...Object.fromEntries(COMMAND_TYPES.map((type) => [envelopeSchemaName(type), envelopeOf(type)])),
  ...Object.fromEntries(COMMAND_TYPES.map((type) => [resultSchemaName(type), commandResults[type]])),
  // A named <Type>Outcome each: generators make it a typed answer to the command sent, where an undiscriminated oneOf of outcomes gives an untyped union.
  ...Object.fromEntries(COMMAND_TYPES.map((type) => [outcomeSchemaName(type), outcomeOf(type)])),
  CommandEnvelope: {
    oneOf: COMMAND_TYPES.map((type) => ref(envelopeSchemaName(type))),
    discriminator: { propertyName: 'type', mapping: Object.fromEntries(COMMAND_TYPES.map((type) => [type, `#/components/schemas/${envelopeSchemaName(type)}`])) },
  },
  CommandOutcome: COMMAND_OUTCOME,
});

const json = (schema: JsonSchema, description: string) => ({ description, content: { 'application/json': { schema } } });

const batchOfOutcomes = list(ref('CommandOutcome'), 'a batch: the outcomes in the order sent');

/** A rejected envelope's outcome, its code one of those answered with `status`. */
const rejectedWith = (codes: readonly ApiErrorCode[]): JsonSchema => ({
  ...COMMAND_OUTCOME,
  properties: { ...(COMMAND_OUTCOME['properties'] as Record<string, JsonSchema>), status: oneOfValues(['rejected']), error: errorOf(codes) },
  required: ['commandId', 'status', 'error'],
});

/** A refused envelope is answered with its outcome (or the batch's outcomes) under the status of its code. */
const refusedWith = (status: number, also: JsonSchema[] = [], codes: readonly ApiErrorCode[] = codesOf(status)) =>
  json({ oneOf: [rejectedWith(codes), batchOfOutcomes, ...also] }, `The (first) rejected envelope: ${codes.join(', ')}`);

export const commandsPath = {
  post: {
    tags: ['commands'],
    operationId: 'sendCommands',
    summary: `Send one command envelope, or an array of up to ${MAX_BATCH.toLocaleString('en')} processed in order`,
    description:
      'Each envelope is answered with its status: accepted, duplicate (same commandId seen before: the original result) or rejected (nothing appended). ' +
      'HTTP 200 when every envelope was accepted or duplicate; otherwise the status of the first refusal. The fields of each command: the `<Type>Data` schemas; ' +
      'what it answers: the `<Type>Outcome` schemas (the `result` of each type: `<Type>Result`). ' +
      'Each envelope is judged by the access policy for its own command, CAE and entrepreneur: one the caller may not send is rejected with FORBIDDEN ' +
      '(HTTP 403 if it is the first refusal), nothing appended, and a batch goes on with the next. The events\' actor is the caller\'s accountId.',
    security: AUTHENTICATED,
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: { oneOf: [ref('CommandEnvelope'), { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: ref('CommandEnvelope') }] },
          // One example per command type: the UI offers them by name.
          examples: Object.fromEntries(COMMAND_TYPES.map((type) => [type, { summary: type, value: exampleEnvelope(type) }])),
        },
      },
    },
    responses: {
      200: json({ oneOf: [ref('CommandOutcome'), batchOfOutcomes] }, 'Every envelope accepted or duplicate'),
      // The request as a whole is refused too: not JSON, an empty or too large batch.
      400: refusedWith(400, [record({ error: errorOf(['VALIDATION_FAILED']) })]),
      401: refusedCaller(true)[401],
      // FORBIDDEN is an envelope's outcome; CSRF_TOKEN_INVALID refuses the request as a whole.
      403: refusedWith(403, [record({ error: errorOf(['CSRF_TOKEN_INVALID']) })], ['FORBIDDEN']),
      404: refusedWith(404),
      409: refusedWith(409),
      413: errorResponse(413),
      415: errorResponse(415),
      422: refusedWith(422),
      431: errorResponse(431),
      500: errorResponse(500),
      503: refusedWith(503),
    },
  },
};
