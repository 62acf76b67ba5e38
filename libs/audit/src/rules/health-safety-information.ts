import { declaredCriterion } from './declared';

/** The entrepreneurs informed of the health and safety rules of their activity: given on paper, not in the log. */
export const HEALTH_SAFETY_INFORMATION = declaredCriterion('HEALTH_SAFETY_INFORMATION', {
  title: { fr: 'Information des entrepreneurs sur la santé et la sécurité au travail', en: 'Entrepreneurs informed of health and safety at work' },
  source: 'C. trav. R7331-4',
  domain: 'human_resources',
  level: 'mandatory',
});
