import { lang } from './i18n.js';

/**
 * A refusal in the clerk's language: the API refuses with a stable code and an English message; the dashboard says it
 * in French by that code, and keeps the API's message for what it does not know (and in English).
 */
const REFUSALS: Record<string, string> = {
  VALIDATION_FAILED: 'La saisie est incomplète ou invalide : voyez les champs signalés.',
  NOT_FOUND: 'Introuvable : vérifiez l’identifiant saisi.',
  CONCURRENCY_CONFLICT: 'Quelqu’un a enregistré autre chose en même temps : renvoyez le formulaire.',
  COMMAND_ID_REUSED: 'Cette saisie a déjà été envoyée avec un autre contenu.',
  FORBIDDEN: 'Votre rôle ne permet pas cette saisie.',
  ENTREPRENEUR_ALREADY_INTEGRATED: 'Cet entrepreneur est déjà intégré.',
  ENTREPRENEUR_NOT_ACTIVE: 'Cet entrepreneur n’est pas (ou plus) accompagné par la CAE.',
  DATE_BEFORE_INTEGRATION: 'La date précède l’intégration de l’entrepreneur.',
  DATE_OUT_OF_ORDER: 'La date précède un fait déjà enregistré pour cet entrepreneur (intégration, signature, sortie ou activité).',
  CAPE_DURATION_INVALID: 'Un CAPE dure de 1 à 12 mois.',
  CAPE_ALREADY_SIGNED: 'Un CAPE est déjà signé pour cet entrepreneur.',
  CAPE_NOT_SIGNED: 'Aucun CAPE n’est signé pour cet entrepreneur.',
  CAPE_ENDED: 'Le CAPE de cet entrepreneur est terminé.',
  CAPE_LIMIT_EXCEEDED: 'Un CAPE se renouvelle deux fois au plus, 36 mois en tout.',
  CESA_ALREADY_SIGNED: 'Un CESA est déjà signé pour cet entrepreneur.',
  NO_ACTIVE_CONTRACT: 'Cet entrepreneur n’a ni CAPE ni CESA en cours à cette date.',
  SALARY_UNDER_CAPE: 'Un entrepreneur sous CAPE n’est pas salarié : pas de salaire avant le CESA.',
  SALARY_REQUIRES_CESA: 'Un salaire suppose un CESA signé.',
  SALARY_ALREADY_PAID: 'Le salaire de ce mois est déjà payé.',
  INSUFFICIENT_TREASURY: 'La trésorerie disponible de l’activité ne couvre pas ce montant.',
  INVOICE_DATE_BEFORE_LAST: 'La date d’émission précède celle de la dernière facture : la numérotation doit rester chronologique.',
  INVALID_DUE_DATE: 'L’échéance précède la date d’émission.',
  MANDATORY_MENTION_MISSING: 'Il manque à la facture une mention obligatoire (identité de la CAE, adresse ou SIREN du client, catégorie d’opération).',
  CLIENT_ALREADY_REGISTERED: 'Ce client est déjà dans l’annuaire.',
  QUOTE_ALREADY_ANSWERED: 'Ce devis a déjà reçu une réponse (accepté ou refusé).',
  QUOTE_EXPIRED: 'Ce devis n’est plus valable : émettez-en un nouveau.',
  QUOTE_NOT_ACCEPTED: 'Seul un devis accepté peut être facturé.',
  CREDIT_NOTE_EXCEEDS_REMAINING: 'L’avoir dépasse ce qui reste de la facture.',
  NOTHING_TO_CREDIT: 'Il ne reste rien à créditer sur cette facture.',
  PAYMENT_EXCEEDS_DUE: 'Le paiement dépasse ce qui reste dû sur la facture.',
  NOTHING_TO_REFUND: 'Il n’y a rien à rembourser sur cette facture.',
  REFUND_EXCEEDS_OWED: 'Le remboursement dépasse le trop-perçu.',
  ASSOCIATE_ALREADY_ADMITTED: 'Cet associé est déjà admis.',
  ASSOCIATE_REQUIRES_CESA: 'Un entrepreneur devient associé une fois salarié (CESA signé).',
  SHARES_EXCEED_HOLDING: 'L’associé ne détient pas autant de parts.',
  NOT_AN_ASSOCIATE: 'Cette personne n’est pas associée.',
  PERSON_ALREADY_FORGOTTEN: 'Cette personne a été effacée.',
  NOTICE_REQUIRES_CESA: 'Un préavis suppose un CESA signé.',
  LOG_INTEGRITY_FAILED: 'Le journal est en cours de vérification : aucune saisie n’est possible pour l’instant.',
};

export const refusalMessage = (error: { code: string; message: string }): string =>
  lang() === 'fr' && REFUSALS[error.code] !== undefined ? REFUSALS[error.code]! : error.message;

/** A field's problem, as the schema says it: the common ones in French, the rest as the API wrote it. */
const FIELD_PROBLEMS: [RegExp, (...groups: string[]) => string][] = [
  [/^is required$/, () => 'est obligatoire'],
  [/^must not be empty$/, () => 'ne peut pas être vide'],
  [/^must be a date YYYY-MM-DD|^is not a real calendar date/, () => 'doit être une date réelle AAAA-MM-JJ'],
  [/^must be a month YYYY-MM/, () => 'doit être un mois AAAA-MM'],
  [/^must be a decimal string with at most 2 decimals/, () => 'doit être un montant avec au plus 2 décimales (ex. 1234.50)'],
  [/^must have at most (\d+) digits before the decimal point/, (n) => `doit avoir au plus ${n} chiffres avant la virgule`],
  [/^must be greater than zero/, () => 'doit être supérieur à zéro'],
  [/^must not be negative/, () => 'ne peut pas être négatif'],
  [/^must be at least (\d+)/, (n) => `doit valoir au moins ${n}`],
  [/^must be at most (\d+) characters long/, (n) => `doit faire au plus ${n} caractères`],
  [/^must be at most (\d+)/, (n) => `doit valoir au plus ${n}`],
  [/^must be an integer/, () => 'doit être un nombre entier'],
  [/^must be one of: ([^(]+)/, (values) => `doit être l’une des valeurs : ${values.trim()}`],
  [/^must be a SIREN/, () => 'doit être un SIREN : 9 chiffres'],
  [/^is not a SIREN/, () => 'n’est pas un SIREN : sa clé (Luhn) est fausse'],
  [/^must be a SIRET/, () => 'doit être un SIRET : 14 chiffres (le SIREN, puis 5)'],
  [/^is not a SIRET/, () => 'n’est pas un SIRET : sa clé (Luhn) est fausse'],
  [/^must begin with the SIREN (\d+)/, (siren) => `doit commencer par le SIREN ${siren}`],
  [/^is required for a French (company|public body)/, (kind) => `est obligatoire pour ${kind === 'company' ? 'une entreprise française' : 'un organisme public français'}`],
  [/^is not for a private person/, () => 'ne s’applique pas à un particulier'],
  [/^must be an identifier/, () => 'doit être un identifiant : lettres, chiffres, « _ », « . » ou « - »'],
  [/^must be an invoice number/, () => 'doit être un numéro de facture AAAA-NNNNNN (ex. 2016-000001)'],
];

export const fieldProblem = (message: string): string => {
  if (lang() !== 'fr') return message;
  for (const [pattern, say] of FIELD_PROBLEMS) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  return message;
};
