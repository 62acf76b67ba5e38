import type { AuditPerformed } from '../../libs/domain';

export const AUDITS = 'audits';

/** A registered CAE: an unknown one answers 404, a CAE never audited an empty list. */
export type CaeDoc = { caeId: string };

/** One audit as recorded, with where its event is in the log. */
export type AuditDoc = AuditPerformed & { position: number };
