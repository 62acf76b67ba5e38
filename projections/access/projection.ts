import { collectionOf, defineProjection } from '../projection';
import { ACCESS, docId, type AccountDoc, type CaeDoc, type StaysDoc } from './documents';

const accountRef = (caeId: string, accountId: string) => ({ collection: 'accounts', id: docId(caeId, accountId) }) as const;
const staysRef = (caeId: string, entrepreneurId: string) => ({ collection: 'stays', id: docId(caeId, entrepreneurId) }) as const;

/**
 * Who had access to a CAE, and since when. An entrepreneur's exit ends their grants on the read side: the stays
 * are kept beside the grants, and the query ends each grant with the stay it was granted in (whatever the order
 * in which a back-dated grant and the exit reached the log).
 */
export const accessProjection = defineProjection({
  name: ACCESS,
  version: 1,
  collections: { caes: collectionOf<CaeDoc>(), accounts: collectionOf<AccountDoc>(), stays: collectionOf<StaysDoc>() },
  on: {
    CaeRegistered: {
      documents: (e) => [{ collection: 'caes', id: e.data.caeId }],
      apply: (e) => [{ collection: 'caes', id: e.data.caeId, doc: { caeId: e.data.caeId } }],
    },
    AccessGranted: {
      documents: (e) => [accountRef(e.data.caeId, e.data.accountId)],
      apply: (e, docs) => {
        const { caeId, accountId, role, entrepreneurId, grantedOn } = e.data;
        const ref = accountRef(caeId, accountId);
        const account = docs.get(ref.collection, ref.id) ?? { caeId, accountId, grants: [] };
        const line = { role, entrepreneurId: entrepreneurId ?? null, grantedOn, revokedOn: null, reason: null };
        return [{ ...ref, doc: { ...account, grants: [...account.grants, line] } }];
      },
    },
    AccessRevoked: {
      documents: (e) => [accountRef(e.data.caeId, e.data.accountId)],
      apply: (e, docs) => {
        const { caeId, accountId, role, entrepreneurId, revokedOn, reason } = e.data;
        const ref = accountRef(caeId, accountId);
        const account = docs.get(ref.collection, ref.id);
        if (!account) return [];
        // The command side revokes only a grant in force: the last one of that scope not revoked yet.
        const open = account.grants.map((g) => g.role === role && g.entrepreneurId === (entrepreneurId ?? null) && g.revokedOn === null).lastIndexOf(true);
        if (open < 0) return [];
        const grants = account.grants.map((g, i) => (i === open ? { ...g, revokedOn, reason: reason ?? null } : g));
        return [{ ...ref, doc: { ...account, grants } }];
      },
    },
    EntrepreneurIntegrated: {
      documents: (e) => [staysRef(e.data.caeId, e.data.entrepreneurId)],
      apply: (e, docs) => {
        const { caeId, entrepreneurId, integratedOn } = e.data;
        const ref = staysRef(caeId, entrepreneurId);
        const current = docs.get(ref.collection, ref.id) ?? { caeId, entrepreneurId, stays: [] };
        return [{ ...ref, doc: { ...current, stays: [...current.stays, { integratedOn, exitedOn: null }] } }];
      },
    },
    EntrepreneurExited: {
      documents: (e) => [staysRef(e.data.caeId, e.data.entrepreneurId)],
      apply: (e, docs) => {
        const ref = staysRef(e.data.caeId, e.data.entrepreneurId);
        const current = docs.get(ref.collection, ref.id);
        if (!current || current.stays.length === 0) return [];
        const stays = current.stays.map((s, i) => (i === current.stays.length - 1 ? { ...s, exitedOn: e.data.exitedOn } : s));
        return [{ ...ref, doc: { ...current, stays } }];
      },
    },
  },
});
