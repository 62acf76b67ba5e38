import type { ReadModels } from '../projection';
import { caeDocId, caeYearDocId, COLLECTIONS, PROJECTION, type AssociateDoc, type CaeDoc, type CaeYearDoc, type EntrepreneurDoc } from './documents';
import { keyFiguresOf, statisticsOf, type CaeDocuments, type Statistics } from './indicators';

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

/**
 * GET /api/network/statistics?year= — every registered CAE's figures summed, rates recomputed on the sums; and the
 * key figures of each CAE and of each region (rates recomputed on the region's sums), in name order (then id).
 */
export const networkStatistics = async (models: ReadModels, year: number): Promise<Statistics> => {
  const caes = ((await models.list(PROJECTION, COLLECTIONS.caes)) as CaeDoc[]).sort((a, b) => a.name.localeCompare(b.name, 'fr') || (a.caeId < b.caeId ? -1 : 1));
  const documents = await Promise.all(caes.map((cae) => documentsOf(models, cae, year)));
  const regions = [...new Set(caes.map((cae) => cae.region))].sort((a, b) => a.localeCompare(b, 'fr'));
  const inRegion = (region: string) => documents.filter((d) => d.cae.region === region);
  return {
    ...statisticsOf('network', year, documents),
    network: {
      caes: caes.length,
      byCae: documents.map((d) => ({ caeId: d.cae.caeId, name: d.cae.name, region: d.cae.region, ...keyFiguresOf(statisticsOf(d.cae.caeId, year, [d])) })),
      byRegion: regions.map((region) => ({ region, caes: inRegion(region).length, ...keyFiguresOf(statisticsOf(region, year, inRegion(region))) })),
    },
  };
};

export type { Statistics } from './indicators';
