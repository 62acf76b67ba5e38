import { associateAdmitted, caeRegistered, cesaSigned, entrepreneurIntegrated } from '../../../../projections/testing/events';

/**
 * Coodyssée's associates on 15 Nov 2016 (positions 4–6): e-001 under her CESA with 4 shares, a staff member with 3,
 * an external one with 1 — 87.5% of the capital and 2 votes of 3 for the employees, nobody over half.
 */
export const admittedTogether = (legalForm: 'SARL_SCOP' | 'SCIC' = 'SARL_SCOP') => [
  caeRegistered({ legalForm }),
  entrepreneurIntegrated(),
  cesaSigned(),
  associateAdmitted(),
  associateAdmitted({ associateId: 'a-staff', category: 'staff', shares: 3, amount: '75.00', entrepreneurId: undefined, person: { firstName: 'Léa', lastName: 'Roux' } }),
  associateAdmitted({ associateId: 'a-ext', category: 'external', shares: 1, amount: '25.00', entrepreneurId: undefined, person: { organisation: { name: 'Alpes Solidaires' } } }),
];

/** An external associate subscribing `shares` on 1 Dec 2016. */
export const externalJoins = (shares: number) =>
  associateAdmitted({ associateId: 'a-bank', category: 'external', admittedOn: '2016-12-01', shares, amount: `${shares * 25}.00`, entrepreneurId: undefined, person: { organisation: { name: 'Banque des Alpes' } } });
