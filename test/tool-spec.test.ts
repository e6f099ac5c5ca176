import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolDependency, ToolSpecError } from '../src/project/tool-spec.js';
import { VERSION } from '../src/util/version.js';
import { tempProject } from './helpers.js';

describe('init --tool-spec → devDependencies.ametijuhend', () => {
  const base = tempProject({});
  const repo = join(base, 'docs');
  mkdirSync(join(repo, 'vendor'), { recursive: true });
  writeFileSync(join(repo, 'vendor', 'ametijuhend-1.0.0.tgz'), '');
  mkdirSync(join(base, 'tool'));

  it('the registry by default, and ranges, tags and ametijuhend@… as the range', () => {
    expect(toolDependency(undefined, repo, base)).toEqual({ value: `^${VERSION}` });
    expect(toolDependency('ametijuhend', repo, base)).toEqual({ value: `^${VERSION}` });
    expect(toolDependency('ametijuhend@^0.2.0', repo, base)).toEqual({ value: '^0.2.0' });
    expect(toolDependency('ametijuhend@latest', repo, base)).toEqual({ value: 'latest' });
    expect(toolDependency('0.2.1', repo, base)).toEqual({ value: '0.2.1' });
  });

  it('a local tarball or folder: file: and a path relative to the repo, flagged when CI cannot have it', () => {
    expect(toolDependency('docs/vendor/ametijuhend-1.0.0.tgz', repo, base)).toEqual({
      value: 'file:vendor/ametijuhend-1.0.0.tgz',
      local: join(repo, 'vendor', 'ametijuhend-1.0.0.tgz'),
    });
    expect(toolDependency(`file:${join(base, 'tool')}`, repo, base)).toEqual({
      value: 'file:../tool',
      local: join(base, 'tool'),
      outside: true,
    });
    expect(toolDependency('./nowhere.tgz', repo, base)).toMatchObject({
      value: 'file:../nowhere.tgz',
      outside: true,
      missing: true,
    });
  });

  it('git URLs, host shorthands and tarball URLs as given; another package is an error', () => {
    for (const spec of [
      'git+https://example.org/a/ametijuhend.git#v1',
      'git+ssh://git@example.org/a/ametijuhend.git',
      'git@github.com:a/ametijuhend.git',
      'github:a/ametijuhend',
      'a/ametijuhend#main',
      'https://example.org/ametijuhend-1.0.0.tgz',
      'npm:@asutus/ametijuhend@^1',
    ])
      expect(toolDependency(spec, repo, base)).toEqual({ value: spec });
    expect(() => toolDependency('left-pad@1.0.0', repo, base)).toThrow(ToolSpecError);
    expect(() => toolDependency('ametijuhend@not a range!', repo, base)).toThrow(ToolSpecError);
  });
});
