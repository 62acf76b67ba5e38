import { date, isAbsent, obj, oneOf, optional, str } from '../validation/schema';
import { id, INVOICE_NUMBER, name, postalCode, QUOTE_NUMBER, type Infer } from '../validation/fields';
import { siren, siret, vatNumber } from '../validation/french-identifiers';
import { postalAddress } from '../postal-address';
import { NOTHING } from '../validation/results';

export const CLIENT_KINDS = ['company', 'individual', 'public_body', 'association'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

/**
 * Who an invoice is made out to, in the directory or inline: the identifiers of a company, a public body or an
 * association (a private person has none), the address, and a public body's Chorus Pro service code.
 */
export const clientFields = {
  name: name(),
  kind: oneOf(CLIENT_KINDS),
  siren: optional(siren()),
  siret: optional(siret()),
  vatNumber: optional(vatNumber()),
  address: optional(postalAddress()),
  /** The first form of a client: a postal code alone (still accepted inline). */
  postalCode: optional(postalCode()),
  chorusServiceCode: optional(str(100)),
  email: optional(name()),
};

type ClientFields = Partial<Infer<ReturnType<typeof clientSchema>>>;

/** The rules one client's fields keep together, reported at their own field. */
export const checkClient = (c: ClientFields, report: (key: string, message: string) => void): void => {
  if (c.kind === 'individual') for (const key of ['siren', 'siret', 'vatNumber', 'chorusServiceCode'] as const) if (c[key] !== undefined) report(key, 'is not for a private person');
  if (c.chorusServiceCode !== undefined && c.kind !== 'public_body') report('chorusServiceCode', 'is for a public body only');
  if (c.siren !== undefined && c.siret !== undefined && !c.siret.startsWith(c.siren)) report('siret', `must begin with the SIREN ${c.siren}`);
  if (c.siren !== undefined && c.vatNumber?.startsWith('FR') && !c.vatNumber.endsWith(c.siren)) report('vatNumber', `must end with the SIREN ${c.siren}`);
};

const clientSchema = () => obj(clientFields, (c, _raw, report) => checkClient(c, report));
export const inlineClient = clientSchema;
export type InlineClient = Infer<ReturnType<typeof clientSchema>>;

/**
 * A client of the CAE's directory, named by clientId on its invoices. A French company or public body is registered
 * with its SIREN (the buyer's SIREN is a mandatory mention of e-invoicing); a private person's data is sealed.
 */
export const registerClientSchema = obj(
  { caeId: id(), clientId: id(), registeredOn: date(), ...clientFields, address: postalAddress() },
  (c, raw, report) => {
    checkClient(c, report);
    // A private client is forgotten by its clientId or by an invoice number: the two never look alike.
    if (c.clientId !== undefined && (INVOICE_NUMBER.test(c.clientId) || QUOTE_NUMBER.test(c.clientId))) report('clientId', 'must not have the form of an invoice or quote number');
    const inFrance = (c.address?.country ?? 'FR') === 'FR';
    if (inFrance && (c.kind === 'company' || c.kind === 'public_body') && isAbsent(raw['siren'])) report('siren', `is required for a French ${c.kind === 'company' ? 'company' : 'public body'}`);
  },
);
export type RegisterClient = Infer<typeof registerClientSchema>;

export const registerClientResult = NOTHING;

/** The data of this slice's commands, by type. */
export interface ClientCommands {
  RegisterClient: RegisterClient;
}
