import fc from 'fast-check';
import { associateStream, caeStream, entrepreneurStream, invoiceSeriesStream } from './streams';

// Ids as validation lets them through, with "-", "." and "_" likely, so that joins would collide if they could.
const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,8}$/);
const idWithDashes = fc.oneof(id, fc.tuple(id, id).map(([a, b]) => `${a}-${b}`), fc.constantFrom('a', 'b', 'c', 'a-b', 'b-c', 'e-2024-001', 'sud-e-2024-001'));

type Made = { kind: string; ids: string[]; name: string };
const stream: fc.Arbitrary<Made> = fc.oneof(
  idWithDashes.map((c) => ({ kind: 'cae', ids: [c], name: caeStream(c) })),
  fc.tuple(idWithDashes, idWithDashes).map(([c, e]) => ({ kind: 'entrepreneur', ids: [c, e], name: entrepreneurStream(c, e) })),
  fc.tuple(idWithDashes, fc.integer({ min: 1900, max: 2100 })).map(([c, y]) => ({ kind: 'invoice-series', ids: [c, String(y)], name: invoiceSeriesStream(c, y) })),
  fc.tuple(idWithDashes, idWithDashes).map(([c, a]) => ({ kind: 'associate', ids: [c, a], name: associateStream(c, a) })),
);

describe('stream identities', () => {
  it('given CAE "a" with entrepreneur "b-c" and CAE "a-b" with entrepreneur "c", their streams differ', () => {
    expect(entrepreneurStream('a', 'b-c')).not.toBe(entrepreneurStream('a-b', 'c'));
    expect(associateStream('a', 'b-c')).not.toBe(associateStream('a-b', 'c'));
    expect(entrepreneurStream('alpes', 'sud-e-2024-001')).not.toBe(entrepreneurStream('alpes-sud', 'e-2024-001'));
  });

  it('two different (kind, ids) never share a stream name, whatever the ids contain', () => {
    fc.assert(
      fc.property(stream, stream, (x, y) => {
        const same = x.kind === y.kind && x.ids.join('\u0000') === y.ids.join('\u0000');
        return same === (x.name === y.name);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses to build a stream from an id validation would not let through', () => {
    expect(() => entrepreneurStream('a', 'b/c')).toThrow('Not an identifier');
    expect(() => caeStream('')).toThrow('Not an identifier');
  });
});
