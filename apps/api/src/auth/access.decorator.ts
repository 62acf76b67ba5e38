import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { AccessAction } from '../../../../libs/application/src/access/policy';

/**
 * What a route asks of its caller, declared on every handler (the AccessGuard refuses a route without one):
 *   public         open to anyone; an identity is read if credentials come along
 *   authenticated  any identity; the handler judges what it does (each command envelope, one's own logout)
 *   action         the policy's verdict on the action the request asks for
 */
export type AccessRule =
  | { kind: 'public'; why: string }
  | { kind: 'authenticated'; why: string }
  | { kind: 'action'; of: (request: Request) => AccessAction };

export const ACCESS_RULE = 'alveole:access-rule';

export const Public = (why: string) => SetMetadata(ACCESS_RULE, { kind: 'public', why } satisfies AccessRule);

export const Authenticated = (why: string) => SetMetadata(ACCESS_RULE, { kind: 'authenticated', why } satisfies AccessRule);

export const Access = (of: (request: Request) => AccessAction) => SetMetadata(ACCESS_RULE, { kind: 'action', of } satisfies AccessRule);

/** A path parameter as Express parsed it (always a string on the routes that declare it). */
export const param = (request: Request, name: string): string => String(request.params[name] ?? '');
