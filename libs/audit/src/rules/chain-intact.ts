import { finding, judged } from '../result';
import type { Rule } from '../rule';

/** The hash chain verifies up to the last event audited: every other finding rests on the log being the one written. */
export const CHAIN_INTACT: Rule = {
  id: 'CHAIN_INTACT',
  title: { fr: 'Journal intègre : la chaîne de hachage se vérifie', en: 'Log integrity: the hash chain verifies' },
  // Mandatory: no finding, passed or failed, can be trusted on a log that was altered.
  source: 'pratique du label',
  domain: 'integrity',
  level: 'mandatory',
  evaluate(history) {
    if (history.chain.intact) return judged([]);
    const last = history.events.at(-1);
    const problems = history.chain.problems.length > 0 ? history.chain.problems : ['la chaîne ne se vérifie pas'];
    return judged(problems.map((problem) => finding('log chain', `Chaîne de hachage rompue : ${problem}`, [last])));
  },
};
