import { caeNotFound, entrepreneurNotFound, type DecisionState } from '../command-handling/decision';
import { refuse, type DomainError } from '../errors';
import type { DomainEvent } from '../events';
import { entrepreneurStream } from '../streams';
import type { IsoDate } from '../values';
import { isPresentOn, type EntrepreneurState } from './state';

/** The guards every command about one entrepreneur starts with: known to the CAE, present on the command's day. */

export type Refusal = { ok: false; error: DomainError };

export const emit = (caeId: string, entrepreneurId: string, event: DomainEvent) => ({ streamId: entrepreneurStream(caeId, entrepreneurId), event });

/** The entrepreneur of a command, if known; a refusal otherwise. */
export const known = (c: { caeId: string; entrepreneurId: string }, s: DecisionState): EntrepreneurState | Refusal => {
  if (!s.cae.registered) return caeNotFound(c.caeId);
  if (!s.entrepreneur || s.entrepreneur.integration === 0) return entrepreneurNotFound(c.caeId, c.entrepreneurId);
  return s.entrepreneur;
};

/** The entrepreneur, present in the CAE on the given day. */
export const presentOn = (c: { caeId: string; entrepreneurId: string }, s: DecisionState, day: IsoDate): EntrepreneurState | Refusal => {
  const entrepreneur = known(c, s);
  if ('ok' in entrepreneur) return entrepreneur;
  if (entrepreneur.integratedOn! > day)
    return refuse('DATE_BEFORE_INTEGRATION', `${day} is before ${c.entrepreneurId}'s integration on ${entrepreneur.integratedOn}.`, {
      date: day,
      integratedOn: entrepreneur.integratedOn,
    });
  if (!isPresentOn(entrepreneur, day))
    return refuse('ENTREPRENEUR_NOT_ACTIVE', `${c.entrepreneurId} left the CAE on ${entrepreneur.exitedOn}; nothing can be recorded for ${day}.`, {
      date: day,
      exitedOn: entrepreneur.exitedOn,
    });
  return entrepreneur;
};

export const isRefusal = (v: EntrepreneurState | Refusal): v is Refusal => 'ok' in v;

