import type { IsoDate } from '../../libs/domain';
import type { ReadModels } from '../projection';
import { AUDITS, type AuditDoc } from './documents';

/** An audit in a list: its summary (knownAt null when it was asked without one). */
export type AuditSummary = Omit<AuditDoc, 'position' | 'knownAt'> & { knownAt: string | null };

const summary = ({ position: _position, knownAt, ...audit }: AuditDoc): AuditSummary => ({ ...audit, knownAt: knownAt ?? null });

/** Performed first first; two on one day in log order. */
const chronological = (a: AuditDoc, b: AuditDoc): number => a.performedOn.localeCompare(b.performedOn) || a.position - b.position;

/** GET /api/caes/{caeId}/audits — every audit of the CAE, oldest first; undefined: unknown CAE. */
export const auditsOf = async (models: ReadModels, caeId: string): Promise<{ caeId: string; audits: AuditSummary[] } | undefined> => {
  if ((await models.get(AUDITS, 'caes', caeId)) === undefined) return undefined;
  const audits = (await models.list(AUDITS, 'audits', { caeId })) as unknown as AuditDoc[];
  return { caeId, audits: audits.sort(chronological).map(summary) };
};

/** One audit of the CAE (its summary, to make its report again), or undefined. */
export const auditOf = async (models: ReadModels, caeId: string, auditId: string): Promise<AuditDoc | undefined> => {
  const audit = (await models.get(AUDITS, 'audits', auditId)) as unknown as AuditDoc | undefined;
  return audit?.caeId === caeId ? audit : undefined;
};

/** GET /api/network/audits — each CAE's latest audit performed on or before the day (every CAE audited, by caeId). */
export const networkAudits = async (models: ReadModels, asOf: IsoDate | undefined): Promise<{ asOf: IsoDate | null; caes: AuditSummary[] }> => {
  const latest = new Map<string, AuditDoc>();
  for (const audit of ((await models.list(AUDITS, 'audits')) as unknown as AuditDoc[]).sort(chronological))
    if (asOf === undefined || audit.performedOn <= asOf) latest.set(audit.caeId, audit);
  return { asOf: asOf ?? null, caes: [...latest.values()].sort((a, b) => a.caeId.localeCompare(b.caeId)).map(summary) };
};
