import { COMMAND_TYPES, COMMANDS } from '../command-handling/registry';
import { amount, closed, commandResult, count, day, maybe, NOTHING, text } from './results';

describe('a command result, described', () => {
  it('is a closed object whose fields are all required but those marked maybe, its example attached', () => {
    const { json } = commandResult({ endsOn: day('the last day'), renewal: count('which renewal', { min: 1, max: 2 }), note: maybe(text()) }, { endsOn: '2017-01-10', renewal: 1 });
    expect(json).toEqual({
      type: 'object',
      properties: { endsOn: expect.objectContaining({ format: 'date', description: 'the last day' }), renewal: { type: 'integer', minimum: 1, maximum: 2, description: 'which renewal' }, note: { type: 'string' } },
      required: ['endsOn', 'renewal'],
      additionalProperties: false,
      examples: [{ endsOn: '2017-01-10', renewal: 1 }],
    });
  });

  it('keeps a field\'s own description unless given another; money says it is money', () => {
    expect(maybe(amount('what is left')).json['description']).toBe('what is left');
    expect(maybe(amount()).json['description']).toBe('money, a decimal string with 2 decimals');
    expect(closed({ a: text() }, 'a thing').json).toMatchObject({ required: ['a'], description: 'a thing' });
  });

  it('says nothing to add as {}', () => {
    expect(NOTHING.json).toMatchObject({ properties: {}, required: [], additionalProperties: false, examples: [{}] });
  });

  it.each(COMMAND_TYPES)('%s declares its result, its example within its fields and holding every required one', (type) => {
    const { json } = COMMANDS[type].result;
    const [example] = json['examples'] as Record<string, unknown>[];
    expect(Object.keys(example!).filter((key) => !(key in (json['properties'] as object)))).toEqual([]);
    expect((json['required'] as string[]).filter((key) => !(key in example!))).toEqual([]);
  });
});
