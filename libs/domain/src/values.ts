/** Wire scalars: money, rates, quantities and hours stay decimal strings; deciders turn them into Decimal for arithmetic. */
export type IsoDate = string; // YYYY-MM-DD
export type YearMonth = string; // YYYY-MM
export type DecimalString = string; // "1234.50", "0.12", "151.67"
