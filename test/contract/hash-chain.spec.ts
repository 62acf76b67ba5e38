import {
  canonicalJson,
  chainHash,
  commandDigest,
  GENESIS_HASH,
  logHead,
  type LogToVerify,
  type RecordedEvent,
  type StoredCommand,
  verifyLog,
} from '../../libs/event-store';

/** What an intact adapter would store beside these events: the last hash of each CAE and of the log. */
function intactLog(events: RecordedEvent[], overrides: Partial<LogToVerify> = {}): LogToVerify {
  const heads = new Map(events.map((event) => [event.metadata.caeId, event.hash]));
  const last = events[events.length - 1];
  return {
    events,
    headPosition: last?.position ?? 0,
    storedHeads: async () => heads,
    records: [],
    ...(last !== undefined ? { highestWritten: { position: last.position, hash: last.hash } } : {}),
    ...overrides,
  };
}
const verifyChain = (events: RecordedEvent[]) => verifyLog(intactLog(events));

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

function chain(caeIds: string[], stamp: (index: number) => Partial<RecordedEvent['metadata']> = () => ({})): RecordedEvent[] {
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
        ...stamp(index),
      },
    };
    const hash = chainHash(heads.get(caeId) ?? GENESIS_HASH, unhashed);
    heads.set(caeId, hash);
    return { ...unhashed, hash };
  });
}

describe('chainHash and verifyLog', () => {
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
    expect(report.findings.map((finding) => [finding.code, finding.caeId, finding.position])).toEqual([
      ['CHAIN_BROKEN', 'cae-b', 4],
      ['CHAIN_BROKEN', 'cae-a', 5],
    ]);
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
      caes: [{ caeId: 'cae-a', events: 2, ok: true, head: events[1].hash, storedHead: events[1].hash }],
      headPosition: 2,
      logHead: logHead(2, new Map([['cae-a', events[1].hash]])),
      findings: [],
    });
  });
});

describe('verifyLog: what is missing or wrong', () => {
  const codes = (report: Awaited<ReturnType<typeof verifyLog>>) => report.findings.map((finding) => [finding.code, finding.caeId ?? finding.commandId, finding.position]);

  it('names the first missing positions of a log with a hole in the middle', async () => {
    const events = chain(['cae-a', 'cae-b', 'cae-a', 'cae-b', 'cae-a', 'cae-b', 'cae-a']);
    const holed = [...events.slice(0, 2), ...events.slice(4)];

    const report = await verifyLog(intactLog(holed));

    expect(report.ok).toBe(false);
    expect(report.firstMissingPosition).toBe(3);
    expect(report.findings[0]).toMatchObject({ code: 'POSITIONS_MISSING', position: 3, message: 'Positions 3 to 4 are missing from the log.' });
    expect(report.firstBrokenPosition).toBe(5);
  });

  it('names a CAE whose stored head is not the hash of its last event (its last events removed)', async () => {
    const events = chain(['cae-a', 'cae-b', 'cae-a', 'cae-b', 'cae-a', 'cae-b']);
    const stored = new Map(events.map((event) => [event.metadata.caeId, event.hash]));
    const withoutLastOfA = events.filter((event) => event.position !== 5);

    const report = await verifyLog(intactLog(withoutLastOfA, { storedHeads: async () => stored }));

    expect(codes(report)).toEqual([
      ['POSITIONS_MISSING', undefined, 5],
      ['STORED_HEAD_MISMATCH', 'cae-a', undefined],
    ]);
    expect(report.caes.find((cae) => cae.caeId === 'cae-a')).toMatchObject({ ok: false, events: 2, storedHead: events[4].hash });
    expect(report.caes.find((cae) => cae.caeId === 'cae-b')).toMatchObject({ ok: true, storedHead: events[5].hash });
  });

  it('names a CAE that has a stored head but no events any more', async () => {
    const events = chain(['cae-a', 'cae-b', 'cae-a']);
    const stored = new Map(events.map((event) => [event.metadata.caeId, event.hash]));

    const report = await verifyLog(intactLog(events.filter((event) => event.metadata.caeId === 'cae-a'), { storedHeads: async () => stored }));

    expect(report.caes).toContainEqual({ caeId: 'cae-b', events: 0, ok: false, head: GENESIS_HASH, storedHead: events[1].hash });
    expect(report.findings).toContainEqual(expect.objectContaining({ code: 'STORED_HEAD_MISMATCH', caeId: 'cae-b' }));
  });

  it('names a log that ends below the highest position written', async () => {
    const events = chain(['cae-a', 'cae-a', 'cae-a']);
    const report = await verifyLog(intactLog(events.slice(0, 2), { highestWritten: { position: 3, hash: events[2].hash } }));
    expect(codes(report)).toContainEqual(['LOG_HEAD_WENT_BACKWARDS', undefined, 3]);
  });

  describe('command records', () => {
    const result = { number: 'F-1' };
    const record = (commandId: string, position: number): StoredCommand => ({ commandId, fingerprint: 'f', result, position, recordedAt: '2025-01-01T00:00:00.000Z' });
    /** Commands c1 (positions 1–2) and c2 (position 3), each with the digest of its record on its last event. */
    const commanded = () =>
      chain(['cae-a', 'cae-a', 'cae-a'], (index) => ({
        commandId: index < 2 ? 'c1' : 'c2',
        ...(index === 1 ? { commandDigest: commandDigest(record('c1', 2)) } : {}),
        ...(index === 2 ? { commandDigest: commandDigest(record('c2', 3)) } : {}),
      }));

    it('finds every record covered by the digest on its last event', async () => {
      const report = await verifyLog(intactLog(commanded(), { records: [record('c1', 2), record('c2', 3)] }));
      expect(report.findings).toEqual([]);
    });

    it('names a record missing, altered, or pointing at no event of its command', async () => {
      const altered = { ...record('c2', 3), result: { number: 'F-2' } };
      expect(codes(await verifyLog(intactLog(commanded(), { records: [record('c2', 3)] })))).toEqual([['COMMAND_RECORD_MISSING', 'c1', 2]]);
      expect(codes(await verifyLog(intactLog(commanded(), { records: [record('c1', 2), altered] })))).toEqual([['COMMAND_RECORD_ALTERED', 'c2', 3]]);
      expect(codes(await verifyLog(intactLog(commanded(), { records: [record('c1', 1), record('c1', 2), record('c2', 3), record('c3', 9)] })))).toEqual([
        ['COMMAND_RECORD_ORPHANED', 'c1', 1],
        ['COMMAND_RECORD_ORPHANED', 'c3', 9],
      ]);
    });

    it('checks only the records of the CAE verified alone', async () => {
      const report = await verifyLog(intactLog(commanded(), { caeId: 'cae-a', records: [record('c1', 2), record('other', 7)] }));
      expect(codes(report)).toEqual([['COMMAND_RECORD_MISSING', 'c2', 3]]);
    });
  });

  describe('log head', () => {
    it('digests every CAE head as of a position, and tells when the log ends below it', async () => {
      const events = chain(['cae-a', 'cae-b', 'cae-a', 'cae-b']);
      const asOf2 = logHead(2, new Map([['cae-a', events[0].hash], ['cae-b', events[1].hash]]));

      const report = await verifyLog(intactLog(events, { headAt: 2 }));

      expect(report.headAt).toBe(asOf2);
      expect(report.logHead).toBe(logHead(4, new Map([['cae-a', events[2].hash], ['cae-b', events[3].hash]])));
      expect(report.logHead).toMatch(/^4:[0-9a-f]{64}$/);
      expect((await verifyLog(intactLog(events.slice(0, 2), { headAt: 2 }))).headAt).toBe(asOf2);
      expect((await verifyLog(intactLog(events.slice(0, 1), { headAt: 2 }))).headAt).toBeUndefined();
    });

    it('changes when a chain is rewritten with recomputed hashes, which verify alone cannot see', async () => {
      const events = chain(['cae-a', 'cae-a']);
      const recorded = (await verifyLog(intactLog(events))).logHead;
      const rewritten = chain(['cae-a', 'cae-a']);
      rewritten[1] = { ...rewritten[1], data: { n: 'forged' } };
      rewritten[1] = { ...rewritten[1], hash: chainHash(rewritten[0].hash, rewritten[1]) };

      const report = await verifyLog(intactLog(rewritten, { headAt: 2 }));

      expect(report.ok).toBe(true);
      expect(report.headAt).not.toBe(recorded);
    });
  });
});
