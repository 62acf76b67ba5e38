import { COMMAND_TYPES, type Command, type CommandEnvelope } from '../commands';
import { ok, type Result } from '../errors';
import { commandSchemas } from './command-schemas';
import { invalidInput } from './invalid-input';
import { FAIL, fail, field, type Fail, isPlainObject, oneOf, optional, pattern, rejectUnknownKeys, schema, str, type Issue } from './schema';

const ENVELOPE_KEYS = ['type', 'commandId', 'data', 'actor', 'correlationId', 'causationId'] as const;

// Tracing ids are opaque but bounded and printable: they are stored in every event's metadata.
export const tracingToken = () => pattern(/^[A-Za-z0-9_.:-]{1,128}$/, 'must be 1 to 128 letters, digits, "_", ".", ":" or "-"', 128);
const commandType = oneOf(COMMAND_TYPES);
const plainObject = schema((input, path, issues) => (isPlainObject(input) ? input : fail(issues, path, 'must be an object')));

const got = <T>(v: T | undefined | Fail): v is T => v !== undefined && v !== FAIL;

const invalid = (issues: Issue[]) => invalidInput('command', issues);

/**
 * Turns what a client sent (already JSON-parsed) into a typed, normalised envelope, or a VALIDATION_FAILED
 * error listing every problem with its path (`data.lines[0].unitPrice`).
 */
export const validateEnvelope = (input: unknown): Result<CommandEnvelope> => {
  if (!isPlainObject(input)) return invalid([{ path: '', message: 'must be a JSON object { "type", "commandId", "data" }' }]);
  const issues: Issue[] = [];
  rejectUnknownKeys(input, ENVELOPE_KEYS, '', issues);
  const type = field(input, 'type', commandType, '', issues);
  const commandId = field(input, 'commandId', tracingToken(), '', issues);
  const rawData = field(input, 'data', plainObject, '', issues);
  const actor = field(input, 'actor', optional(str(200)), '', issues);
  const correlationId = field(input, 'correlationId', optional(tracingToken()), '', issues);
  const causationId = field(input, 'causationId', optional(tracingToken()), '', issues);
  // The data is checked even when other envelope fields are wrong, so the client sees every problem at once.
  const data = got(type) && got(rawData) ? commandSchemas[type].parse(rawData, 'data', issues) : FAIL;
  if (issues.length > 0 || !got(type) || !got(commandId) || data === FAIL) return invalid(issues);
  return ok({
    commandId,
    // The schema of `type` produced `data`: the pairing holds, TypeScript cannot see it through the lookup.
    command: { type, data } as Command,
    ...(got(actor) && { actor }),
    ...(got(correlationId) && { correlationId }),
    ...(got(causationId) && { causationId }),
  });
};
