import type { ReadModels } from '../projection';
import { caeDocId, COLLECTIONS, PROJECTION, type AssociateDoc, type CaeDoc, type CaeYearDoc, type EntrepreneurDoc } from './documents';
import { keyFiguresOf, statisticsOf, type CaeDocuments, type Statistics } from './indicators';

/** A CAE's documents, every year's flows among them: read once, whatever the years asked. */
interface CaeFacts {
  cae: CaeDoc;
  entrepreneurs: EntrepreneurDoc[];
  associates: AssociateDoc[];
  flows: CaeYearDoc[];
}

const factsOf = async (models: ReadModels, cae: CaeDoc): Promise<CaeFacts> => ({
  cae,
  entrepreneurs: (await models.list(PROJECTION, COLLECTIONS.entrepreneurs, { caeId: cae.caeId })) as EntrepreneurDoc[],
  associates: (await models.list(PROJECTION, COLLECTIONS.associates, { caeId: cae.caeId })) as AssociateDoc[],
  flows: (await models.list(PROJECTION, COLLECTIONS.caeYears, { caeId: cae.caeId })) as CaeYearDoc[],
});

const inYear = ({ flows, ...facts }: CaeFacts, year: number): CaeDocuments => ({ ...facts, flows: flows.find((f) => f.year === year) });

/** Every calendar year from the first fact's to the last's (business dates), the years between included. */
const yearsOf = (facts: CaeFacts[]): number[] => {
  const years = facts.flatMap((f) => [
    ...f.flows.map((flow) => flow.year),
    ...f.entrepreneurs.flatMap((e) => e.stays.flatMap((s) => [s.integratedOn, s.exitedOn].flatMap((d) => (d === null ? [] : [Number(d.slice(0, 4))])))),
    ...f.associates.flatMap((a) => a.movements.map((m) => Number(m.on.slice(0, 4)))),
  ]);
  if (years.length === 0) return [];
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
};

const caeOf = async (models: ReadModels, caeId: string): Promise<CaeDoc | undefined> => (await models.get(PROJECTION, COLLECTIONS.caes, caeDocId(caeId))) as CaeDoc | undefined;

/** The registered CAEs' facts, in name order (then id). */
const networkFacts = async (models: ReadModels): Promise<CaeFacts[]> => {
  const caes = ((await models.list(PROJECTION, COLLECTIONS.caes)) as CaeDoc[]).sort((a, b) => a.name.localeCompare(b.name, 'fr') || (a.caeId < b.caeId ? -1 : 1));
  return Promise.all(caes.map((cae) => factsOf(models, cae)));
};

const regionKey = (region: string): string => region.normalize('NFC').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLocaleLowerCase('fr');

/**
 * The network's year: every registered CAE's figures summed, rates recomputed on the sums; and the key figures of
 * each CAE and of each region (rates recomputed on the region's sums), in name order.
 */
const networkYear = (facts: CaeFacts[], year: number): Statistics => {
  const documents = facts.map((f) => inYear(f, year));
  // A region is one however its CAEs typed it (’ or ', case, spaces): named as its first CAE wrote it.
  const named = new Map<string, string>();
  for (const f of facts) if (!named.has(regionKey(f.cae.region))) named.set(regionKey(f.cae.region), f.cae.region);
  const regions = [...named.values()].sort((a, b) => a.localeCompare(b, 'fr'));
  const inRegion = (region: string) => documents.filter((d) => regionKey(d.cae.region) === regionKey(region));
  return {
    ...statisticsOf('network', year, documents),
    network: {
      caes: facts.length,
      byCae: documents.map((d) => ({ caeId: d.cae.caeId, name: d.cae.name, region: d.cae.region, ...keyFiguresOf(statisticsOf(d.cae.caeId, year, [d])) })),
      byRegion: regions.map((region) => ({ region, caes: inRegion(region).length, ...keyFiguresOf(statisticsOf(region, year, inRegion(region))) })),
    },
  };
};

/** GET /api/caes/{caeId}/statistics?year= — undefined when the CAE is not registered (404). */
export const caeStatistics = async (models: ReadModels, caeId: string, year: number): Promise<Statistics | undefined> => {
  const cae = await caeOf(models, caeId);
  return cae ? statisticsOf(caeId, year, [inYear(await factsOf(models, cae), year)]) : undefined;
};

/** GET /api/caes/{caeId}/statistics/years — each year from its first fact to its last, for trends read at once. */
export const caeStatisticsByYear = async (models: ReadModels, caeId: string): Promise<{ scope: string; years: Statistics[] } | undefined> => {
  const cae = await caeOf(models, caeId);
  if (!cae) return undefined;
  const facts = await factsOf(models, cae);
  return { scope: caeId, years: yearsOf([facts]).map((year) => statisticsOf(caeId, year, [inYear(facts, year)])) };
};

/** GET /api/network/statistics?year= */
export const networkStatistics = async (models: ReadModels, year: number): Promise<Statistics> => networkYear(await networkFacts(models), year);

/** GET /api/network/statistics/years — each year from the network's first fact to its last. */
export const networkStatisticsByYear = async (models: ReadModels): Promise<{ scope: string; years: Statistics[] }> => {
  const facts = await networkFacts(models);
  return { scope: 'network', years: yearsOf(facts).map((year) => networkYear(facts, year)) };
};

export type { Statistics } from './indicators';
