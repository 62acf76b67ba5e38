import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { CommandOutcome, Runtime } from '../../../libs/application';
import { validateEnvelope } from '../../../libs/domain';
import { invalid } from './api-error';
import { httpStatusOf } from './http-status';
import { requireJson } from './json-body';
import { RUNTIME } from './tokens';

export const MAX_BATCH = 1000;

/**
 * POST /api/commands (its envelopes and outcomes: the OpenAPI document). Every command, whatever its type, takes
 * one path: validated here, then the CommandService loads, decides and appends — as for the CLI import.
 */
@Controller('api/commands')
export class CommandsController {
  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  @Post()
  @HttpCode(200)
  async send(@Req() request: Request, @Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<CommandOutcome | CommandOutcome[]> {
    requireJson(request);
    if (Array.isArray(body)) {
      if (body.length === 0 || body.length > MAX_BATCH) throw invalidBatch(body.length);
      const outcomes: CommandOutcome[] = [];
      for (const item of body) outcomes.push(await this.execute(item));
      response.status(statusOf(outcomes));
      return outcomes;
    }
    const outcome = await this.execute(body);
    response.status(statusOf([outcome]));
    return outcome;
  }

  private async execute(input: unknown): Promise<CommandOutcome> {
    const validated = validateEnvelope(input);
    if (!validated.ok) return { commandId: commandIdOf(input), status: 'rejected', error: validated.error };
    return this.runtime.commands.handle(validated.value);
  }
}

const statusOf = (outcomes: CommandOutcome[]): number => {
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
