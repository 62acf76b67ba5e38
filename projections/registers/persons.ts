import type { AssociatePerson, EntrepreneurProfile, InvoiceClient } from '../../libs/domain';
import { FORGOTTEN, type EntrepreneurDoc, type PersonFields } from './documents';

/** Personal data as the registers show it: opened from the log, or `[forgotten]` once the person's key is destroyed. */

type Forgotten = typeof FORGOTTEN;

export const forgottenPerson = (): PersonFields => ({
  firstName: FORGOTTEN,
  lastName: FORGOTTEN,
  gender: FORGOTTEN,
  birthYear: FORGOTTEN,
  postalCode: FORGOTTEN,
  city: FORGOTTEN,
});

/** A rebuild after an erasure reads '[forgotten]' in place of the whole sealed value. */
export const personOf = (profile: EntrepreneurProfile | Forgotten): PersonFields =>
  profile === FORGOTTEN
    ? forgottenPerson()
    : {
        firstName: profile.firstName,
        lastName: profile.lastName,
        gender: profile.gender,
        birthYear: profile.birthYear,
        postalCode: profile.postalCode ?? null,
        city: profile.city ?? null,
      };

/** Likewise for a name inside a sealed value (a private client). */
const openedName = (person: { name: string } | Forgotten): string => (person === FORGOTTEN ? FORGOTTEN : person.name);

/** An associate's display name in each form of person: "firstName lastName", the organisation's name, or the name as given. */
export const associateNameOf = (person: AssociatePerson | Forgotten): string => {
  if (person === FORGOTTEN) return FORGOTTEN;
  if ('organisation' in person) return person.organisation.name;
  return 'firstName' in person ? `${person.firstName} ${person.lastName}` : person.name;
};

export const clientNameOf = (client: InvoiceClient): string => (client.individual === undefined ? (client.name ?? '') : openedName(client.individual));

/** What a rebuild reads once the key is gone: the profile and every activity description (sealed), the sector in clear. */
export const forgottenEntrepreneur = (doc: EntrepreneurDoc): EntrepreneurDoc => ({
  ...doc,
  person: forgottenPerson(),
  activity: { ...doc.activity, description: FORGOTTEN },
  history: doc.history.map((line) => ('activity' in line ? { ...line, activity: { ...line.activity, description: FORGOTTEN } } : line)),
});
