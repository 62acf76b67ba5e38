import { queryParameters, validateEnvelope, validateQuery } from './index';
import { exampleData } from '../../../../test/fixtures/commands';

describe('validateQuery', () => {
  it('refuses a date that is not on the calendar, as a command refuses it', () => {
    const query = validateQuery(queryParameters.compliance, { today: '2023-02-30' });
    const command = validateEnvelope({ type: 'RecordIntakeInterview', commandId: 'c', data: { ...exampleData('RecordIntakeInterview'), heldOn: '2023-02-30' } });
    expect(query).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'The query is invalid: today is not a real calendar date (2023-02-30)',
        details: { errors: [{ path: 'today', message: 'is not a real calendar date (2023-02-30)' }], errorCount: 1 },
      },
    });
    expect(!command.ok && command.error.details).toEqual({ errors: [{ path: 'data.heldOn', message: 'is not a real calendar date (2023-02-30)' }], errorCount: 1 });
  });

  it('accepts a real date, and no date at all where it is optional', () => {
    expect(validateQuery(queryParameters.compliance, { today: '2024-02-29' })).toEqual({ ok: true, value: { today: '2024-02-29' } });
    expect(validateQuery(queryParameters.compliance, {})).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['2016', { ok: true, value: { year: 2016 } }],
    ['16', 'must be a calendar year YYYY (e.g. 2016)'],
    ['1899', 'must be a year between 1900 and 2999'],
    ['20x6', 'must be a calendar year YYYY (e.g. 2016)'],
    ['9'.repeat(20_000), 'must be at most 4 characters long (got 20000)'],
    ['', 'must not be empty'],
  ])('year=%s', (year, expected) => {
    const result = validateQuery(queryParameters.year, { year });
    if (typeof expected !== 'string') expect(result).toEqual(expected);
    else expect(!result.ok && result.error.details).toEqual({ errors: [{ path: 'year', message: expected }], errorCount: 1 });
  });

  it('requires year, refuses it twice, and refuses unknown parameters', () => {
    const messages = (raw: Record<string, unknown>, route: keyof typeof queryParameters = 'year') => {
      const result = validateQuery<unknown>(queryParameters[route], raw);
      return result.ok ? [] : (result.error.details!['errors'] as { path: string; message: string }[]).map((e) => `${e.path} ${e.message}`);
    };
    expect(messages({})).toEqual(['year is required']);
    expect(messages({ year: ['2016', '2017'] })).toEqual(['year is given more than once']);
    expect(messages({ year: '2016', yaer: '2016' })).toEqual(['yaer is not a known field']);
    expect(messages({ tody: '2016-01-01' }, 'compliance')).toEqual(['tody is not a known field']);
    expect(messages({ [`k${'x'.repeat(10_000)}`]: '1' }, 'none')).toEqual([`k${'x'.repeat(63)}… is not a known field`]);
  });
});
