import { caeRegistered, entrepreneurIntegrated } from '../../../../projections/testing/events';
import { historyOf, summary } from '../testing/history';
import { CHAIN_INTACT } from './chain-intact';

describe('CHAIN_INTACT', () => {
  const events = [caeRegistered(), entrepreneurIntegrated()];

  it('passes a chain that verifies, without evidence', () => {
    expect(summary(CHAIN_INTACT.evaluate(historyOf(events)))).toEqual({ outcome: 'pass', findings: [] });
  });

  it('fails a broken chain with one finding per problem, citing the last event audited', () => {
    const result = CHAIN_INTACT.evaluate(historyOf(events, { chain: { intact: false, problems: ['position 2: hash mismatch', 'head behind the stored head'] } }));
    expect(summary(result)).toEqual({ outcome: 'fail', findings: [['log chain', [2]], ['log chain', [2]]] });
    expect(result.findings.map((f) => f.message)).toEqual(['Chaîne de hachage rompue : head behind the stored head', 'Chaîne de hachage rompue : position 2: hash mismatch']);
  });
});
