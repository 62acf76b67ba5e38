import { meetingRecorded, personForgotten, storyUpTo } from '../testing/events';
import { entrepreneurFile } from './queries';
import { registers } from './spec-support';

describe('an entrepreneur’s file: their register entry, their meetings and workshops', () => {
  it('given meetings of every kind, then the file lists them by date and counts the individual ones by year', async () => {
    const docs = await registers(...storyUpTo('CapeSigned'), meetingRecorded({ heldOn: '2016-05-02', kind: 'workshop', hours: '3.00' }), meetingRecorded({ heldOn: '2016-03-01' })).when(
      meetingRecorded({ heldOn: '2016-04-01', kind: 'collective', hours: '1.50' }),
    );
    const file = await entrepreneurFile(docs, 'coodyssee', 'e-001');
    expect(file).toMatchObject({ caeId: 'coodyssee', entrepreneurId: 'e-001', status: 'cape', asOf: '2016-05-02' });
    expect(file?.history.map((line) => line.event)).toEqual(['integrated', 'cape_signed']);
    expect(file?.meetings).toEqual([
      { heldOn: '2016-03-01', kind: 'individual', hours: expect.any(String) },
      { heldOn: '2016-04-01', kind: 'collective', hours: '1.50' },
      { heldOn: '2016-05-02', kind: 'workshop', hours: '3.00' },
    ]);
    expect(file?.individualMeetings).toEqual({ '2016': 1 });
  });

  it('given an unknown entrepreneur or CAE, then there is no file (404)', async () => {
    const docs = await registers(...storyUpTo('CapeSigned')).when(meetingRecorded({ heldOn: '2016-03-01' }));
    expect(await entrepreneurFile(docs, 'coodyssee', 'e-404')).toBeUndefined();
    expect(await entrepreneurFile(docs, 'nowhere', 'e-001')).toBeUndefined();
  });

  it('given the person forgotten, then their file names nobody but keeps their path', async () => {
    const docs = await registers(...storyUpTo('CapeSigned')).when(personForgotten({ personId: 'e-001', kind: 'entrepreneur' }));
    const file = await entrepreneurFile(docs, 'coodyssee', 'e-001');
    expect(file?.person.lastName).toBe('[forgotten]');
    expect(file?.history.map((line) => line.event)).toEqual(['integrated', 'cape_signed']);
  });
});
