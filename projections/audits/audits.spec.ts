import { given } from '../testing/given';
import { auditPerformed, caeRegistered } from '../testing/events';
import { auditsProjection } from './projection';
import { auditOf, auditsOf, networkAudits } from './queries';

describe('the audits of the label', () => {
  it('given Coodyssée never audited, then its list is empty; an unknown CAE has none', async () => {
    const docs = await given(auditsProjection).when(caeRegistered());
    expect(await auditsOf(docs, 'coodyssee')).toEqual({ caeId: 'coodyssee', audits: [] });
    expect(await auditsOf(docs, 'oxalis')).toBeUndefined();
  });

  it('given two audits, performed in 2017 and 2018, then they list oldest first, knownAt null when not asked', async () => {
    const docs = await given(auditsProjection, caeRegistered(), auditPerformed({ auditId: 'audit-2018', asOf: '2017-12-31', performedOn: '2018-01-20', knownAt: '2018-01-01T00:00:00Z' })).when(auditPerformed());
    const list = await auditsOf(docs, 'coodyssee');
    expect(list?.audits.map((a) => [a.auditId, a.performedOn, a.knownAt])).toEqual([
      ['audit-1', '2017-01-15', null],
      ['audit-2018', '2018-01-20', '2018-01-01T00:00:00Z'],
    ]);
    expect(list?.audits[0]).toMatchObject({ score: { labelEligible: false }, failingMandatory: ['INTERVIEWS_TWICE_A_YEAR'], auditor: 'acc-auditor' });
    expect(await auditOf(docs, 'coodyssee', 'audit-2018')).toMatchObject({ asOf: '2017-12-31', position: 2 });
    expect(await auditOf(docs, 'oxalis', 'audit-2018')).toBeUndefined();
  });

  it('given audits of two CAEs, then the network shows each CAE’s latest performed by the day asked', async () => {
    const docs = await given(
      auditsProjection,
      caeRegistered(),
      caeRegistered({ caeId: 'oxalis', name: 'Oxalis' }),
      auditPerformed(),
      auditPerformed({ caeId: 'oxalis', auditId: 'ox-1', performedOn: '2017-03-01' }),
    ).when(auditPerformed({ auditId: 'audit-2', performedOn: '2018-01-20' }));
    expect((await networkAudits(docs, undefined)).caes.map((a) => [a.caeId, a.auditId])).toEqual([
      ['coodyssee', 'audit-2'],
      ['oxalis', 'ox-1'],
    ]);
    expect((await networkAudits(docs, '2017-12-31')).caes.map((a) => [a.caeId, a.auditId])).toEqual([
      ['coodyssee', 'audit-1'],
      ['oxalis', 'ox-1'],
    ]);
    expect(await networkAudits(docs, '2016-12-31')).toEqual({ asOf: '2016-12-31', caes: [] });
  });
});
