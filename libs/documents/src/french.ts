import type { DecimalString, IsoDate } from '../../domain';

const NBSP = '\u00a0';

/** An amount as a French document prints it, from its decimal string (never a float): `4 500,00 €`. */
export const euros = (amount: DecimalString): string => `${frenchDecimal(amount)}${NBSP}€`;

/** A decimal string in French: thousands apart, a comma before the cents. */
export const frenchDecimal = (value: DecimalString): string => {
  const negative = value.startsWith('-');
  const [whole = '0', fraction] = (negative ? value.slice(1) : value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
};

/** A day as French documents write it: 05/09/2016. */
export const frenchDay = (day: IsoDate): string => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
