import { collectionOf, defineProjection, type Doc } from '../projection';
import { AUDITS, type AuditDoc, type CaeDoc } from './documents';

/** The label audits of each CAE, as recorded by POST /api/caes/{caeId}/audits: their progress over the years. */
export const auditsProjection = defineProjection({
  name: AUDITS,
  version: 1,
  collections: { caes: collectionOf<CaeDoc>(), audits: collectionOf<AuditDoc & Doc>() },
  on: {
    CaeRegistered: {
      documents: (e) => [{ collection: 'caes', id: e.data.caeId }],
      apply: (e) => [{ collection: 'caes', id: e.data.caeId, doc: { caeId: e.data.caeId } }],
    },
    AuditPerformed: {
      documents: (e) => [{ collection: 'audits', id: e.data.auditId }],
      apply: (e) => [{ collection: 'audits', id: e.data.auditId, doc: { ...e.data, position: e.position } as AuditDoc & Doc }],
    },
  },
});
