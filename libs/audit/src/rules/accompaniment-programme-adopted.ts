import { declaredCriterion } from './declared';

/** The accompaniment programme the CAE offers, adopted by its general assembly: an AG resolution the log does not hold. */
export const ACCOMPANIMENT_PROGRAMME_ADOPTED = declaredCriterion('ACCOMPANIMENT_PROGRAMME_ADOPTED', {
  title: { fr: 'Programme d’accompagnement adopté en assemblée générale', en: 'Accompaniment programme adopted by the general assembly' },
  source: 'C. trav. R7331-2',
  domain: 'accompaniment',
  level: 'mandatory',
});
