import { exampleData } from '../../../../test/fixtures/commands';
import { COMMAND_TYPES, type CommandType } from '../commands';
import type { DomainError } from '../errors';
import { validateEnvelope, type ValidationIssue } from './index';

const envelope = (type: string, data: unknown, extra: Record<string, unknown> = {}) => ({ type, commandId: 'cmd-1', data, ...extra });

const accepted = (input: unknown) => {
  const result = validateEnvelope(input);
  if (!result.ok) throw new Error(`expected a valid command, got: ${result.error.message}`);
  return result.value;
};

const refused = (input: unknown): DomainError & { errors: ValidationIssue[] } => {
  const result = validateEnvelope(input);
  if (result.ok) throw new Error('expected the command to be refused');
  expect(result.error.code).toBe('VALIDATION_FAILED');
  return { ...result.error, errors: result.error.details?.errors as ValidationIssue[] };
};

/** The issues of a command of `type` whose data is the example with `patch` applied. */
const issuesOf = (type: CommandType, patch: Record<string, unknown>) => refused(envelope(type, { ...exampleData(type), ...patch })).errors;

describe('validateEnvelope', () => {
  describe('valid commands', () => {
    it.each(COMMAND_TYPES)('accepts the example %s unchanged', (type) => {
      const value = accepted(envelope(type, exampleData(type)));
      expect(value).toEqual({ commandId: 'cmd-1', command: { type, data: exampleData(type) } });
    });

    it('keeps the tracing fields of the envelope', () => {
      const value = accepted(envelope('ForgetPerson', exampleData('ForgetPerson'), { actor: ' clerk@coodyssee ', correlationId: 'corr:1', causationId: 'cause.2' }));
      expect(value).toMatchObject({ actor: 'clerk@coodyssee', correlationId: 'corr:1', causationId: 'cause.2' });
    });

    it('treats null tracing fields and null optional data fields as absent', () => {
      const value = accepted(envelope('SignCesa', { ...exampleData('SignCesa'), fixedMonthlyGross: null }, { actor: null }));
      expect(value).toEqual({ commandId: 'cmd-1', command: { type: 'SignCesa', data: exampleData('SignCesa') } });
    });

    it('normalises money to exactly 2 decimals and trims strings', () => {
      const value = accepted(
        envelope('RecordExpense', { ...exampleData('RecordExpense'), amount: '1234.5', vat: '12', category: '  Fournitures  ', caeId: ' coodyssee' }),
      );
      expect(value.command.data).toMatchObject({ amount: '1234.50', vat: '12.00', category: 'Fournitures', caeId: 'coodyssee' });
    });

    it('normalises money inside nested objects and lines', () => {
      const value = accepted(
        envelope('IssueInvoice', {
          ...exampleData('IssueInvoice'),
          lines: [{ description: 'Atelier', quantity: '2.5', unitPrice: '0', vatRate: '5.5' }],
        }),
      );
      expect(value.command).toMatchObject({ data: { lines: [{ description: 'Atelier', quantity: '2.5', unitPrice: '0.00', vatRate: '5.5' }] } });
    });

    it('accepts a credit note without lines (cancels what remains)', () => {
      const { lines: _omitted, ...data } = exampleData('IssueCreditNote');
      expect(accepted(envelope('IssueCreditNote', data)).command.data).toEqual(data);
    });

    it('accepts staff and external associates who bring their personal data', () => {
      for (const category of ['staff', 'external'] as const) {
        const data = { caeId: 'coodyssee', associateId: `a-${category}`, admittedOn: '2016-03-01', shares: 2, category, person: { name: 'Scop Alpes' } };
        expect(accepted(envelope('AdmitAssociate', data)).command.data).toEqual(data);
      }
    });

    it('lets months above 12 through for the domain to refuse with its own code', () => {
      expect(accepted(envelope('SignCape', { ...exampleData('SignCape'), months: 13 })).command.data).toMatchObject({ months: 13 });
    });

    it('accepts the bounds of rates, hours and dates', () => {
      accepted(envelope('RegisterCae', { ...exampleData('RegisterCae'), contribution: { rate: '1', base: 'gross_margin', fixedMonthly: '0', waivedMonths: 0 } }));
      accepted(envelope('PaySalary', { ...exampleData('PaySalary'), hours: '744.00' }));
      accepted(envelope('RecordMeeting', { ...exampleData('RecordMeeting'), hours: '24', heldOn: '2016-02-29' }));
    });
  });

  describe('malformed envelopes', () => {
    it.each([
      ['an array', [envelope('ForgetPerson', {})]],
      ['a string', 'RegisterCae'],
      ['null', null],
      ['a number', 42],
    ])('refuses %s', (_label, input) => {
      const error = refused(input);
      expect(error.errors).toEqual([{ path: '', message: expect.stringContaining('must be a JSON object') }]);
      expect(error.message).toMatch(/^The command is invalid: the command must be a JSON object/);
    });

    it('refuses a missing type', () => {
      expect(refused({ commandId: 'c', data: {} }).errors).toEqual([{ path: 'type', message: 'is required' }]);
    });

    it('refuses an unknown type and names the known ones', () => {
      const [issue] = refused(envelope('DeleteEverything', {})).errors;
      expect(issue).toEqual({ path: 'type', message: expect.stringContaining('RegisterCae') });
    });

    it('refuses a missing commandId', () => {
      expect(refused({ type: 'ForgetPerson', data: exampleData('ForgetPerson') }).errors).toEqual([{ path: 'commandId', message: 'is required' }]);
    });

    it.each(['cmd 1', 'cmd/1', 'é', '', 'x'.repeat(129), 12])('refuses the commandId %p', (commandId) => {
      const errors = refused({ type: 'ForgetPerson', commandId, data: exampleData('ForgetPerson') }).errors;
      expect(errors.map((e) => e.path)).toEqual(['commandId']);
    });

    it('refuses data that is not an object, and a missing one', () => {
      expect(refused(envelope('ForgetPerson', [])).errors).toEqual([{ path: 'data', message: 'must be an object' }]);
      expect(refused({ type: 'ForgetPerson', commandId: 'c' }).errors).toEqual([{ path: 'data', message: 'is required' }]);
    });

    it('refuses unknown envelope keys', () => {
      const errors = refused(envelope('ForgetPerson', exampleData('ForgetPerson'), { priority: 'high' })).errors;
      expect(errors).toEqual([{ path: 'priority', message: 'is not a known field' }]);
    });
  });

  describe('fields', () => {
    it('refuses missing and null required fields', () => {
      const { heldOn: _omitted, ...data } = exampleData('RecordIntakeInterview');
      expect(refused(envelope('RecordIntakeInterview', data)).errors).toEqual([{ path: 'data.heldOn', message: 'is required' }]);
      expect(issuesOf('RecordIntakeInterview', { heldOn: null })).toEqual([{ path: 'data.heldOn', message: 'is required' }]);
    });

    it('refuses ill-typed fields', () => {
      expect(issuesOf('RecordInformationSession', { attendees: '18' })).toEqual([
        { path: 'data.attendees', message: expect.stringContaining('must be an integer') },
      ]);
      expect(issuesOf('RecordInformationSession', { attendees: 1.5 })).toEqual([{ path: 'data.attendees', message: 'must be an integer' }]);
      expect(issuesOf('IntegrateEntrepreneur', { parallelActivity: 'yes' })).toEqual([{ path: 'data.parallelActivity', message: 'must be true or false' }]);
      expect(issuesOf('RegisterCae', { name: 42 })).toEqual([{ path: 'data.name', message: 'must be a string' }]);
      expect(issuesOf('IntegrateEntrepreneur', { person: 'Camille' })).toEqual([{ path: 'data.person', message: 'must be an object' }]);
      expect(issuesOf('IssueInvoice', { lines: {} })).toEqual([{ path: 'data.lines', message: 'must be a list of invoice lines' }]);
    });

    it('refuses unknown fields instead of dropping them', () => {
      expect(issuesOf('RecordSubsidy', { currency: 'EUR' })).toEqual([{ path: 'data.currency', message: 'is not a known field' }]);
      const person = { ...exampleData('IntegrateEntrepreneur').person, nir: '2840505061234' };
      expect(issuesOf('IntegrateEntrepreneur', { person })).toEqual([{ path: 'data.person.nir', message: 'is not a known field' }]);
    });

    it('refuses empty and blank text', () => {
      expect(issuesOf('RecordSubsidy', { funder: '   ' })).toEqual([{ path: 'data.funder', message: 'must not be empty' }]);
    });

    it('refuses huge strings everywhere', () => {
      const huge = 'x'.repeat(1_000_000);
      expect(issuesOf('RecordSubsidy', { funder: huge })).toEqual([
        { path: 'data.funder', message: 'must be at most 200 characters long (got 1000000)' },
      ]);
      expect(issuesOf('RecordExpense', { description: huge })[0]?.path).toBe('data.description');
      expect(issuesOf('RecordSubsidy', { amount: '1'.repeat(1_000_000) })[0]?.path).toBe('data.amount');
      expect(issuesOf('RecordSubsidy', { caeId: huge })[0]?.path).toBe('data.caeId');
      expect(issuesOf('RecordMeeting', { kind: huge })[0]?.path).toBe('data.kind');
      expect(issuesOf('RecordSubsidy', { receivedOn: huge })[0]?.path).toBe('data.receivedOn');
    });

    it('keeps a huge unknown key out of the error path', () => {
      const [issue] = issuesOf('ForgetPerson', { ['k'.repeat(100_000)]: 1 });
      expect(issue?.path.length).toBeLessThan(100);
    });

    it('enforces the length limits of each kind of text', () => {
      accepted(envelope('RecordSubsidy', { ...exampleData('RecordSubsidy'), funder: 'x'.repeat(200) }));
      accepted(envelope('RecordExpense', { ...exampleData('RecordExpense'), description: 'x'.repeat(1000) }));
      expect(issuesOf('RecordExpense', { description: 'x'.repeat(1001) })[0]?.path).toBe('data.description');
      const client = { ...exampleData('IssueInvoice').client, postalCode: '0'.repeat(21) };
      expect(issuesOf('IssueInvoice', { client })).toEqual([{ path: 'data.client.postalCode', message: 'must be at most 20 characters long (got 21)' }]);
    });

    it.each(['e 001', 'e/001', '-e001', 'e:001', 'é', 'e'.repeat(65)])('refuses the identifier %p', (entrepreneurId) => {
      expect(issuesOf('ExitEntrepreneur', { entrepreneurId }).map((e) => e.path)).toEqual(['data.entrepreneurId']);
    });

    it.each(['2016-1', '16-000001', '2016-0000001', '2016_000001'])('refuses the invoice number %p', (invoiceNumber) => {
      expect(issuesOf('RecordPayment', { invoiceNumber }).map((e) => e.path)).toEqual(['data.invoiceNumber']);
    });
  });

  describe('money', () => {
    it('refuses negative amounts', () => {
      expect(issuesOf('RecordPayment', { amount: '-10.00' })).toEqual([{ path: 'data.amount', message: 'must not be negative' }]);
    });

    it('refuses amounts with 3 decimals, with the message a clerk reads', () => {
      const error = refused(envelope('RecordPayment', { ...exampleData('RecordPayment'), amount: '10.005' }));
      expect(error.message).toBe('The command is invalid: data.amount must be a decimal string with at most 2 decimals (e.g. "1234.50")');
    });

    it('refuses numbers for money', () => {
      expect(issuesOf('RecordSubsidy', { amount: 35625 })).toEqual([
        { path: 'data.amount', message: 'must be a decimal string (e.g. "1234.50"), not a number' },
      ]);
    });

    it.each(['', '1e3', '12,50', '0x10', '.5', '5.', ' ', 'NaN', '1 000', '+5'])('refuses the amount %p', (amount) => {
      expect(issuesOf('RecordExpense', { amount }).map((e) => e.path)).toEqual(['data.amount']);
    });

    it('refuses more than 12 integer digits', () => {
      expect(issuesOf('RecordSubsidy', { amount: '1234567890123' })).toEqual([
        { path: 'data.amount', message: 'must have at most 12 digits before the decimal point' },
      ]);
      accepted(envelope('RecordSubsidy', { ...exampleData('RecordSubsidy'), amount: '999999999999.99' }));
    });

    it('requires strictly positive amounts where zero makes no sense', () => {
      expect(issuesOf('RecordPayment', { amount: '0.00' })).toEqual([{ path: 'data.amount', message: 'must be greater than zero' }]);
      expect(issuesOf('RecordRefund', { amount: '0.00' })).toEqual([{ path: 'data.amount', message: 'must be greater than zero' }]);
      expect(issuesOf('RecordRefund', { refundedOn: '2016-02-30' })[0]?.path).toBe('data.refundedOn');
      expect(issuesOf('RecordSubsidy', { amount: '0' })[0]?.path).toBe('data.amount');
      expect(issuesOf('RecordExpense', { amount: '0' })[0]?.path).toBe('data.amount');
      expect(issuesOf('PaySalary', { gross: '0' })[0]?.path).toBe('data.gross');
      expect(issuesOf('RegisterCae', { shareNominalValue: '0' })[0]?.path).toBe('data.shareNominalValue');
    });

    it('allows zero where it is meaningful', () => {
      accepted(envelope('RecordExpense', { ...exampleData('RecordExpense'), vat: '0' }));
      accepted(envelope('PaySalary', { ...exampleData('PaySalary'), employeeContributions: '0', employerContributions: '0.00' }));
    });
  });

  describe('rates, quantities, hours and integers', () => {
    it.each(['1.01', '2', '0.12345', '-0.1', '.12', 0.12])('refuses the rate %p', (rate) => {
      const contribution = { ...exampleData('RegisterCae').contribution, rate };
      expect(issuesOf('RegisterCae', { contribution }).map((e) => e.path)).toEqual(['data.contribution.rate']);
    });

    it('checks payroll rates', () => {
      const payroll = { employeeRate: '1.5', employerRate: 'x' };
      expect(issuesOf('RegisterCae', { payroll }).map((e) => e.path)).toEqual(['data.payroll.employeeRate', 'data.payroll.employerRate']);
    });

    it.each(['0', '1.2345', '-1', 2])('refuses the quantity %p', (quantity) => {
      const lines = [{ ...exampleData('IssueInvoice').lines[0], quantity }];
      expect(issuesOf('IssueInvoice', { lines }).map((e) => e.path)).toEqual(['data.lines[0].quantity']);
    });

    it('bounds hours by what a month or a day holds', () => {
      expect(issuesOf('PaySalary', { hours: '744.01' })).toEqual([{ path: 'data.hours', message: 'must be at most 744' }]);
      expect(issuesOf('RecordMeeting', { hours: '24.5' })).toEqual([{ path: 'data.hours', message: 'must be at most 24' }]);
      expect(issuesOf('RecordMeeting', { hours: '1.555' })[0]?.path).toBe('data.hours');
    });

    it('bounds the integers', () => {
      expect(issuesOf('SignCape', { months: 0 })).toEqual([{ path: 'data.months', message: 'must be at least 1' }]);
      expect(issuesOf('RedeemShares', { shares: 1_000_001 })).toEqual([{ path: 'data.shares', message: 'must be at most 1000000' }]);
      expect(issuesOf('RecordInformationSession', { attendees: -1 })[0]?.path).toBe('data.attendees');
      const person = { ...exampleData('IntegrateEntrepreneur').person, birthYear: 1899 };
      expect(issuesOf('IntegrateEntrepreneur', { person }).map((e) => e.path)).toEqual(['data.person.birthYear']);
      const contribution = { ...exampleData('RegisterCae').contribution, waivedMonths: 121 };
      expect(issuesOf('RegisterCae', { contribution }).map((e) => e.path)).toEqual(['data.contribution.waivedMonths']);
    });
  });

  describe('dates', () => {
    it.each(['2016-02-30', '2015-02-29', '2016-13-01', '2016-00-10', '2016-04-31', '1899-12-31', '3000-01-01', '2016-1-5', '05/01/2016', '2016-01-05T10:00:00Z'])(
      'refuses the date %p',
      (heldOn) => {
        expect(issuesOf('RecordIntakeInterview', { heldOn }).map((e) => e.path)).toEqual(['data.heldOn']);
      },
    );

    it('explains an impossible calendar date', () => {
      expect(issuesOf('RecordIntakeInterview', { heldOn: '2016-02-30' })).toEqual([
        { path: 'data.heldOn', message: 'is not a real calendar date (2016-02-30)' },
      ]);
    });

    it.each(['2016-13', '2016-00', '2016-9', '2016-09-01'])('refuses the period %p', (period) => {
      expect(issuesOf('PaySalary', { period }).map((e) => e.path)).toEqual(['data.period']);
    });
  });

  describe('enums', () => {
    it.each([
      ['RegisterCae', { legalForm: 'SARL' }, 'data.legalForm'],
      ['RegisterCae', { contribution: { rate: '0.12', base: 'profit' } }, 'data.contribution.base'],
      ['IntegrateEntrepreneur', { situationAtEntry: 'retired' }, 'data.situationAtEntry'],
      ['IssueInvoice', { client: { name: 'X', kind: 'person' } }, 'data.client.kind'],
      ['IssueInvoice', { lines: [{ description: 'X', quantity: '1', unitPrice: '1', vatRate: '19.6' }] }, 'data.lines[0].vatRate'],
      ['IssueInvoice', { lines: [{ description: 'X', quantity: '1', unitPrice: '1', vatRate: 20 }] }, 'data.lines[0].vatRate'],
      ['AdmitAssociate', { category: 'founder' }, 'data.category'],
      ['RecordMeeting', { kind: 'phone' }, 'data.kind'],
      ['ExitEntrepreneur', { reason: 'retirement' }, 'data.reason'],
    ] as const)('%s refuses %j', (type, patch, path) => {
      expect(issuesOf(type, patch).map((e) => e.path)).toEqual([path]);
    });

    it('names the allowed values', () => {
      const person = { ...exampleData('IntegrateEntrepreneur').person, gender: 'female' };
      expect(issuesOf('IntegrateEntrepreneur', { person })).toEqual([{ path: 'data.person.gender', message: 'must be one of: F, M, X (got "female")' }]);
    });
  });

  describe('lines', () => {
    const line = exampleData('IssueInvoice').lines[0];

    it('requires 1 to 200 lines on an invoice', () => {
      expect(issuesOf('IssueInvoice', { lines: [] })).toEqual([{ path: 'data.lines', message: 'must hold at least 1 invoice lines' }]);
      expect(issuesOf('IssueInvoice', { lines: Array(201).fill(line) })).toEqual([{ path: 'data.lines', message: 'must hold at most 200 invoice lines' }]);
      accepted(envelope('IssueInvoice', { ...exampleData('IssueInvoice'), lines: Array(200).fill(line) }));
    });

    it('checks every slot of a sparse array', () => {
      expect(issuesOf('IssueInvoice', { lines: [line, , line] })).toEqual([{ path: 'data.lines[1]', message: 'must be an object' }]);
    });

    it('requires 1 to 200 lines on a credit note when lines are given', () => {
      expect(issuesOf('IssueCreditNote', { lines: [] }).map((e) => e.path)).toEqual(['data.lines']);
    });

    it('reports each bad line with its index', () => {
      const lines = [line, { ...line, unitPrice: '-1' }, { ...line, description: '', extra: true }];
      expect(issuesOf('IssueInvoice', { lines })).toEqual([
        { path: 'data.lines[1].unitPrice', message: 'must not be negative' },
        { path: 'data.lines[2].extra', message: 'is not a known field' },
        { path: 'data.lines[2].description', message: 'must not be empty' },
      ]);
    });
  });

  describe('AdmitAssociate categories', () => {
    const base = { caeId: 'coodyssee', associateId: 'a-9', admittedOn: '2016-03-01', shares: 1 };

    it('requires an entrepreneurId and forbids a person for an entrepreneur', () => {
      expect(refused(envelope('AdmitAssociate', { ...base, category: 'entrepreneur' })).errors).toEqual([
        { path: 'data.entrepreneurId', message: 'is required when category is entrepreneur' },
      ]);
      expect(refused(envelope('AdmitAssociate', { ...base, category: 'entrepreneur', entrepreneurId: 'e-001', person: { name: 'X' } })).errors).toEqual([
        { path: 'data.person', message: 'is not allowed when category is entrepreneur' },
      ]);
    });

    it.each(['staff', 'external'])('requires a person and forbids an entrepreneurId for %s', (category) => {
      expect(refused(envelope('AdmitAssociate', { ...base, category })).errors).toEqual([
        { path: 'data.person', message: `is required when category is ${category}` },
      ]);
      expect(refused(envelope('AdmitAssociate', { ...base, category, person: { name: 'X' }, entrepreneurId: 'e-001' })).errors).toEqual([
        { path: 'data.entrepreneurId', message: `is not allowed when category is ${category}` },
      ]);
    });

    it('checks the associate person fields', () => {
      const person = { name: 'X', gender: 'W', birthYear: '1970' };
      expect(refused(envelope('AdmitAssociate', { ...base, category: 'staff', person })).errors.map((e) => e.path)).toEqual([
        'data.person.gender',
        'data.person.birthYear',
      ]);
    });
  });

  describe('one person shape', () => {
    const admit = (category: string, person: unknown) =>
      envelope('AdmitAssociate', { caeId: 'coodyssee', associateId: 'a-9', admittedOn: '2016-03-01', shares: 1, category, person });
    const personOf = (input: unknown) => (accepted(input).command.data as { person?: unknown }).person;
    const allowedOnly = (form: string) => `is not allowed with ${form} (one form: firstName and lastName, organisation, or name)`;

    it('accepts a natural person, with or without gender and birth year, as sent', () => {
      expect(personOf(admit('staff', { firstName: ' Léa ', lastName: 'Roux' }))).toEqual({ firstName: 'Léa', lastName: 'Roux' });
      const full = { firstName: 'Léa', lastName: 'Roux', gender: 'F', birthYear: 1980, postalCode: '05100', city: 'Briançon' };
      expect(personOf(admit('staff', full))).toEqual(full);
    });

    it('accepts a legal person, with or without its SIREN', () => {
      expect(personOf(admit('external', { organisation: { name: 'Alpes Solidaires' } }))).toEqual({ organisation: { name: 'Alpes Solidaires' } });
      expect(personOf(admit('external', { organisation: { name: 'Alpes Solidaires', siren: '123456789' } }))).toEqual({
        organisation: { name: 'Alpes Solidaires', siren: '123456789' },
      });
    });

    it('keeps accepting the first form { name } as given', () => {
      expect(personOf(admit('external', { name: 'Alpes Solidaires', postalCode: '05000' }))).toEqual({ name: 'Alpes Solidaires', postalCode: '05000' });
    });

    it('refuses a name beside firstName or lastName, naming the field of the other form', () => {
      expect(refused(admit('staff', { name: 'Léa Roux', firstName: 'Léa', lastName: 'Roux' })).errors).toEqual([
        { path: 'data.person.firstName', message: allowedOnly('name') },
        { path: 'data.person.lastName', message: allowedOnly('name') },
      ]);
    });

    it('refuses an organisation with the fields of a natural person', () => {
      expect(refused(admit('external', { organisation: { name: 'Alpes Solidaires' }, firstName: 'Léa' })).errors).toEqual([
        { path: 'data.person.firstName', message: allowedOnly('an organisation') },
      ]);
      expect(refused(admit('external', { organisation: { name: 'Alpes Solidaires' }, name: 'Alpes' })).errors).toEqual([
        { path: 'data.person.name', message: allowedOnly('an organisation') },
      ]);
    });

    it.each(['12345678', '1234567890', '12345678A'])('refuses the SIREN %s', (siren) => {
      expect(refused(admit('external', { organisation: { name: 'Alpes Solidaires', siren } })).errors).toEqual([
        { path: 'data.person.organisation.siren', message: 'must be a SIREN: 9 digits' },
      ]);
    });

    it('refuses an organisation without a name, and a natural person without a last name', () => {
      expect(refused(admit('external', { organisation: {} })).errors).toEqual([{ path: 'data.person.organisation.name', message: 'is required' }]);
      expect(refused(admit('staff', { firstName: 'Léa' })).errors).toEqual([{ path: 'data.person.lastName', message: 'is required' }]);
    });

    it('refuses an entrepreneur without gender or birth year, which the statistics need, and keeps their education level', () => {
      const { gender: _gender, birthYear: _birthYear, ...rest } = exampleData('IntegrateEntrepreneur').person;
      expect(issuesOf('IntegrateEntrepreneur', { person: rest })).toEqual([
        { path: 'data.person.gender', message: 'is required' },
        { path: 'data.person.birthYear', message: 'is required' },
      ]);
      const person = { ...exampleData('IntegrateEntrepreneur').person, educationLevel: 'bac+2' };
      expect(personOf(envelope('IntegrateEntrepreneur', { ...exampleData('IntegrateEntrepreneur'), person }))).toEqual(person);
    });
  });

  describe('collecting every problem', () => {
    it('reports all the errors with their paths, envelope and data alike', () => {
      const error = refused({
        type: 'IssueInvoice',
        commandId: 'bad id',
        extra: 1,
        data: {
          caeId: 'coodyssee',
          entrepreneurId: 'e-001',
          issuedOn: '2016-02-30',
          client: { name: 'Mairie', kind: 'company', tvaNumber: '123' },
          lines: [{ description: 'Atelier', quantity: '1', unitPrice: 12.5, vatRate: '20' }],
          notes: 'x',
        },
      });
      expect(error.errors).toEqual([
        { path: 'extra', message: 'is not a known field' },
        { path: 'commandId', message: expect.any(String) },
        { path: 'data.notes', message: 'is not a known field' },
        { path: 'data.issuedOn', message: 'is not a real calendar date (2016-02-30)' },
        { path: 'data.client.tvaNumber', message: 'is not a known field' },
        { path: 'data.lines[0].unitPrice', message: 'must be a decimal string (e.g. "1234.50"), not a number' },
      ]);
      expect(error.details).toMatchObject({ errorCount: 6 });
      expect(error.message).toBe(
        'The command is invalid: extra is not a known field; commandId must be 1 to 128 letters, digits, "_", ".", ":" or "-"; data.notes is not a known field (and 3 more)',
      );
    });

    it('caps the listed errors but counts them all', () => {
      const data = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`unknown${i}`, i]));
      const error = refused(envelope('ForgetPerson', { ...exampleData('ForgetPerson'), ...data }));
      expect(error.errors).toHaveLength(100);
      expect(error.details).toMatchObject({ errorCount: 150 });
    });
  });

  describe('personal data', () => {
    it('ForgetPerson names the kind of person: entrepreneur, associate or client', () => {
      expect(issuesOf('ForgetPerson', { kind: undefined })).toEqual([{ path: 'data.kind', message: 'is required' }]);
      expect(issuesOf('ForgetPerson', { kind: 'person' })).toEqual([{ path: 'data.kind', message: expect.stringContaining('entrepreneur') }]);
      expect(accepted(envelope('ForgetPerson', { caeId: 'c', kind: 'associate', personId: 'p1' })).command.data).toEqual({ caeId: 'c', kind: 'associate', personId: 'p1' });
    });

    it('a private client is named by its clientId in the directory or by the number of the invoice it was invoiced under', () => {
      expect(accepted(envelope('ForgetPerson', { caeId: 'c', kind: 'client', personId: 'jeanne-durand' })).command.data).toMatchObject({ personId: 'jeanne-durand' });
      expect(accepted(envelope('ForgetPerson', { caeId: 'c', kind: 'client', personId: '2016-000001' })).command.data).toMatchObject({ kind: 'client' });
    });

    it('a person id cannot hold ":" (the separator of person keys)', () => {
      expect(issuesOf('ForgetPerson', { personId: 'entrepreneur:p1' })).toEqual([{ path: 'data.personId', message: expect.stringContaining('identifier') }]);
    });

    it('meeting notes are optional free text of at most 2,000 characters', () => {
      expect(accepted(envelope('RecordMeeting', { ...exampleData('RecordMeeting'), notes: 'n'.repeat(2000) })).command.data).toMatchObject({ notes: 'n'.repeat(2000) });
      expect(issuesOf('RecordMeeting', { notes: 'n'.repeat(2001) })).toEqual([{ path: 'data.notes', message: 'must be at most 2000 characters long (got 2001)' }]);
    });
  });

  describe('fixtures', () => {
    it('gives a fresh object on each call', () => {
      const first = exampleData('IssueInvoice');
      first.lines.push(first.lines[0]);
      expect(exampleData('IssueInvoice').lines).toHaveLength(2);
    });
  });
});
