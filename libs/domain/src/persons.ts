import { fail, FAIL, isAbsent, isPlainObject, obj, oneOf, optional, pattern, schema, type Schema } from './validation/schema';
import { birthYear, name, postalCode, type Infer } from './validation/fields';

/** The person shapes every command that carries one shares: personal data, never stored in clear in the log (sealed per person). */

export const GENDERS = ['F', 'M', 'X'] as const;
export type Gender = (typeof GENDERS)[number];

// What every form of person may add to its name.
const personDetails = {
  gender: optional(oneOf(GENDERS)),
  birthYear: optional(birthYear()),
  postalCode: optional(postalCode()),
  city: optional(name()),
};

// The fields every natural person shares; an entrepreneur's extend them.
const naturalPersonFields = { firstName: name(), lastName: name(), ...personDetails };

const naturalPerson = obj(naturalPersonFields);
/** A natural person, in every command that carries one. */
export type NaturalPerson = Infer<typeof naturalPerson>;

// The statistics count entrepreneurs by gender and age.
export const entrepreneurPerson = obj({ ...naturalPersonFields, gender: oneOf(GENDERS), birthYear: birthYear(), educationLevel: optional(name()) });
/** An entrepreneur: the statistics need their gender and birth year. */
export type Person = Infer<typeof entrepreneurPerson>;

// Any length up to 20 gets the SIREN message, not a length one.
const legalPerson = obj({ organisation: obj({ name: name(), siren: optional(pattern(/^\d{9}$/, 'must be a SIREN: 9 digits', 20)) }) });
/** A legal person (an external associate that is an organisation); siren: its 9 digits. */
export type LegalPerson = Infer<typeof legalPerson>;

const namedPerson = obj({ name: name(), ...personDetails });
/** The first form of an associate's person, still accepted from import files: kept as given (a name cannot be split reliably). */
export type NamedPerson = Infer<typeof namedPerson>;

/** Personal data of an associate who is not an entrepreneur of the CAE (staff, external person or body). */
export type AssociatePerson = NaturalPerson | LegalPerson | NamedPerson;

/** Which form a person was sent in: the key that names it decides; keys of another form are refused by name. */
const PERSON_FORMS = [
  { key: 'organisation', schema: legalPerson, others: ['name', ...Object.keys(naturalPersonFields)], form: 'an organisation' },
  { key: 'name', schema: namedPerson, others: ['firstName', 'lastName', 'organisation'], form: 'name' },
] as const;

export const associatePerson: Schema<AssociatePerson> = schema((input, path, issues) => {
  if (!isPlainObject(input)) return fail(issues, path, 'must be an object');
  const form = PERSON_FORMS.find(({ key }) => !isAbsent(input[key]));
  if (form === undefined) return naturalPerson.parse(input, path, issues);
  const mixed = form.others.filter((key) => !isAbsent(input[key]));
  for (const key of mixed) issues.push({ path: `${path}.${key}`, message: `is not allowed with ${form.form} (one form: firstName and lastName, organisation, or name)` });
  return mixed.length > 0 ? FAIL : form.schema.parse(input, path, issues);
  // Titles name the alternatives for forms and generated clients.
}, { oneOf: [{ title: 'natural person', ...naturalPerson.json }, { title: 'organisation', ...legalPerson.json }, { title: 'name only', ...namedPerson.json }] });
