import { obj, optional, pattern } from './validation/schema';
import { name, postalCode, type Infer } from './validation/fields';

/** A postal address as an invoice prints it (EN 16931 BG-5, BG-8, BG-15); the country is FR when not given. */
export const country = () => pattern(/^[A-Z]{2}$/, 'must be an ISO 3166-1 country code: two capital letters (e.g. "FR")', 20);

export const postalAddress = () => obj({ line1: name(), line2: optional(name()), postalCode: postalCode(), city: name(), country: optional(country()) });
export type PostalAddress = Infer<ReturnType<typeof postalAddress>>;
