import { createHash } from 'node:crypto';
import { canonicalJson } from '../../event-store/src/canonical-json';
import type { Rule } from './rule';
import { ACCESS_REVOKED_ON_EXIT } from './rules/access-revoked-on-exit';
import { ACCOMPANIMENT_PROGRAMME_ADOPTED } from './rules/accompaniment-programme-adopted';
import { ASSOCIATE_DEADLINE } from './rules/associate-deadline';
import { ASSOCIATE_DEADLINE_NOTICE } from './rules/associate-deadline-notice';
import { CAPE_DURATION } from './rules/cape-duration';
import { CAPE_FOLLOW_UP } from './rules/cape-follow-up';
import { CHAIN_INTACT } from './rules/chain-intact';
import { CONTRIBUTION_AS_AGREED } from './rules/contribution-as-agreed';
import { EXIT_REASON_RECORDED } from './rules/exit-reason-recorded';
import { HEALTH_SAFETY_INFORMATION } from './rules/health-safety-information';
import { INTERVIEWS_TWICE_A_YEAR } from './rules/interviews-twice-a-year';
import { INVOICE_NUMBERING_CONTINUOUS } from './rules/invoice-numbering-continuous';
import { REGISTERS_CHRONOLOGICAL } from './rules/registers-chronological';
import { SALARY_AT_LEAST_SMIC } from './rules/salary-at-least-smic';
import { SALARY_ONLY_UNDER_CESA } from './rules/salary-only-under-cesa';
import { SCOP_EMPLOYEE_CAPITAL } from './rules/scop-employee-capital';
import { SCOP_EMPLOYEE_VOTES } from './rules/scop-employee-votes';
import { SCOP_NO_MAJORITY_HOLDER } from './rules/scop-no-majority-holder';

/** Bump it whenever a rule is added, removed, or changes what it judges: reports name the catalogue they used. */
export const CATALOGUE_VERSION = 1;

/** The rules the CAE answers itself (RecordSelfAssessment): their ids are the domain's DECLARED_CRITERIA. */
export const DECLARED_RULES: readonly Rule[] = [ACCOMPANIMENT_PROGRAMME_ADOPTED, HEALTH_SAFETY_INFORMATION];

/** Every rule of the label, in the order reports list them: the entrepreneur's path, then money, membership, integrity. */
export const CATALOGUE: readonly Rule[] = [
  CAPE_DURATION,
  CAPE_FOLLOW_UP,
  ASSOCIATE_DEADLINE,
  ASSOCIATE_DEADLINE_NOTICE,
  INTERVIEWS_TWICE_A_YEAR,
  ACCOMPANIMENT_PROGRAMME_ADOPTED,
  HEALTH_SAFETY_INFORMATION,
  SALARY_ONLY_UNDER_CESA,
  SALARY_AT_LEAST_SMIC,
  CONTRIBUTION_AS_AGREED,
  INVOICE_NUMBERING_CONTINUOUS,
  SCOP_EMPLOYEE_CAPITAL,
  SCOP_EMPLOYEE_VOTES,
  SCOP_NO_MAJORITY_HOLDER,
  REGISTERS_CHRONOLOGICAL,
  EXIT_REASON_RECORDED,
  ACCESS_REVOKED_ON_EXIT,
  CHAIN_INTACT,
];

/** SHA-256 (hex) of the canonical JSON of the version and each rule's description, in catalogue order. */
export const catalogueHash = (rules: readonly Rule[] = CATALOGUE, version: number = CATALOGUE_VERSION): string =>
  createHash('sha256')
    .update(canonicalJson({ version, rules: rules.map(({ id, title, source, domain, level }) => ({ id, title, source, domain, level })) }))
    .digest('hex');
