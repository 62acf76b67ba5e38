import type { IsoDate } from '../../libs/domain';
import type { ReadModels } from '../projection';
import { REGISTERS, type CaeDoc, type MovementDoc } from './documents';

export const caeOf = async (models: ReadModels, caeId: string): Promise<CaeDoc | undefined> => (await models.get(REGISTERS, 'caes', caeId)) as CaeDoc | undefined;

export const listOf = async <T>(models: ReadModels, collection: string, caeId: string): Promise<T[]> =>
  (await models.list(REGISTERS, collection, { caeId })) as unknown as T[];

/** Chronological: by date, then by log order for the same date. */
export const byDateThenLog =
  <T>(dateOf: (item: T) => IsoDate, positionOf: (item: T) => number) =>
  (a: T, b: T): number =>
    dateOf(a) < dateOf(b) ? -1 : dateOf(a) > dateOf(b) ? 1 : positionOf(a) - positionOf(b);

/** Movements in date order (log order within a day), as the register of share movements lists them. */
export const movementsInOrder = async (models: ReadModels, caeId: string): Promise<MovementDoc[]> =>
  (await listOf<MovementDoc>(models, 'movements', caeId)).sort(byDateThenLog((m) => m.on, (m) => m.position));
