import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';

/** Projections are pure: they and their specs import libs/domain and projections/ only. */
const ROOT = __dirname;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });

describe('layering of projections/', () => {
  it('imports nothing but libs/domain and projections/ itself (node built-ins aside, in this spec)', () => {
    const domain = resolve(ROOT, '..', 'libs', 'domain');
    const offending = filesUnder(ROOT)
      .flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)]
          .map((m) => m[1]!)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => resolve(file, '..', spec))
          .filter((target) => !target.startsWith(ROOT) && target !== domain && !target.startsWith(domain + '/'))
          .map((target) => `${relative(ROOT, file)} → ${relative(ROOT, target)}`),
      );
    expect(offending).toEqual([]);
  });
});
