import {
  admitAssociate,
  admitEntrepreneur,
  aliceIntegrated,
  aliceInvoiced,
  aliceUnderCesa,
  CAE,
  exitEntrepreneur,
  forget,
  given,
  integrate,
  issueInvoice,
  recordMeeting,
  registerClient,
  redeemShares,
} from '../testing';

/** ForgetPerson names a person by kind and id: only someone whose personal data the CAE holds, and only once. */
describe('forgetting a person', () => {
  const today = { today: '2024-05-02' };

  it('given Alice integrated, when forgetting the entrepreneur, then PersonForgotten names her kind and id, dated today', async () => {
    await given(aliceIntegrated)
      .when(forget('entrepreneur', 'alice'), today)
      .then([{ type: 'PersonForgotten', data: { caeId: CAE, kind: 'entrepreneur', personId: 'alice', forgottenOn: '2024-05-02' } }]);
  });

  it('given a private person in the directory, when forgetting the client by its clientId, then PersonForgotten names them; invoicing them again is refused', async () => {
    const jeanne = registerClient('jeanne', { kind: 'individual', name: 'Jeanne Durand', siren: undefined });
    await given(aliceUnderCesa, jeanne)
      .when(forget('client', 'jeanne'), today)
      .then([{ type: 'PersonForgotten', data: { caeId: CAE, kind: 'client', personId: 'jeanne', forgottenOn: '2024-05-02' } }]);
    await given(aliceUnderCesa, jeanne, forget('client', 'jeanne'))
      .when(issueInvoice('alice', '2016-01-11', { client: { clientId: 'jeanne' } }))
      .thenRejects('PERSON_ALREADY_FORGOTTEN', 'jeanne');
  });

  it('given an external associate, when forgetting the associate, then PersonForgotten names an associate', async () => {
    await given(aliceIntegrated, admitAssociate('p1', '2016-02-01', 2))
      .when(forget('associate', 'p1'), today)
      .then([{ type: 'PersonForgotten', data: { caeId: CAE, kind: 'associate', personId: 'p1', forgottenOn: '2024-05-02' } }]);
  });

  it('given an invoice to a private client, when forgetting the client by its invoice number, then PersonForgotten names a client', async () => {
    await given(aliceUnderCesa, issueInvoice('alice', '2016-01-11', { client: { name: 'Jeanne Dupont', kind: 'individual' } }))
      .when(forget('client', '2016-000001'), today)
      .then([{ type: 'PersonForgotten', data: { caeId: CAE, kind: 'client', personId: '2016-000001', forgottenOn: '2024-05-02' } }]);
  });

  describe('an unknown person is NOT_FOUND (nothing decided, so nothing appended and no key destroyed)', () => {
    it('an entrepreneur never integrated, even when an associate has that id', async () => {
      await given(aliceIntegrated, admitAssociate('p1', '2016-02-01', 2)).when(forget('entrepreneur', 'p1')).thenRejects('NOT_FOUND', '"p1"');
    });

    it('an associate never admitted, even when an entrepreneur has that id', async () => {
      await given(aliceIntegrated).when(forget('associate', 'alice')).thenRejects('NOT_FOUND', 'never been admitted');
    });

    it('an entrepreneur associate: their data is the entrepreneur’s, the message says to forget the entrepreneur', async () => {
      await given(aliceUnderCesa, admitEntrepreneur('a-alice', 'alice', '2016-03-01'))
        .when(forget('associate', 'a-alice'))
        .thenRejects('NOT_FOUND', 'forget the entrepreneur');
    });

    it('a client whose invoice does not exist', async () => {
      await given(aliceInvoiced).when(forget('client', '2016-000002')).thenRejects('NOT_FOUND', '2016-000002');
    });

    it('a client the directory does not have, or a company of the directory', async () => {
      await given(aliceInvoiced).when(forget('client', 'jeanne')).thenRejects('NOT_FOUND', 'jeanne');
      await given(aliceInvoiced, registerClient('hotel')).when(forget('client', 'hotel')).thenRejects('NOT_FOUND', 'not a private individual');
    });

    it('a client that is a company, not a private individual', async () => {
      await given(aliceInvoiced).when(forget('client', '2016-000001')).thenRejects('NOT_FOUND', 'not a private individual');
    });
  });

  describe('a forgotten person stays forgotten: PERSON_ALREADY_FORGOTTEN', () => {
    const aliceForgotten = [...aliceIntegrated, exitEntrepreneur('alice', '2016-06-30'), forget('entrepreneur', 'alice')];

    it('a second ForgetPerson of the same person', async () => {
      await given(aliceForgotten).when(forget('entrepreneur', 'alice')).thenRejects('PERSON_ALREADY_FORGOTTEN', 'alice');
    });

    it('a return under the forgotten id would bring new personal data: refused, a new id is needed', async () => {
      await given(aliceForgotten).when(integrate('alice', '2017-01-02')).thenRejects('PERSON_ALREADY_FORGOTTEN', 'new id');
    });

    it('meeting notes for a forgotten entrepreneur are refused; a meeting without notes is not', async () => {
      const forgottenWhilePresent = [...aliceIntegrated, forget('entrepreneur', 'alice')];
      const withNotes = recordMeeting('alice', '2016-02-01');
      if (withNotes.type !== 'RecordMeeting') throw new Error('a meeting');
      await given(forgottenWhilePresent).when({ ...withNotes, data: { ...withNotes.data, notes: 'Parle de son projet' } }).thenRejects('PERSON_ALREADY_FORGOTTEN');
      await given(forgottenWhilePresent).when(withNotes).then((events) => expect(events.map((e) => e.type)).toEqual(['MeetingRecorded']));
    });

    it('a readmission of a forgotten associate with personal data is refused', async () => {
      await given(aliceIntegrated, admitAssociate('p1', '2016-02-01', 2), redeemShares('p1', '2016-02-15', 2), forget('associate', 'p1'))
        .when(admitAssociate('p1', '2016-03-01', 1))
        .thenRejects('PERSON_ALREADY_FORGOTTEN', 'associate "p1"');
    });

    it('forgetting one kind leaves the same id of another kind forgettable (entrepreneur p1, staff associate p1)', async () => {
      const both = [...aliceIntegrated, integrate('p1', '2016-01-05'), admitAssociate('p1', '2016-02-01', 2, { category: 'staff', person: { name: 'Paul Un' } })];
      await given(both, forget('entrepreneur', 'p1')).when(forget('associate', 'p1')).then((events) => expect(events[0]?.data).toMatchObject({ kind: 'associate', personId: 'p1' }));
      await given(both, forget('associate', 'p1')).when(forget('entrepreneur', 'p1')).then((events) => expect(events[0]?.data).toMatchObject({ kind: 'entrepreneur', personId: 'p1' }));
    });
  });
});
