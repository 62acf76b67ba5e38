import { ApiError, get, post } from '../api.js';
import { h, show } from '../dom.js';
import { lang, t } from '../i18n.js';
import { fieldProblem, refusalMessage } from '../refusals.js';
import { caeTabs } from './cae-tabs.js';

/**
 * The support team's daily forms, built from the commands' schemas in the OpenAPI document (GET /api/docs-json):
 * one generic form for every command, nothing written per command but its French name and field labels.
 */

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  enum?: string[];
  format?: string;
  pattern?: string;
  items?: Schema;
  oneOf?: Schema[];
  title?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  description?: string;
  examples?: unknown[];
}

/** The support team's commands, in the order of an entrepreneur's path. */
const DAILY: Record<string, { fr: string; en: string }> = {
  IntegrateEntrepreneur: { fr: 'Intégrer un entrepreneur', en: 'Integrate an entrepreneur' },
  SignCape: { fr: 'Signer un CAPE', en: 'Sign a CAPE' },
  RenewCape: { fr: 'Renouveler un CAPE', en: 'Renew a CAPE' },
  SignCesa: { fr: 'Signer un CESA', en: 'Sign a CESA' },
  RecordMeeting: { fr: 'Enregistrer un entretien ou un atelier', en: 'Record an interview or a workshop' },
  RegisterClient: { fr: 'Ajouter un client à l’annuaire', en: 'Add a client to the directory' },
  IssueQuote: { fr: 'Émettre un devis', en: 'Issue a quote' },
  AcceptQuote: { fr: 'Enregistrer l’acceptation d’un devis', en: 'Record a quote accepted' },
  DeclineQuote: { fr: 'Enregistrer le refus d’un devis', en: 'Record a quote declined' },
  IssueInvoice: { fr: 'Émettre une facture', en: 'Issue an invoice' },
  RecordPayment: { fr: 'Enregistrer un paiement', en: 'Record a payment' },
  RecordExpense: { fr: 'Enregistrer une dépense', en: 'Record an expense' },
  PaySalary: { fr: 'Payer un salaire', en: 'Pay a salary' },
  AdmitAssociate: { fr: 'Admettre un associé', en: 'Admit an associate' },
  ExitEntrepreneur: { fr: 'Enregistrer une sortie', en: 'Record an exit' },
};

/** Field labels by field name, whatever the command (English: the name itself, spelt out). */
const LABELS: Record<string, string> = {
  entrepreneurId: 'Entrepreneur (identifiant)', integratedOn: "Date d'intégration", person: 'Personne', firstName: 'Prénom', lastName: 'Nom',
  gender: 'Genre', birthYear: 'Année de naissance', postalCode: 'Code postal', city: 'Ville', educationLevel: 'Niveau de formation',
  activity: 'Activité', description: 'Description', sector: 'Secteur', situationAtEntry: "Situation à l'entrée", signedOn: 'Signé le',
  months: 'Durée (mois)', renewedOn: 'Renouvelé le', heldOn: 'Date', kind: 'Type', hours: 'Heures', notes: 'Notes', issuedOn: 'Émise le',
  dueOn: 'Échéance', client: 'Client', name: 'Nom', lines: 'Lignes', quantity: 'Quantité', unitPriceExclVat: 'Prix unitaire HT',
  vatRate: 'Taux de TVA', invoiceNumber: 'Numéro de facture', paidOn: 'Payé le', amount: 'Montant', incurredOn: 'Date de la dépense',
  category: 'Catégorie', vat: 'TVA', period: 'Période (AAAA-MM)', gross: 'Brut', employeeContributions: 'Cotisations salariales',
  employerContributions: 'Cotisations patronales', associateId: 'Associé (identifiant)', admittedOn: 'Admis le', shares: 'Parts',
  exitedOn: 'Sorti le', organisation: 'Organisation', siren: 'SIREN', siret: 'SIRET', vatNumber: 'N° de TVA intracommunautaire',
  clientId: "Client (identifiant dans l'annuaire)", registeredOn: 'Enregistré le', address: 'Adresse', line1: 'Adresse (ligne 1)', line2: 'Adresse (ligne 2)',
  country: 'Pays (code ISO, FR par défaut)', chorusServiceCode: 'Code service Chorus Pro', email: 'Courriel', operationCategory: "Catégorie d'opération",
  deliveryAddress: 'Adresse de livraison', vatOnDebits: 'TVA sur les débits', paymentTerms: 'Conditions de paiement',
  latePenaltyRate: 'Taux annuel des pénalités de retard', validUntil: 'Valable jusqu’au', quoteNumber: 'Numéro de devis',
  acceptedOn: 'Accepté le', declinedOn: 'Refusé le', vatExemptionMention: "Mention d'exonération de TVA", reason: 'Motif', parallelActivity: 'Activité en parallèle', trialPeriodMonths: "Période d'essai (mois)",
};

const labelOf = (name: string): string => (lang() === 'fr' ? (LABELS[name] ?? name) : name.replace(/([A-Z])/g, ' $1').toLowerCase());

const idOf = (path: string[]): string => `f-${path.join('-')}`;

/** The alternatives of a choice, by their schema's title (a natural person, an organisation…). */
const ALTERNATIVES: Record<string, string> = {
  'natural person': 'Personne physique',
  organisation: 'Organisation (personne morale)',
  'name only': 'Nom seul (fichiers d’import)',
  'directory client': 'Client de l’annuaire',
  'inline client': 'Client saisi sur la facture',
};
const alternativeLabel = (alternative: Schema, i: number): string =>
  alternative.title === undefined ? String(i + 1) : lang() === 'fr' ? (ALTERNATIVES[alternative.title] ?? alternative.title) : alternative.title;

/** A field that takes one of several forms: a labelled choice of form, then the chosen form's fields. */
const choiceFor = (name: string, schema: Schema, path: string[], required: boolean): HTMLElement => {
  const id = idOf(path);
  const chosen = h('div', { class: 'alternative' });
  const pick = (i: number) => show(chosen, ...fieldsOf(schema.oneOf![i]!, path));
  pick(0);
  const forms = schema.oneOf!.map((alternative, i) =>
    h('label', { class: 'option' }, h('input', { type: 'radio', name: `${id}-form`, value: i, checked: i === 0, onchange: () => pick(i) }), alternativeLabel(alternative, i)),
  );
  return h('fieldset', { id }, h('legend', {}, `${labelOf(name)}${required ? ' *' : ''}`), h('div', { class: 'choice' }, ...forms), chosen);
};

/** The form a choice holds now (the first until another is picked). */
const chosenOf = (form: HTMLFormElement, schema: Schema, path: string[]): Schema => {
  const checked = form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(`${idOf(path)}-form`)}"]:checked`);
  return schema.oneOf?.[Number(checked?.value ?? 0)] ?? schema;
};

const fieldFor = (name: string, schema: Schema, path: string[], required: boolean): HTMLElement => {
  const id = idOf(path);
  if (schema.oneOf !== undefined && schema.oneOf.every((alternative) => alternative.type === 'object')) return choiceFor(name, schema, path, required);
  const s = schema;
  if (s.type === 'object') return h('fieldset', { id }, h('legend', {}, labelOf(name)), ...fieldsOf(s, path));
  if (s.type === 'array' && s.items) {
    const items = h('div', { class: 'lines' });
    const add = () => items.append(h('fieldset', { class: 'line' }, h('legend', {}, `${labelOf(name)} ${items.children.length + 1}`), ...fieldsOf(s.items!, [...path, String(items.children.length)])));
    add();
    return h('fieldset', { id, 'data-array': path.join('.') }, h('legend', {}, labelOf(name)), items, h('button', { type: 'button', onclick: add }, lang() === 'fr' ? 'Ajouter une ligne' : 'Add a line'));
  }
  const hint = s.description ?? '';
  const attributes = { id, name: path.join('.'), required, 'aria-describedby': `${id}-error`, title: hint };
  const control =
    s.enum !== undefined
      ? h('select', attributes, ...(required ? [] : [h('option', { value: '' }, '—')]), ...s.enum.map((value) => h('option', { value }, value)))
      : s.type === 'boolean'
        ? h('input', { ...attributes, type: 'checkbox', required: false })
        : s.type === 'integer'
          ? h('input', { ...attributes, type: 'number', step: 1, min: s.minimum, max: s.maximum })
          : (s.maxLength ?? 0) > 200
            ? h('textarea', attributes)
            : h('input', { ...attributes, type: s.format === 'date' ? 'date' : 'text', ...(s.pattern?.includes('[0-9]{1,') && { inputmode: 'decimal' }), placeholder: s.examples?.[0] !== undefined ? String(s.examples[0]) : undefined });
  return h('p', { class: 'field' }, h('label', { for: id }, `${labelOf(name)}${required ? ' *' : ''}`), control, h('span', { class: 'error', id: `${id}-error` }));
};

const fieldsOf = (schema: Schema, path: string[]): HTMLElement[] =>
  Object.entries(schema.properties ?? {})
    .filter(([name]) => !(path.length === 0 && name === 'caeId'))
    .map(([name, property]) => fieldFor(name, property, [...path, name], (schema.required ?? []).includes(name)));

/** The form's values in the schema's shape: numbers for integers, booleans for checkboxes, empty optional fields left out. */
const valuesOf = (form: HTMLFormElement, schema: Schema, path: string[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const here = [...path, name];
    const s = property.oneOf !== undefined ? chosenOf(form, property, here) : property;
    if (s.type === 'object') {
      const value = valuesOf(form, s, here);
      if (Object.keys(value).length > 0) out[name] = value;
    } else if (s.type === 'array' && s.items) {
      const count = form.querySelectorAll(`[data-array="${here.join('.')}"] .line`).length;
      out[name] = Array.from({ length: count }, (_, i) => valuesOf(form, s.items!, [...here, String(i)]));
    } else {
      const control = form.querySelector<HTMLInputElement>(`#${CSS.escape(idOf(here))}`);
      if (control === null) continue;
      if (s.type === 'boolean') out[name] = control.checked;
      else if (control.value !== '') out[name] = s.type === 'integer' ? Number(control.value) : control.value;
    }
  }
  return out;
};

let openApi: Promise<{ components: { schemas: Record<string, Schema> } }> | undefined;

export const formsPage = async (main: HTMLElement, caeId: string, type: string | undefined): Promise<void> => {
  const { schemas } = (await (openApi ??= get('/api/docs-json'))).components;
  const chosen = type !== undefined && DAILY[type] !== undefined ? type : undefined;
  const picker = h(
    'nav',
    { class: 'card', 'aria-label': t('forms') },
    h('ul', {}, ...Object.entries(DAILY).map(([command, name]) => h('li', {}, h('a', { href: `#/cae/${encodeURIComponent(caeId)}/forms/${command}`, 'aria-current': command === chosen ? 'page' : undefined }, name[lang()])))),
  );
  const parts: (HTMLElement | false)[] = [h('h1', {}, `${t('forms')} — ${caeId}`), caeTabs(caeId, 'forms', undefined), picker];
  if (chosen !== undefined) {
    const schema = schemas[`${chosen}Data`]!;
    const outcome = h('p', { role: 'status', id: 'form-outcome', 'aria-live': 'polite' });
    const form = h('form', { class: 'card command', 'aria-labelledby': 'form-title', novalidate: true }, h('h2', { id: 'form-title' }, DAILY[chosen]![lang()]), ...fieldsOf(schema, []), h('button', { type: 'submit' }, t('send')), outcome);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      form.querySelectorAll('.field .error').forEach((span) => (span.textContent = ''));
      const data = { caeId, ...valuesOf(form, schema, []) };
      type Outcome = { status: string; result?: unknown; error?: { code: string; message: string; details?: { errors?: { path: string; message: string }[] } } };
      // A refused command answers its outcome with a 4xx: the outcome all the same, refusal details included.
      const answer = await post<Outcome>('/api/commands', { type: chosen, commandId: `dashboard-${crypto.randomUUID()}`, data }).catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.body !== undefined) return failure.body as Outcome;
        throw failure;
      });
      if (answer.status === 'accepted') {
        outcome.className = 'done';
        outcome.setAttribute('role', 'status');
        show(outcome, `${t('accepted')} ${JSON.stringify(answer.result ?? {})}`);
        return;
      }
      // The refusal in the clerk's words, its stable code, and the domain's own message (its dates and amounts).
      const error: NonNullable<Outcome['error']> = answer.error ?? { code: answer.status, message: answer.status };
      const said = refusalMessage(error);
      outcome.className = 'error';
      outcome.setAttribute('role', 'alert');
      show(outcome, h('strong', {}, said), ' ', h('code', {}, error.code), said !== error.message && h('br'), said !== error.message && h('small', { lang: 'en' }, error.message));
      // Each field's own problem next to it, by its path in the command (data.amount → the amount's field).
      for (const problem of error.details?.errors ?? []) {
        const span = form.querySelector(`#${CSS.escape(idOf(problem.path.split('.').slice(1)))}-error`);
        if (span) span.textContent = fieldProblem(problem.message);
      }
    });
    parts.push(form);
  }
  show(main, ...parts.filter((part): part is HTMLElement => part !== false));
};
