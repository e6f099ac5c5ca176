/**
 * The README's set-up names exactly the Debian packages .ci/run installs, so a developer who follows
 * it can run every suite.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

describe('README and .ci/run', () => {
  it('list the same Debian packages', () => {
    const array = /^packages=\(([^)]*)\)/m.exec(read('.ci/run'))?.[1];
    expect(array).toBeDefined();
    const ci = array!.split(/\s+/).filter(Boolean);
    const line = read('README.md')
      .split('\n')
      .find((l) => l.startsWith('sudo apt-get install --no-install-recommends '));
    expect(line).toBeDefined();
    const readme = line!.split(/\s+/).slice(4);
    expect(ci.length).toBeGreaterThan(5);
    expect(readme).toEqual(ci);
  });
});
