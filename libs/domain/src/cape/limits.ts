/** CAPE (contrat d'appui au projet d'entreprise, C. com. L127-1): 12 months at most, renewable twice. */
export const CAPE_MAX_MONTHS = 12;
export const CAPE_MAX_RENEWALS = 2;
/** 36 months in all: the consequence of the two rules above (12 × 3), not a third rule to check. */
export const CAPE_MAX_TOTAL_MONTHS = CAPE_MAX_MONTHS * (1 + CAPE_MAX_RENEWALS);
