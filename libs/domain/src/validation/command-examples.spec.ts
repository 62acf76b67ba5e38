import { COMMAND_TYPES } from '../commands';
import { commandExamples } from './command-examples';
import { commandSchemas } from './command-schemas';
import { FAIL, type Issue } from './schema';

describe('the example of each command', () => {
  it('there is one for every command type, and no other', () => {
    expect(Object.keys(commandExamples).sort()).toEqual([...COMMAND_TYPES].sort());
  });

  it.each(COMMAND_TYPES)('%s passes its schema, already normalised', (type) => {
    const issues: Issue[] = [];
    const parsed = commandSchemas[type].parse(structuredClone(commandExamples[type]), 'data', issues);
    expect(issues).toEqual([]);
    expect(parsed).not.toBe(FAIL);
    expect(parsed).toEqual(commandExamples[type]);
  });
});
