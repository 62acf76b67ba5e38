import { formatMoney, money, type IsoDate, type YearMonth } from '../../libs/domain';
import type { ReadModels } from '../projection';
import { accountView, type AccountView } from './account-view';
import { accountId, TREASURY, type AccountDoc, type CaeDoc, type TotalsDoc } from './documents';

/** GET /api/network/caes — every registered CAE, by id: what the network's pages list and link to. */
export const networkCaes = async (models: ReadModels): Promise<{ caes: { caeId: string; name: string }[] }> => ({
  caes: ((await models.list(TREASURY, 'caes')) as CaeDoc[]).map(({ caeId, name }) => ({ caeId, name })),
});

/** GET /api/caes/{caeId}/entrepreneurs/{entrepreneurId}/account — undefined when the CAE or the account is unknown. */
export const entrepreneurAccount = async (models: ReadModels, caeId: string, entrepreneurId: string): Promise<AccountView | undefined> => {
  const cae = (await models.get(TREASURY, 'caes', caeId)) as CaeDoc | undefined;
  const account = (await models.get(TREASURY, 'accounts', accountId(caeId, entrepreneurId))) as AccountDoc | undefined;
  return cae && account ? accountView(account, cae.contribution) : undefined;
};

export interface VatFigures {
  vatCollected: string;
  vatOnCreditNotes: string;
  vatOwed: string;
}

export interface CaeTreasury {
  caeId: string;
  /** The latest date of the accounts; null before any entrepreneur. */
  asOf: IsoDate | null;
  accounts: number;
  /** refundsOwedToClients: credit notes beyond what remained unpaid, not yet refunded (incl. VAT). */
  toDate: VatFigures & { contributionsEarned: string; cashHeldForEntrepreneurs: string; refundsOwedToClients: string };
  monthly: (VatFigures & { month: YearMonth })[];
}

const vat = (collected: string, onCreditNotes: string): VatFigures => ({
  vatCollected: collected,
  vatOnCreditNotes: onCreditNotes,
  vatOwed: formatMoney(money(collected).minus(onCreditNotes)),
});

/** GET /api/caes/{caeId}/treasury — undefined when the CAE is unknown. */
export const caeTreasury = async (models: ReadModels, caeId: string): Promise<CaeTreasury | undefined> => {
  if (!(await models.get(TREASURY, 'caes', caeId))) return undefined;
  const totals = (await models.get(TREASURY, 'totals', caeId)) as TotalsDoc | undefined;
  if (!totals)
    return {
      caeId,
      asOf: null,
      accounts: 0,
      toDate: { ...vat('0.00', '0.00'), contributionsEarned: '0.00', cashHeldForEntrepreneurs: '0.00', refundsOwedToClients: '0.00' },
      monthly: [],
    };
  return {
    caeId,
    asOf: totals.asOf,
    accounts: totals.accounts,
    toDate: {
      ...vat(totals.vatCollected, totals.vatOnCreditNotes),
      contributionsEarned: totals.contributions,
      cashHeldForEntrepreneurs: totals.cashHeld,
      refundsOwedToClients: totals.refundsOwed,
    },
    monthly: Object.keys(totals.months)
      .sort()
      .map((month) => ({ month, ...vat(totals.months[month]!.vatCollected, totals.months[month]!.vatOnCreditNotes) })),
  };
};

/** Every activity account of a CAE, by entrepreneur: what the accounts' export lists. Undefined when the CAE is unknown. */
export const caeAccounts = async (models: ReadModels, caeId: string): Promise<{ caeId: string; accounts: AccountView[] } | undefined> => {
  const cae = (await models.get(TREASURY, 'caes', caeId)) as CaeDoc | undefined;
  if (!cae) return undefined;
  const accounts = ((await models.list(TREASURY, 'accounts', { caeId })) as AccountDoc[]).sort((a, b) => (a.entrepreneurId < b.entrepreneurId ? -1 : a.entrepreneurId > b.entrepreneurId ? 1 : 0));
  return { caeId, accounts: accounts.map((account) => accountView(account, cae.contribution)) };
};
