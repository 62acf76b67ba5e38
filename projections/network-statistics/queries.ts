import type { ReadModels } from '../projection';
import { caeDocId, caeYearDocId, COLLECTIONS, PROJECTION, type AssociateDoc, type CaeDoc, type CaeYearDoc, type EntrepreneurDoc } from './documents';
import { statisticsOf, type CaeDocuments, type Statistics } from './indicators';

const documentsOf = async (models: ReadModels, cae: CaeDoc, year: number): Promise<CaeDocuments> => ({
  cae,
  entrepreneurs: (await models.list(PROJECTION, COLLECTIONS.entrepreneurs, { caeId: cae.caeId })) as EntrepreneurDoc[],
  associates: (await models.list(PROJECTION, COLLECTIONS.associates, { caeId: cae.caeId })) as AssociateDoc[],
  flows: (await models.get(PROJECTION, COLLECTIONS.caeYears, caeYearDocId(cae.caeId, year))) as CaeYearDoc | undefined,
});

/** GET /api/caes/{caeId}/statistics?year= — undefined when the CAE is not registered (404). */
export const caeStatistics = async (models: ReadModels, caeId: string, year: number): Promise<Statistics | undefined> => {
  const cae = (await models.get(PROJECTION, COLLECTIONS.caes, caeDocId(caeId))) as CaeDoc | undefined;
  return cae ? statisticsOf(caeId, year, [await documentsOf(models, cae, year)]) : undefined;
};

/** GET /api/network/statistics?year= — every registered CAE's figures summed, rates recomputed on the sums. */
export const networkStatistics = async (models: ReadModels, year: number): Promise<Statistics> => {
  const caes = (await models.list(PROJECTION, COLLECTIONS.caes)) as CaeDoc[];
  const documents = await Promise.all(caes.map((cae) => documentsOf(models, cae, year)));
  return { ...statisticsOf('network', year, documents), network: { caes: caes.length } };
};

export type { Statistics } from './indicators';
