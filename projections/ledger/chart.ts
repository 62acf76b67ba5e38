/** The accounts of the plan comptable général the CAE's activity is booked on, and its journals. */

export const ACCOUNTS = {
  '110000': 'Report à nouveau (solde créditeur)',
  '119000': 'Report à nouveau (solde débiteur)',
  '186000': 'Contribution coopérative - activités',
  '187000': 'Contribution coopérative - structure',
  '401000': 'Fournisseurs',
  '411000': 'Clients',
  '421000': 'Personnel - rémunérations dues',
  '431000': 'Sécurité sociale',
  '445660': 'TVA déductible sur autres biens et services',
  '445710': 'TVA collectée',
  '512000': 'Banque',
  '604000': "Achats d'études et prestations de services",
  '606300': "Fournitures d'entretien et de petit équipement",
  '606400': 'Fournitures administratives',
  '606800': 'Autres matières et fournitures',
  '613000': 'Locations',
  '616000': "Primes d'assurances",
  '618500': 'Frais de colloques, séminaires, conférences',
  '622600': 'Honoraires',
  '623000': 'Publicité, publications, relations publiques',
  '625100': 'Voyages et déplacements',
  '625700': 'Réceptions',
  '626000': 'Frais postaux et de télécommunications',
  '641000': 'Rémunérations du personnel',
  '645000': 'Charges de sécurité sociale et de prévoyance',
  '706000': 'Prestations de services',
  '707000': 'Ventes de marchandises',
} as const;
export type AccountNumber = keyof typeof ACCOUNTS;

export const JOURNALS = { AN: 'A nouveaux', VE: 'Ventes', AC: 'Achats', BQ: 'Banque', PA: 'Paie', OD: 'Opérations diverses' } as const;
export type JournalCode = keyof typeof JOURNALS;

/** The analytic code of the CAE's own support structure, beside each entrepreneur's (their entrepreneurId). */
export const STRUCTURE = 'STRUCTURE';

/** The clients' auxiliary accounts nobody is named in: private persons (personal data stays out of the books) and unnamed companies. */
export const PRIVATE_CLIENTS = { aux: 'PARTICULIERS', label: 'Clients particuliers' } as const;
export const OTHER_CLIENTS = { aux: 'DIVERS', label: 'Clients divers' } as const;
export const OTHER_SUPPLIERS = { aux: 'FDIVERS', label: 'Fournisseurs divers' } as const;

/** An expense's category (free text) to its charge account, by its first word; anything else is 606800. */
const EXPENSE_ACCOUNTS: [prefix: string, account: AccountNumber][] = [
  ['deplacement', '625100'],
  ['transport', '625100'],
  ['voyage', '625100'],
  ['fourniture', '606400'],
  ['materiel', '606300'],
  ['equipement', '606300'],
  ['sous-traitance', '604000'],
  ['prestation', '604000'],
  ['telecom', '626000'],
  ['telephone', '626000'],
  ['location', '613000'],
  ['loyer', '613000'],
  ['assurance', '616000'],
  ['formation', '618500'],
  ['honoraire', '622600'],
  ['publicite', '623000'],
  ['communication', '623000'],
  ['reception', '625700'],
  ['repas', '625700'],
];

const folded = (text: string): string => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

export const expenseAccount = (category: string): AccountNumber => EXPENSE_ACCOUNTS.find(([prefix]) => folded(category).startsWith(prefix))?.[1] ?? '606800';
