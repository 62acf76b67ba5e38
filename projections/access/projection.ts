import { collectionOf, defineProjection } from '../projection';
import { ACCESS, docId, type AccountDoc, type CaeDoc, type GrantLine, type HolderDoc, type HolderLine, type StaysDoc } from './documents';

const accountRef = (caeId: string, accountId: string) => ({ collection: 'accounts', id: docId(caeId, accountId) }) as const;
const holderRef = (accountId: string) => ({ collection: 'holders', id: accountId }) as const;
const staysRef = (caeId: string, entrepreneurId: string) => ({ collection: 'stays', id: docId(caeId, entrepreneurId) }) as const;

/**
 * Who had access to a CAE, and since when. An entrepreneur's exit ends their grants on the read side: the stays
 * are kept beside the grants, and the query ends each grant with the stay it was granted in (whatever the order
 * in which a back-dated grant and the exit reached the log).
 */
export const accessProjection = defineProjection({
  name: ACCESS,
  version: 3,
  collections: { caes: collectionOf<CaeDoc>(), accounts: collectionOf<AccountDoc>(), stays: collectionOf<StaysDoc>(), holders: collectionOf<HolderDoc>() },
  on: {
    CaeRegistered: {
      documents: (e) => [{ collection: 'caes', id: e.data.caeId }],
      apply: (e) => [{ collection: 'caes', id: e.data.caeId, doc: { caeId: e.data.caeId } }],
    },
    AccessGranted: {
      documents: (e) => [accountRef(e.data.caeId, e.data.accountId), holderRef(e.data.accountId)],
      apply: (e, docs) => {
        const { caeId, accountId, role, entrepreneurId, grantedOn } = e.data;
        const ref = accountRef(caeId, accountId);
        const account = docs.get(ref.collection, ref.id) ?? { caeId, accountId, grants: [] };
        const holder = docs.get('holders', accountId) ?? { accountId, grants: [] };
        const line: GrantLine = { role, entrepreneurId: entrepreneurId ?? null, grantedOn, revokedOn: null, reason: null };
        return [
          { ...ref, doc: { ...account, grants: [...account.grants, line] } },
          { ...holderRef(accountId), doc: { ...holder, grants: [...holder.grants, { ...line, caeId }] } },
        ];
      },
    },
    AccessRevoked: {
      documents: (e) => [accountRef(e.data.caeId, e.data.accountId), holderRef(e.data.accountId)],
      apply: (e, docs) => {
        const { caeId, accountId, role, entrepreneurId, revokedOn, reason } = e.data;
        const ref = accountRef(caeId, accountId);
        const account = docs.get(ref.collection, ref.id);
        const holder = docs.get('holders', accountId);
        if (!account || !holder) return [];
        // The command side revokes only a grant in force: the last one of that scope not revoked yet.
        const revoked = <L extends GrantLine | HolderLine>(lines: L[], inCae: (line: L) => boolean): L[] => {
          const open = lines.map((g) => inCae(g) && g.role === role && g.entrepreneurId === (entrepreneurId ?? null) && g.revokedOn === null).lastIndexOf(true);
          return lines.map((g, i) => (i === open ? { ...g, revokedOn, reason: reason ?? null } : g));
        };
        return [
          { ...ref, doc: { ...account, grants: revoked(account.grants, () => true) } },
          { ...holderRef(accountId), doc: { ...holder, grants: revoked(holder.grants, (g) => g.caeId === caeId) } },
        ];
      },
    },
    NetworkRoleGranted: {
      documents: (e) => [holderRef(e.data.accountId)],
      apply: (e, docs) => {
        const { accountId, role, grantedOn } = e.data;
        const holder = docs.get('holders', accountId) ?? { accountId, grants: [] };
        const line: HolderLine = { caeId: null, role, entrepreneurId: null, grantedOn, revokedOn: null, reason: null };
        return [{ ...holderRef(accountId), doc: { ...holder, grants: [...holder.grants, line] } }];
      },
    },
    NetworkRoleRevoked: {
      documents: (e) => [holderRef(e.data.accountId)],
      apply: (e, docs) => {
        const { accountId, role, revokedOn, reason } = e.data;
        const holder = docs.get('holders', accountId);
        if (!holder) return [];
        const open = holder.grants.map((g) => g.caeId === null && g.role === role && g.revokedOn === null).lastIndexOf(true);
        const grants = holder.grants.map((g, i) => (i === open ? { ...g, revokedOn, reason: reason ?? null } : g));
        return [{ ...holderRef(accountId), doc: { ...holder, grants } }];
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
