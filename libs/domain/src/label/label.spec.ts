import type { Command } from '../commands';
import { validateEnvelope } from '../validation';
import { aliceIntegrated, aliceUnderCape, CAE, exitEntrepreneur, given, registerCae, signCape, signCesa } from '../testing';
import type { DeadlineNotice } from './criteria';

const assess = (data: Partial<Extract<Command, { type: 'RecordSelfAssessment' }>['data']> = {}): Command => ({
  type: 'RecordSelfAssessment',
  data: { caeId: CAE, criterionId: 'HEALTH_SAFETY_INFORMATION', answer: 'met', assessedOn: '2016-06-30', ...data },
});

const notify = (entrepreneurId: string, notifiedOn: string, notice: DeadlineNotice = 'six_months'): Command => ({
  type: 'RecordAssociateDeadlineNotice',
  data: { caeId: CAE, entrepreneurId, notifiedOn, notice },
});

describe('label — what the CAE records for its audit', () => {
  describe('RecordSelfAssessment', () => {
    it('given Coodyssée, when it declares a criterion met with its evidence, then the answer is recorded in the CAE’s stream', async () => {
      await given(registerCae())
        .when(assess({ criterionId: 'ACCOMPANIMENT_PROGRAMME_ADOPTED', evidence: 'PV AG 2016-06-20, résolution 4' }))
        .then([
          {
            type: 'SelfAssessmentRecorded',
            data: { caeId: CAE, criterionId: 'ACCOMPANIMENT_PROGRAMME_ADOPTED', answer: 'met', evidence: 'PV AG 2016-06-20, résolution 4', assessedOn: '2016-06-30' },
          },
        ]);
    });

    it('given Coodyssée, when it declares a criterion not met without evidence, then it is recorded all the same (the audit judges, the command records)', async () => {
      await given(registerCae())
        .when(assess({ answer: 'not_met' }))
        .then([{ type: 'SelfAssessmentRecorded', data: { caeId: CAE, criterionId: 'HEALTH_SAFETY_INFORMATION', answer: 'not_met', assessedOn: '2016-06-30' } }]);
    });

    it('given an earlier answer, when the CAE answers again, then the new answer is recorded beside it', async () => {
      await given(registerCae(), assess({ answer: 'not_met' }))
        .when(assess({ answer: 'met', assessedOn: '2017-01-10' }))
        .then((events) => expect(events.map((e) => [e.type, 'answer' in e.data && e.data.answer])).toEqual([['SelfAssessmentRecorded', 'met']]));
    });

    it('given no CAE, when a criterion is declared, then NOT_FOUND', async () => {
      await given().when(assess()).thenRejects('NOT_FOUND');
    });

    it('refuses a criterion that is not one the CAE declares (the log can show it) with VALIDATION_FAILED', () => {
      const checked = validateEnvelope({ type: 'RecordSelfAssessment', commandId: 'c', data: { caeId: CAE, criterionId: 'CAPE_DURATION', answer: 'met', assessedOn: '2016-06-30' } });
      expect(checked.ok).toBe(false);
      expect(JSON.stringify(checked)).toContain('data.criterionId');
    });
  });

  describe('RecordAssociateDeadlineNotice', () => {
    // CESA on 4 Jan 2016 without CAPE: the associate deadline is 4 Jan 2019.
    const aliceUnderCesa = [...aliceIntegrated, signCesa('alice', '2016-01-04')];

    it('given Alice under a CESA, when she is told six months before her deadline, then the notice carries the deadline and its due date', async () => {
      await given(aliceUnderCesa)
        .when(notify('alice', '2018-06-15'))
        .then((events, result) => {
          expect(events).toEqual([
            {
              type: 'AssociateDeadlineNoticeRecorded',
              data: { caeId: CAE, entrepreneurId: 'alice', notifiedOn: '2018-06-15', notice: 'six_months', associateDeadline: '2019-01-04', dueBy: '2018-07-04' },
            },
          ]);
          expect(result).toEqual({ associateDeadline: '2019-01-04', dueBy: '2018-07-04' });
        });
    });

    it('given Alice under a CESA after a CAPE, when she is told three months before, then the deadline is the one shortened by the CAPE time', async () => {
      await given(aliceUnderCape, signCesa('alice', '2016-07-04'))
        .when(notify('alice', '2018-09-01', 'three_months'))
        .then(([notice]) => expect(notice?.data).toMatchObject({ notice: 'three_months', associateDeadline: '2019-01-03', dueBy: '2018-10-03' }));
    });

    it('given Alice under a CESA, when the notice is given after its due date, then it is recorded (the audit says it is late)', async () => {
      await given(aliceUnderCesa)
        .when(notify('alice', '2018-12-01', 'three_months'))
        .then(([notice]) => expect(notice?.data).toMatchObject({ notifiedOn: '2018-12-01', dueBy: '2018-10-04' }));
    });

    it('given Alice under a CAPE only, when a notice is recorded, then NOTICE_REQUIRES_CESA', async () => {
      const error = await given(aliceUnderCape).when(notify('alice', '2016-03-01')).thenRejects('NOTICE_REQUIRES_CESA');
      expect(error.details).toEqual({ notifiedOn: '2016-03-01' });
    });

    it('given Alice under a CESA signed in September, when a notice is dated before it, then NOTICE_REQUIRES_CESA', async () => {
      await given(aliceIntegrated, signCape('alice', '2016-01-04', 6), signCesa('alice', '2016-09-01')).when(notify('alice', '2016-08-01')).thenRejects('NOTICE_REQUIRES_CESA');
    });

    it('given Alice has left, when a notice is recorded after her exit, then ENTREPRENEUR_NOT_ACTIVE', async () => {
      await given(aliceUnderCesa, exitEntrepreneur('alice', '2017-03-01')).when(notify('alice', '2017-06-01')).thenRejects('ENTREPRENEUR_NOT_ACTIVE');
    });

    it('given Coodyssée, when a notice names an unknown entrepreneur, then NOT_FOUND', async () => {
      await given(registerCae()).when(notify('bob', '2018-06-15')).thenRejects('NOT_FOUND');
    });
  });
});
