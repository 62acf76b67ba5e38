import { arr, bool, calendarYear, date, decimal, int, money, month, obj, oneOf, optional, pattern, str, type Issue, type JsonSchema, type Schema } from './schema';

const accepts = <T>(s: Schema<T>, input: unknown): boolean => {
  const issues: Issue[] = [];
  s.parse(input, '', issues);
  return issues.length === 0;
};

/** What the description alone says of a string: its pattern and its lengths. */
const describedAccepts = (json: JsonSchema, s: string): boolean =>
  new RegExp(json['pattern'] as string).test(s) && s.length >= ((json['minLength'] as number | undefined) ?? 0) && s.length <= ((json['maxLength'] as number | undefined) ?? Infinity);

describe('each schema describes itself as JSON Schema', () => {
  it('an object lists its fields, requires those that are not optional and admits no other', () => {
    expect(obj({ name: str(200), city: optional(str(200)) }).json).toEqual({
      type: 'object',
      properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, city: { type: 'string', minLength: 1, maxLength: 200 } },
      required: ['name'],
      additionalProperties: false,
    });
    expect(obj({}).json).toEqual({ type: 'object', properties: {}, additionalProperties: false });
  });

  it('a list, its items and its bounds', () => {
    expect(arr(bool(), { min: 1, max: 200, noun: 'flags' }).json).toEqual({ type: 'array', items: { type: 'boolean' }, minItems: 1, maxItems: 200 });
  });

  it('integers with their bounds, values with their enum', () => {
    expect(int({ min: 1, max: 12 }).json).toEqual({ type: 'integer', minimum: 1, maximum: 12 });
    expect(int({ min: 0 }).json).toEqual({ type: 'integer', minimum: 0 });
    expect(oneOf(['F', 'M', 'X']).json).toEqual({ type: 'string', minLength: 1, enum: ['F', 'M', 'X'] });
  });

  it('money is a string with its pattern and an example, never a number', () => {
    expect(money({ positive: true }).json).toMatchObject({ type: 'string', pattern: '^[0-9]{1,12}(\\.[0-9]{1,2})?$', examples: ['1234.50'] });
    expect(money({ positive: true }).json['description']).toContain('greater than zero');
    expect(decimal({ decimals: 4, integerDigits: 1, example: '0.12', max: '1' }).json['description']).toContain('at most 1');
  });

  it('a date has the format date', () => {
    expect(date().json).toMatchObject({ type: 'string', format: 'date', maxLength: 10 });
  });

  // The description may be looser than the check (2023-02-30 has the shape of a date) but never stricter.
  describe('what a schema accepts, its description accepts; a shape it refuses, its description refuses', () => {
    const cases: [string, Schema<unknown>, string[], string[]][] = [
      ['date', date(), ['2016-01-31', '1900-01-01', '2999-12-31', '2024-02-29'], ['2016-1-31', '1899-12-31', '3000-01-01', '2016-13-01', '2016-01-32', '16-01-01']],
      ['month', month(), ['2016-01', '2016-12'], ['2016-13', '2016-00', '1899-12', '2016-1']],
      ['year', calendarYear(), ['2016', '1900', '2999'], ['16', '1899', '3000', '20160']],
      ['money', money(), ['0', '1500', '1500.5', '1500.50', '999999999999.99'], ['1500.505', '-1', '1e3', '1,50', '1000000000000']],
      ['rate', decimal({ decimals: 4, integerDigits: 1, example: '0.12' }), ['0.12', '1', '0.1234'], ['0.12345', '10', '.5']],
      ['pattern', pattern(/^\d{4}-\d{6}$/, 'an invoice number', 11), ['2016-000001'], ['2016-1', '16-000001']],
    ];
    it.each(cases)('%s', (_name, s, valid, invalid) => {
      for (const v of valid) expect([v, accepts(s, v), describedAccepts(s.json, v)]).toEqual([v, true, true]);
      for (const v of invalid) expect([v, accepts(s, v), describedAccepts(s.json, v)]).toEqual([v, false, false]);
    });
  });
});
