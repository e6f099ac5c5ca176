/**
 * The yaml package, loaded the first time something is parsed or located, not with the modules
 * that use it: a warm `check --cache` parses no YAML at all when its configs are known
 * (project/check-cache.ts), and loading yaml is a tenth of its time.
 */
import { lazyRequire } from '../util/lazy-require.js';

/** The yaml package (loaded on the first call). */
export const yaml = lazyRequire<typeof import('yaml')>('yaml');
