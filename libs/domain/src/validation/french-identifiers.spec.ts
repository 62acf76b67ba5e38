import { frenchVatKey, sirenProblem, siretProblem, vatNumberProblem } from './french-identifiers';

describe('French company identifiers', () => {
  it('a SIREN is 9 digits whose Luhn sum is a multiple of 10', () => {
    expect(sirenProblem('812345676')).toBeUndefined();
    expect(sirenProblem('732829320')).toBeUndefined();
    expect(sirenProblem('812345677')).toBe('is not a SIREN: its check digit (Luhn) is wrong');
    expect(sirenProblem('81234567')).toBe('must be a SIREN: 9 digits');
    expect(sirenProblem('81234567A')).toBe('must be a SIREN: 9 digits');
  });

  it('a SIRET is 14 digits, Luhn over the whole and over its SIREN; La Poste’s by the sum of its digits', () => {
    expect(siretProblem('81234567600009')).toBeUndefined();
    expect(siretProblem('81234567600008')).toBe('is not a SIRET: its check digit (Luhn) is wrong');
    expect(siretProblem('8123456760000')).toBe('must be a SIRET: 14 digits (the SIREN, then 5)');
    // 356 000 000 09999: digits sum to 35, a multiple of 5, though its Luhn sum is not a multiple of 10.
    expect(siretProblem('35600000009999')).toBeUndefined();
  });

  it('a French VAT number is FR, the key (12 + 3 × (SIREN mod 97)) mod 97, the SIREN; others are only shaped', () => {
    expect(frenchVatKey('812345676')).toBe('19');
    expect(frenchVatKey('732829320')).toBe('44');
    expect(vatNumberProblem('FR19812345676')).toBeUndefined();
    expect(vatNumberProblem('FR20812345676')).toBe('is not a French VAT number: its key does not match its SIREN');
    expect(vatNumberProblem('FR1981234567')).toBe('must be a French VAT number: FR, a 2-digit key, the 9-digit SIREN');
    expect(vatNumberProblem('DE123456789')).toBeUndefined();
    expect(vatNumberProblem('fr19812345676')).toMatch(/^must be a VAT number/);
  });
});
