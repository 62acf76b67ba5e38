/** The dashboard speaks French first; English on demand (kept in the browser). */
export type Lang = 'fr' | 'en';

const MESSAGES = {
  fr: {
    title: 'Alvéole — back-office des CAE',
    login: 'Se connecter',
    logout: 'Se déconnecter',
    username: "Nom d'utilisateur",
    password: 'Mot de passe',
    wrongCredentials: "Nom d'utilisateur ou mot de passe incorrect.",
    network: 'Réseau',
    cae: 'CAE',
    year: 'Année',
    asOf: 'Situation au',
    asOfHint: 'vide : aujourd’hui',
    accompanied: 'Entrepreneurs accompagnés',
    headcount: 'Effectif',
    revenue: "Chiffre d'affaires HT",
    payroll: 'Masse salariale brute',
    associates: 'Associés',
    positiveExitRate: 'Sorties positives',
    returnPerSubsidyEuro: 'Retour par euro de subvention',
    versus: 'contre',
    inYear: 'en',
    trends: 'Évolution sur toutes les années',
    monthly: 'Entrées, sorties et effectif, mois par mois',
    entries: 'Entrées',
    exits: 'Sorties',
    caes: 'Les CAE',
    caeName: 'CAE',
    audit: 'Audit du label',
    noAudit: 'non audité',
    eligible: 'labellisable',
    notEligible: 'non labellisable',
    exportCsv: 'Exporter en CSV',
    exportPng: 'Exporter en PNG',
    loading: 'Chargement…',
    nothingHere: 'Rien à afficher pour ce rôle.',
    forbidden: "Vous n'avez pas accès à cette page.",
    failed: 'La page n’a pas pu être chargée',
    language: 'English',
    account: 'Mon compte d’activité',
    accountOf: 'Compte d’activité',
    month: 'Mois',
    revenueExclVat: 'CA HT',
    creditNotesExclVat: 'Avoirs HT',
    contribution: 'Contribution',
    expenses: 'Frais',
    salaryCost: 'Coût salarial',
    result: 'Résultat',
    availableTreasury: 'Trésorerie disponible',
    monthByMonth: 'Le compte mois par mois',
    receivables: 'Factures à encaisser',
    invoices: 'Factures et paiements',
    number: 'Numéro',
    issuedOn: 'Émise le',
    dueOn: 'Échéance',
    client: 'Client',
    totalInclVat: 'Total TTC',
    paid: 'Encaissé TTC',
    amountDue: 'Reste dû',
    status: 'Statut',
    overdue: 'en retard',
    paid_status: 'payée',
    partially_paid: 'partiellement payée',
    unpaid: 'à payer',
    credited: 'annulée par avoir',
    refund_due: 'remboursement dû',
    refunded: 'remboursée',
    bySector: 'Chiffre d’affaires par secteur',
    sector: 'Secteur',
    clientKind: 'Type de client',
    byClientKind: 'Chiffre d’affaires par type de client',
    company: 'Entreprises',
    individual: 'Particuliers',
    public_body: 'Organismes publics',
    association: 'Associations',
  },
  en: {
    title: 'Alvéole — the CAE back office',
    login: 'Log in',
    logout: 'Log out',
    username: 'Username',
    password: 'Password',
    wrongCredentials: 'Wrong username or password.',
    network: 'Network',
    cae: 'CAE',
    year: 'Year',
    asOf: 'As of',
    asOfHint: 'empty: today',
    accompanied: 'Entrepreneurs accompanied',
    headcount: 'Headcount',
    revenue: 'Revenue excl. VAT',
    payroll: 'Gross payroll',
    associates: 'Associates',
    positiveExitRate: 'Positive exits',
    returnPerSubsidyEuro: 'Return per euro of subsidy',
    versus: 'vs',
    inYear: 'in',
    trends: 'Trends over every year',
    monthly: 'Entries, exits and headcount, month by month',
    entries: 'Entries',
    exits: 'Exits',
    caes: 'The CAEs',
    caeName: 'CAE',
    audit: 'Label audit',
    noAudit: 'not audited',
    eligible: 'eligible',
    notEligible: 'not eligible',
    exportCsv: 'Export as CSV',
    exportPng: 'Export as PNG',
    loading: 'Loading…',
    nothingHere: 'Nothing to show for this role.',
    forbidden: 'You may not see this page.',
    failed: 'The page could not be loaded',
    language: 'Français',
    account: 'My activity account',
    accountOf: 'Activity account',
    month: 'Month',
    revenueExclVat: 'Revenue excl. VAT',
    creditNotesExclVat: 'Credit notes excl. VAT',
    contribution: 'Contribution',
    expenses: 'Expenses',
    salaryCost: 'Salary cost',
    result: 'Result',
    availableTreasury: 'Available treasury',
    monthByMonth: 'The account month by month',
    receivables: 'Invoices to cash',
    invoices: 'Invoices and payments',
    number: 'Number',
    issuedOn: 'Issued on',
    dueOn: 'Due on',
    client: 'Client',
    totalInclVat: 'Total incl. VAT',
    paid: 'Cashed incl. VAT',
    amountDue: 'Amount due',
    status: 'Status',
    overdue: 'overdue',
    paid_status: 'paid',
    partially_paid: 'partially paid',
    unpaid: 'unpaid',
    credited: 'credited',
    refund_due: 'refund due',
    refunded: 'refunded',
    bySector: 'Revenue by sector',
    sector: 'Sector',
    clientKind: 'Client kind',
    byClientKind: 'Revenue by client kind',
    company: 'Companies',
    individual: 'Individuals',
    public_body: 'Public bodies',
    association: 'Associations',
  },
} as const;

export type MessageKey = keyof (typeof MESSAGES)['fr'];

export const lang = (): Lang => (localStorage.getItem('alveole.lang') === 'en' ? 'en' : 'fr');
export const setLang = (next: Lang): void => localStorage.setItem('alveole.lang', next);
export const t = (key: MessageKey): string => MESSAGES[lang()][key];

/** Groups of three digits, as each language writes them (the narrow no-break space in French). */
const grouped = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang() === 'fr' ? '\u202f' : ',');

/**
 * A money string of the API ("908700.00") as people read it ("908 700,00 €", "€908,700.00"): written from the
 * string itself, never through a binary float.
 */
export const money = (amount: string): string => {
  const [, sign = '', whole = '0', cents = '00'] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount) ?? [];
  const figure = `${grouped(whole)}${lang() === 'fr' ? ',' : '.'}${cents.padEnd(2, '0').slice(0, 2)}`;
  return lang() === 'fr' ? `${sign}${figure}\u00a0€` : `${sign}€${figure}`;
};

/** A rate of the API ("0.6552") as a percentage with one decimal. */
export const percent = (rate: string): string => {
  const tenths = Math.round(Number(rate) * 1000);
  const text = `${Math.trunc(tenths / 10)}${lang() === 'fr' ? ',' : '.'}${Math.abs(tenths % 10)}`;
  return lang() === 'fr' ? `${text}\u00a0%` : `${text}%`;
};

export const count = (n: number): string => grouped(String(n));

/** A decimal string of the API ("7.10") with the language's decimal mark. */
export const decimal = (value: string): string => (lang() === 'fr' ? value.replace('.', ',') : value);
