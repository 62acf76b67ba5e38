import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CommandOutcome } from '../../../libs/application';
import { validateEnvelope } from '../../../libs/domain';
import { invalid } from './api-error';
import { ExecuteCommand } from './execute-commands';
import { httpStatusOf } from './http-status';
import { requireJson } from './json-body';
import { commandBodySchema, commandOutcomeSchema } from './openapi';

export const MAX_BATCH = 1000;

@ApiTags('commands')
@Controller('api/commands')
export class CommandsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send one command envelope, or an array of up to 1,000 processed in order',
    description:
      'Each envelope is answered with its status: accepted, duplicate (same commandId seen before: the original result) or rejected (nothing appended). ' +
      'HTTP 200 when every envelope was accepted or duplicate; otherwise the status of the first refusal (400 invalid, 404 unknown, 409 conflict, 422 business rule, 503 damaged log).',
  })
  @ApiBody({ schema: commandBodySchema })
  @ApiResponse({ status: 200, description: 'Every envelope accepted or duplicate', schema: commandOutcomeSchema })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: malformed JSON, unknown type, missing or ill-typed fields' })
  @ApiResponse({ status: 413, description: 'PAYLOAD_TOO_LARGE: the body exceeds BODY_LIMIT' })
  @ApiResponse({ status: 415, description: 'UNSUPPORTED_MEDIA_TYPE: the body is not application/json (UTF-8)' })
  @ApiResponse({ status: 422, description: 'A business rule refused the command (stable error code)' })
  @ApiResponse({ status: 503, description: 'LOG_INTEGRITY_FAILED: the event log failed an integrity check (truncated, a command record missing); nothing appended until an operator runs `npm run cli -- verify`' })
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
    return this.commandBus.execute<ExecuteCommand, CommandOutcome>(new ExecuteCommand(validated.value));
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
