import { accessStream, associateStream, caeStream, entrepreneurStream } from './streams';
import type { IsoDate } from './values';

/** What the log needs to know of each event type, declared beside it in its slice. */
export interface EventDeclaration<D> {
  /** The current version of its data; upcasters.ts brings older shapes up to it. */
  schemaVersion: number;
  /** The stream it is appended to: one consistency boundary. */
  stream: (data: D) => string;
  /** Its business date, what statistics count by (none for a CAE's registration). */
  occurredOn: (data: D) => IsoDate | undefined;
}

export type EventDeclarations<M> = { [T in keyof M]: EventDeclaration<M[T]> };

export const inCaeStream = (data: { caeId: string }): string => caeStream(data.caeId);
export const inEntrepreneurStream = (data: { caeId: string; entrepreneurId: string }): string => entrepreneurStream(data.caeId, data.entrepreneurId);
export const inAssociateStream = (data: { caeId: string; associateId: string }): string => associateStream(data.caeId, data.associateId);
export const inAccessStream = (data: { caeId: string; accountId: string }): string => accessStream(data.caeId, data.accountId);
