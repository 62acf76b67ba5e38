import { canonicalJson, chainHash, GENESIS_HASH, type RecordedEvent, verifyChain } from '../../libs/event-store';

describe('canonicalJson', () => {
  it('sorts object keys recursively, keeps array order, adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text before and after a trip through JSON', () => {
    const value = { when: new Date('2025-01-02T03:04:05.000Z'), gone: undefined, list: [undefined, -0, 'é\n'] };
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
    expect(canonicalJson(value)).toBe('{"list":[null,0,"é\\n"],"when":"2025-01-02T03:04:05.000Z"}');
  });
});

describe('chainHash and verifyChain', () => {
  function chain(caeIds: string[]): RecordedEvent[] {
    const heads = new Map<string, string>();
    return caeIds.map((caeId, index) => {
      const unhashed = {
        streamId: `stream-${caeId}`,
        revision: index,
        position: index + 1,
        eventId: `event-${index + 1}`,
        type: 'Happened',
        schemaVersion: 1,
        data: { n: index },
        metadata: {
          caeId,
          commandId: 'c',
          causationId: 'c',
          correlationId: 'c',
          actor: 'a',
          occurredOn: '2025-01-01',
          recordedAt: '2025-01-01T00:00:00.000Z',
        },
      };
      const hash = chainHash(heads.get(caeId) ?? GENESIS_HASH, unhashed);
      heads.set(caeId, hash);
      return { ...unhashed, hash };
    });
  }

  it('hashes the previous hash and the stored fields, never the hash itself', () => {
    const [event] = chain(['cae-a']);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(chainHash(GENESIS_HASH, event)).toBe(event.hash);
    const withAnotherHash: RecordedEvent = { ...event, hash: 'anything' };
    expect(chainHash(GENESIS_HASH, withAnotherHash)).toBe(event.hash);
    expect(chainHash('1'.repeat(64), event)).not.toBe(event.hash);
    expect(chainHash(GENESIS_HASH, { ...event, data: { n: 1 } })).not.toBe(event.hash);
  });

  it('reports the first break of each CAE, and the smallest overall', async () => {
    const events = chain(['cae-a', 'cae-b', 'cae-a', 'cae-b', 'cae-a', 'cae-b', 'cae-c']);
    events[3] = { ...events[3], data: { n: 'altered' } };
    events[4] = { ...events[4], hash: GENESIS_HASH };
    events[5] = { ...events[5], data: { n: 'altered too' } };

    const report = await verifyChain(events);

    expect(report).toMatchObject({ ok: false, events: 7, firstBrokenPosition: 4 });
    expect(report.caes.map(({ caeId, events: count, ok, firstBrokenPosition }) => [caeId, count, ok, firstBrokenPosition])).toEqual([
      ['cae-a', 3, false, 5],
      ['cae-b', 3, false, 4],
      ['cae-c', 1, true, undefined],
    ]);
  });

  it('reports the recomputed head of an intact chain', async () => {
    const events = chain(['cae-a', 'cae-a']);
    expect(await verifyChain(events)).toEqual({
      ok: true,
      events: 2,
      caes: [{ caeId: 'cae-a', events: 2, ok: true, head: events[1].hash }],
    });
  });
});
