/**
 * The yaml package, loaded the first time something is parsed or located, not with the modules
 * that use it: loading it takes ~30 ms, a tenth of a warm `check --cache` of 1,000 files, which
 * parses no YAML at all when its configs are known (project/check-cache.ts). yaml ships CommonJS
 * for Node (its "exports" condition "node"), so `require` gives the very module `import` would.
 */
import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

const require = createRequire(import.meta.url);
let loaded: Yaml | undefined;

/** The yaml package (loaded on the first call). */
export function yaml(): Yaml {
  return (loaded ??= require('yaml') as Yaml);
}
