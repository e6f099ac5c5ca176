/**
 * A CommonJS package loaded on first use instead of with the module that uses it: a warm
 * `check --cache` of 1,000 files needs neither yaml (~30 ms to load) nor picomatch (only for an
 * `ignore:` list) nor picocolors (only on a terminal). `require` gives the very module `import`
 * would: these packages ship CommonJS for Node.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A function giving the package `id`, loaded on its first call. */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(id) as T);
}
