import { ruledString } from './schema';
// Any length up to 20 gets the identifier's own message, not a length one.

/** The French company identifiers an invoice carries, each checked by its own key (INSEE, DGFiP). */

/** Luhn's sum over the digits: a SIREN or a SIRET is valid when it is a multiple of 10. */
const luhn = (digits: string): boolean => {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[digits.length - 1 - i]);
    sum += i % 2 === 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
  }
  return sum % 10 === 0;
};

// La Poste's establishments (SIREN 356000000) are numbered by a sum of digits, not by Luhn (INSEE's one exception).
const LA_POSTE = '356000000';

export const sirenProblem = (s: string): string | undefined =>
  !/^\d{9}$/.test(s) ? 'must be a SIREN: 9 digits' : luhn(s) ? undefined : 'is not a SIREN: its check digit (Luhn) is wrong';

export const siretProblem = (s: string): string | undefined => {
  if (!/^\d{14}$/.test(s)) return 'must be a SIRET: 14 digits (the SIREN, then 5)';
  const valid = s.startsWith(LA_POSTE) ? [...s].reduce((sum, d) => sum + Number(d), 0) % 5 === 0 : luhn(s) && luhn(s.slice(0, 9));
  return valid ? undefined : 'is not a SIRET: its check digit (Luhn) is wrong';
};

/** A French intra-community VAT number: FR, a two-digit key, the SIREN; the key is (12 + 3 × (SIREN mod 97)) mod 97. */
export const frenchVatKey = (siren: string): string => String((12 + 3 * (Number(siren) % 97)) % 97).padStart(2, '0');

export const vatNumberProblem = (s: string): string | undefined => {
  if (!/^[A-Z]{2}[0-9A-Z]{2,13}$/.test(s)) return 'must be a VAT number: two letters, then 2 to 13 digits or letters (e.g. "FR40303265045")';
  if (!s.startsWith('FR')) return undefined;
  const m = /^FR(\d{2})(\d{9})$/.exec(s);
  if (m === null) return 'must be a French VAT number: FR, a 2-digit key, the 9-digit SIREN';
  return m[1] === frenchVatKey(m[2]!) && luhn(m[2]!) ? undefined : 'is not a French VAT number: its key does not match its SIREN';
};

export const siren = () => ruledString(20, sirenProblem, { pattern: '^\\d{9}$', description: 'a SIREN: 9 digits, Luhn check digit', examples: ['732829320'] });
export const siret = () => ruledString(20, siretProblem, { pattern: '^\\d{14}$', description: 'a SIRET: 14 digits, Luhn check digit', examples: ['73282932000074'] });
export const vatNumber = () => ruledString(20, vatNumberProblem, { description: 'an intra-community VAT number; a French one has its key checked', examples: ['FR44732829320'] });
