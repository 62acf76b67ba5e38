import { DECLARED_CRITERIA } from '../../domain';
import { caeRegistered } from '../../../projections/testing/events';
import { CATALOGUE, CATALOGUE_VERSION, catalogueHash, DECLARED_RULES } from './catalogue';
import { selfAssessed } from './testing/events';
import { historyOf } from './testing/history';

const ISSUE_IDS = [
  'CAPE_DURATION',
  'CAPE_FOLLOW_UP',
  'ASSOCIATE_DEADLINE',
  'ASSOCIATE_DEADLINE_NOTICE',
  'INTERVIEWS_TWICE_A_YEAR',
  'SALARY_ONLY_UNDER_CESA',
  'SALARY_AT_LEAST_SMIC',
  'CONTRIBUTION_AS_AGREED',
  'INVOICE_NUMBERING_CONTINUOUS',
  'SCOP_EMPLOYEE_CAPITAL',
  'SCOP_EMPLOYEE_VOTES',
  'SCOP_NO_MAJORITY_HOLDER',
  'EXIT_REASON_RECORDED',
  'REGISTERS_CHRONOLOGICAL',
  'ACCESS_REVOKED_ON_EXIT',
  'CHAIN_INTACT',
];

const kebab = (id: string) => id.toLowerCase().replace(/_/g, '-');

describe('the rules catalogue', () => {
  const ids = CATALOGUE.map((r) => r.id);

  it('has unique ids in CONSTANT_CASE, the issue’s among them', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[A-Z][A-Z0-9_]+$/.test(id))).toEqual([]);
    expect(ISSUE_IDS.filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('gives every rule a title in French and English, a source, a domain and a level', () => {
    const incomplete = CATALOGUE.filter(
      (r) => !r.title.fr || !r.title.en || !r.source || !['legal', 'accounting', 'human_resources', 'accompaniment', 'governance', 'integrity'].includes(r.domain) || !['mandatory', 'recommended'].includes(r.level),
    );
    expect(incomplete.map((r) => r.id)).toEqual([]);
  });

  it('keeps each rule in its own module, rules/<kebab-id>.ts', () => {
    const misplaced = CATALOGUE.filter((rule) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(`./rules/${kebab(rule.id)}`) as Record<string, unknown>;
      return module[rule.id] !== rule;
    });
    expect(misplaced.map((r) => r.id)).toEqual([]);
  });

  it('declares exactly the domain’s declarable criteria: answered met, those and only those are declared', () => {
    expect(DECLARED_RULES.map((r) => r.id).sort()).toEqual([...DECLARED_CRITERIA].sort());
    expect(DECLARED_RULES.every((r) => CATALOGUE.includes(r))).toBe(true);
    const history = historyOf([caeRegistered(), ...DECLARED_CRITERIA.map((id) => selfAssessed(id, 'met', '2016-02-01'))]);
    expect(CATALOGUE.filter((r) => r.evaluate(history).outcome === 'declared').map((r) => r.id).sort()).toEqual([...DECLARED_CRITERIA].sort());
  });

  it('hashes its version and descriptions: stable, and changed by a changed title or version', () => {
    expect(catalogueHash()).toMatch(/^[0-9a-f]{64}$/);
    expect(catalogueHash()).toBe(catalogueHash([...CATALOGUE]));
    const retitled = CATALOGUE.map((r, i) => (i === 0 ? { ...r, title: { ...r.title, fr: `${r.title.fr}.` } } : r));
    expect(catalogueHash(retitled)).not.toBe(catalogueHash());
    expect(catalogueHash(CATALOGUE, CATALOGUE_VERSION + 1)).not.toBe(catalogueHash());
  });

  it('is pinned: a change to any rule’s description fails here until CATALOGUE_VERSION is bumped and the hash updated', () => {
    expect([CATALOGUE_VERSION, catalogueHash()]).toEqual([1, PINNED_HASH]);
  });
});

const PINNED_HASH = '42b83ca5cb39948ba9beff194ca48cba59afdbf8df5e3ab898fc50b7e86c7b7f';
