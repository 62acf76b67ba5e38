import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';

/**
 * libs/audit is pure: its code imports libs/domain, the projected event's type (projections/projection.ts), the
 * canonical JSON of the hash chain, node:crypto, and itself; its specs and testing/ may also take the example story's events.
 */
const ROOT = __dirname;
const ALLOWED = ['libs/domain', 'projections/projection.ts', 'libs/event-store/src/canonical-json.ts'].map((p) => resolve(ROOT, '..', '..', p));
const FOR_SPECS = ['projections/testing/events.ts'].map((p) => resolve(ROOT, '..', '..', p));

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });

const within = (target: string, allowed: string) => target === allowed || target === allowed.replace(/\.ts$/, '') || target.startsWith(allowed + '/');

describe('layering of libs/audit', () => {
  it('imports nothing but libs/domain, the projected event type, canonical JSON and node built-ins', () => {
    const offending = filesUnder(ROOT)
      .filter((file) => file !== __filename)
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
          .map((m) => m[1]!)
          .filter((spec) => !spec.startsWith('node:') || spec !== 'node:crypto')
          .map((spec) => (spec.startsWith('.') ? resolve(file, '..', spec) : spec))
          .filter((target) => !target.startsWith(ROOT + '/') && target !== ROOT)
          .filter((target) => !ALLOWED.some((allowed) => within(target, allowed)))
          .filter((target) => !((file.endsWith('.spec.ts') || file.includes('/src/testing/')) && FOR_SPECS.some((allowed) => within(target, allowed))))
          .map((target) => `${relative(ROOT, file)} → ${target.startsWith('/') ? relative(ROOT, target) : target}`),
      );
    expect(offending).toEqual([]);
  });
});
