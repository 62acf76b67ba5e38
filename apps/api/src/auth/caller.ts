import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Authentication } from '../../../../libs/application/src/access/authenticator';
import type { Authorization, Identity } from '../../../../libs/application';

export type Authenticated = Extract<Authentication, { ok: true }>;

/** What the AccessGuard learnt about the request, for the handler. */
export interface Asked {
  authentication?: Authenticated;
  /** The secret the request came with, when it is a session (logout deletes it). */
  sessionSecret?: string;
  authorization?: Extract<Authorization, { allowed: true }>;
}

type WithAsked = Request & { alveole?: Asked };

export const askedOf = (request: Request): Asked => ((request as WithAsked).alveole ??= {});

/** The caller's identity: on a guarded route always there; on a public one, only when credentials came along. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): Identity | undefined => askedOf(context.switchToHttp().getRequest<Request>()).authentication?.identity);

/** The share of the answer the caller may read: one entrepreneur's, or undefined for all of it. */
export const Only = createParamDecorator((_: unknown, context: ExecutionContext): { entrepreneurId: string } | undefined => askedOf(context.switchToHttp().getRequest<Request>()).authorization?.only);
