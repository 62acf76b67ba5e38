import { exampleData } from '../../../../test/fixtures/commands';
import type { Command } from '../commands';
import { validateEnvelope } from '../validation';
import { CAE, CAE_NAME, given, integrate, record, registerCae } from '../testing';

describe('the CAE', () => {
  it('given nothing, when registering Coodyssée, then it is registered with the default payroll rates 22% / 42%', async () => {
    await given()
      .when(registerCae())
      .then([
        {
          type: 'CaeRegistered',
          data: {
            caeId: CAE,
            name: CAE_NAME,
            legalForm: 'SARL_SCOP',
            region: "Provence-Alpes-Côte d'Azur",
            contribution: { rate: '0.12', base: 'revenue' },
            shareNominalValue: '25.00',
            payroll: { employeeRate: '0.22', employerRate: '0.42' },
          },
        },
      ]);
  });

  it('given nothing, when registering a CAE with its own payroll rates, then they are kept', async () => {
    await given()
      .when(registerCae({ payroll: { employeeRate: '0.215', employerRate: '0.40' } }))
      .then(([registered]) => expect(registered?.data).toMatchObject({ payroll: { employeeRate: '0.215', employerRate: '0.40' } }));
  });

  it('given a registered CAE, when registering it again, then CAE_ALREADY_REGISTERED', async () => {
    await given(registerCae()).when(registerCae()).thenRejects('CAE_ALREADY_REGISTERED', CAE);
  });

  it('given another CAE registered, when registering Coodyssée, then it is registered (one stream per CAE)', async () => {
    await given(registerCae({ caeId: 'oxalis', name: 'Oxalis' }))
      .when(registerCae())
      .then((events) => expect(events.map((e) => e.type)).toEqual(['CaeRegistered']));
  });

  describe('commands on an unknown CAE', () => {
    const unknown = 'unknown';
    const commands: [string, Command][] = [
      ['RecordInformationSession', { type: 'RecordInformationSession', data: { caeId: unknown, heldOn: '2016-01-05', attendees: 12 } }],
      ['RecordIntakeInterview', { type: 'RecordIntakeInterview', data: { caeId: unknown, heldOn: '2016-01-06' } }],
      ['RecordSubsidy', { type: 'RecordSubsidy', data: { caeId: unknown, receivedOn: '2016-03-01', funder: 'Région Sud', amount: '1000.00' } }],
      ['ForgetPerson', { type: 'ForgetPerson', data: { caeId: unknown, kind: 'entrepreneur', personId: 'alice' } }],
      ['IntegrateEntrepreneur', integrate('alice', '2016-01-04', { caeId: unknown })],
      ['SignCape', { type: 'SignCape', data: { caeId: unknown, entrepreneurId: 'alice', signedOn: '2016-01-04', months: 6 } }],
      ['SignCesa', { type: 'SignCesa', data: { caeId: unknown, entrepreneurId: 'alice', signedOn: '2016-01-04' } }],
      [
        'RecordExpense',
        { type: 'RecordExpense', data: { caeId: unknown, entrepreneurId: 'alice', incurredOn: '2016-01-04', category: 'x', amount: '1.00', vat: '0.00', description: 'x' } },
      ],
      ['PaySalary', { type: 'PaySalary', data: { caeId: unknown, entrepreneurId: 'alice', period: '2016-01', paidOn: '2016-01-31', gross: '1.00', hours: '1' } }],
      ['ExitEntrepreneur', { type: 'ExitEntrepreneur', data: { caeId: unknown, entrepreneurId: 'alice', exitedOn: '2016-02-01', reason: 'other' } }],
      [
        'IssueInvoice',
        {
          type: 'IssueInvoice',
          data: { caeId: unknown, entrepreneurId: 'alice', issuedOn: '2016-01-11', client: { name: 'X', kind: 'company' }, lines: [] },
        },
      ],
      ['RecordPayment', { type: 'RecordPayment', data: { caeId: unknown, invoiceNumber: '2016-000001', paidOn: '2016-02-01', amount: '10.00' } }],
      ['IssueCreditNote', { type: 'IssueCreditNote', data: { caeId: unknown, invoiceNumber: '2016-000001', issuedOn: '2016-02-01', reason: 'x' } }],
      ['AdmitAssociate', { type: 'AdmitAssociate', data: { caeId: unknown, associateId: 'a1', admittedOn: '2016-01-04', shares: 1, category: 'external' } }],
      ['RedeemShares', { type: 'RedeemShares', data: { caeId: unknown, associateId: 'a1', redeemedOn: '2016-01-04', shares: 1 } }],
    ];
    it.each(commands)('given only Coodyssée, when %s names an unregistered CAE, then NOT_FOUND', async (_type, command) => {
      expect((await given(registerCae()).when(command).thenRejects('NOT_FOUND')).details).toEqual({ caeId: unknown });
    });
  });

  it('given Coodyssée, when recording an information session, then its attendees are recorded', async () => {
    await given(registerCae())
      .when({ type: 'RecordInformationSession', data: { caeId: CAE, heldOn: '2016-01-05', attendees: 18 } })
      .then([{ type: 'InformationSessionRecorded', data: { caeId: CAE, heldOn: '2016-01-05', attendees: 18 } }]);
  });

  it('given Coodyssée, when recording an intake interview, then it is recorded', async () => {
    await given(registerCae())
      .when({ type: 'RecordIntakeInterview', data: { caeId: CAE, heldOn: '2016-01-06' } })
      .then([{ type: 'IntakeInterviewRecorded', data: { caeId: CAE, heldOn: '2016-01-06' } }]);
  });

  it('given Coodyssée, when recording a subsidy, then it is recorded with its funder and amount', async () => {
    await given(registerCae())
      .when({ type: 'RecordSubsidy', data: { caeId: CAE, receivedOn: '2016-03-01', funder: 'Région Sud', amount: '35625.00' } })
      .then([{ type: 'SubsidyRecorded', data: { caeId: CAE, receivedOn: '2016-03-01', funder: 'Région Sud', amount: '35625.00' } }]);
  });

  it('given a history of commands, when it is recorded, then each command contributed its events in order', async () => {
    expect((await record(registerCae(), integrate('alice', '2016-01-04'))).map((e) => e.type)).toEqual(['CaeRegistered', 'EntrepreneurIntegrated']);
  });

  it('given a history with a refused command, when it is recorded, then the fixture fails loudly', async () => {
    await expect(record(registerCae(), registerCae())).rejects.toThrow('CAE_ALREADY_REGISTERED');
  });
});

describe('the CAE’s identity', () => {
  const identity = (data: Record<string, unknown> = {}): Command =>
    ({ type: 'RecordCaeIdentity', data: { ...exampleData('RecordCaeIdentity'), caeId: CAE, ...data } }) as Command;

  it('given a registered CAE, when recording its identity, then it is recorded as sent, in force from its date', async () => {
    await given(registerCae())
      .when(identity())
      .then([{ type: 'CaeIdentityRecorded', data: { ...exampleData('RecordCaeIdentity'), caeId: CAE } as never }]);
  });

  it('given no CAE, when recording an identity, then NOT_FOUND', async () => {
    await given().when(identity()).thenRejects('NOT_FOUND', CAE);
  });

  it('refuses a SIRET of another company, a VAT number of another SIREN, a SIREN whose key is wrong, a bad IBAN', () => {
    const issues = (data: Record<string, unknown>) => {
      const result = validateEnvelope({ type: 'RecordCaeIdentity', commandId: 'c-1', data: { ...exampleData('RecordCaeIdentity'), ...data } });
      return result.ok ? [] : (result.error.details?.['errors'] as { path: string; message: string }[]);
    };
    expect(issues({ siret: '50123456100006' })).toEqual([{ path: 'data.siret', message: 'must begin with the SIREN 812345676' }]);
    expect(issues({ vatNumber: 'FR92501234561' })).toEqual([{ path: 'data.vatNumber', message: 'must end with the SIREN 812345676' }]);
    expect(issues({ siren: '812345677' })).toEqual([
      { path: 'data.siren', message: 'is not a SIREN: its check digit (Luhn) is wrong' },
    ]);
    expect(issues({ iban: 'FR7630006000011234567890188' })).toEqual([{ path: 'data.iban', message: 'is not an IBAN: its check digits are wrong' }]);
    expect(issues({ address: { line1: '1 rue', postalCode: '13001', city: 'Marseille', country: 'France' } })).toEqual([
      { path: 'data.address.country', message: 'must be an ISO 3166-1 country code: two capital letters (e.g. "FR")' },
    ]);
  });
});
