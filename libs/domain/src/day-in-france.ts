/** The calendar day in France, where the CAEs are: a grant ending on a date ends at midnight there, not in UTC. */
const PARIS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

export const dayInFrance = (at: Date): string => PARIS.format(at);
