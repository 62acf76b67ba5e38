import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { authorize, commandAction, type CommandOutcome, type Identity, type Runtime } from '../../../libs/application';
import { validateEnvelope } from '../../../libs/domain';
import { invalid } from './api-error';
import { Authenticated } from './auth/access.decorator';
import { Caller } from './auth/caller';
import { httpStatusOf, type ApiErrorCode } from './http-status';
import { requireJson } from './json-body';
import { RUNTIME } from './tokens';

export const MAX_BATCH = 1000;

/** An outcome as the API answers it: a refusal by the policy is rejected with FORBIDDEN, an HTTP-layer code. */
type Outcome = Omit<CommandOutcome, 'error'> & { error?: { code: ApiErrorCode; message: string; details?: Record<string, unknown> } };

/**
 * POST /api/commands (its envelopes and outcomes: the OpenAPI document). Every command, whatever its type, takes
 * one path: validated here, judged by the access policy, then the CommandService loads, decides and appends — as
 * for the CLI import. The events' actor is the caller's accountId: an actor written in the envelope is ignored.
 */
@Controller('api/commands')
export class CommandsController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Post()
  @HttpCode(200)
  @Authenticated('each envelope is judged by the policy for its own command, CAE and entrepreneur')
  async send(@Req() request: Request, @Body() body: unknown, @Caller() caller: Identity, @Res({ passthrough: true }) response: Response): Promise<Outcome | Outcome[]> {
    requireJson(request);
    if (Array.isArray(body)) {
      if (body.length === 0 || body.length > MAX_BATCH) throw invalidBatch(body.length);
      const outcomes: Outcome[] = [];
      for (const item of body) outcomes.push(await this.execute(item, caller));
      response.status(statusOf(outcomes));
      return outcomes;
    }
    const outcome = await this.execute(body, caller);
    response.status(statusOf([outcome]));
    return outcome;
  }

  private async execute(input: unknown, caller: Identity): Promise<Outcome> {
    const validated = validateEnvelope(input);
    if (!validated.ok) return { commandId: commandIdOf(input), status: 'rejected', error: validated.error };
    const envelope = validated.value;
    // Judged before anything is loaded: a refused command appends nothing and learns nothing of the stream.
    const verdict = authorize(caller, commandAction(envelope.command));
    if (!verdict.allowed) return { commandId: envelope.commandId, status: 'rejected', error: { code: 'FORBIDDEN', message: `Not allowed: ${verdict.reason}.` } };
    return this.runtime.commands.handle({ ...envelope, actor: caller.accountId });
  }
}

const statusOf = (outcomes: Outcome[]): number => {
  const refused = outcomes.find((o) => o.status === 'rejected');
  return refused?.error ? httpStatusOf(refused.error.code) : 200;
};

/** Echo the commandId of an invalid envelope when it is a usable string, so the client can match answers. */
const commandIdOf = (input: unknown): string => {
  const id = input && typeof input === 'object' ? (input as Record<string, unknown>)['commandId'] : undefined;
  return typeof id === 'string' && id.length <= 128 ? id : '';
};

// The batch as a whole is refused, before any envelope is read: a request-level error, not an outcome.
const invalidBatch = (length: number) =>
  invalid(length === 0 ? 'The batch is empty: send one envelope or an array of 1 to 1,000.' : `A batch holds at most ${MAX_BATCH} envelopes, not ${length}.`, {
    size: length,
    max: MAX_BATCH,
  });
