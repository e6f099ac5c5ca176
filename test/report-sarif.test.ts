/**
 * `check --format sarif` on the real CLI. The official SARIF 2.1.0 JSON Schema is not available
 * offline, so the log is validated against a transcription of the parts of it this reporter uses
 * (same required properties, enums and minimums, and additionalProperties: false as in the official
 * schema, so a misspelt property fails), plus the cross-references a schema cannot express.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { SARIF_SCHEMA } from '../src/report/sarif.js';
import { RULES } from '../src/validate/rules/index.js';
import { cli, EXAMPLES, ROOT, tempTree } from './cli.js';

const reference = readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8');
const config = readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8');
const catalogue = readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const closed = (properties: object, required: string[] = []): object => ({
  type: 'object',
  additionalProperties: false,
  properties,
  ...(required.length ? { required } : {}),
});
const message = closed({ text: { type: 'string' }, markdown: { type: 'string' } }, ['text']);
const level = { enum: ['none', 'note', 'warning', 'error'] };
const positive = { type: 'integer', minimum: 1 };

/** The subset of sarif-schema-2.1.0.json that the reporter's output touches. */
const SARIF_SUBSET = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  ...closed(
    {
      $schema: { type: 'string', format: 'uri' },
      version: { enum: ['2.1.0'] },
      runs: {
        type: 'array',
        minItems: 1,
        items: closed(
          {
            tool: closed(
              {
                driver: closed(
                  {
                    name: { type: 'string' },
                    version: { type: 'string' },
                    semanticVersion: { type: 'string' },
                    informationUri: { type: 'string', format: 'uri' },
                    rules: {
                      type: 'array',
                      uniqueItems: true,
                      items: closed(
                        {
                          id: { type: 'string' },
                          name: { type: 'string' },
                          shortDescription: message,
                          fullDescription: message,
                          help: message,
                          defaultConfiguration: closed({ level, enabled: { type: 'boolean' } }),
                        },
                        ['id'],
                      ),
                    },
                  },
                  ['name'],
                ),
              },
              ['driver'],
            ),
            columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
            results: {
              type: 'array',
              items: closed(
                {
                  ruleId: { type: 'string' },
                  ruleIndex: { type: 'integer', minimum: -1 },
                  level,
                  message,
                  locations: {
                    type: 'array',
                    items: closed({
                      physicalLocation: closed(
                        {
                          artifactLocation: closed({
                            uri: { type: 'string', format: 'uri-reference' },
                            uriBaseId: { type: 'string' },
                          }),
                          region: closed({
                            startLine: positive,
                            startColumn: positive,
                            endLine: positive,
                            endColumn: positive,
                          }),
                        },
                        ['artifactLocation'],
                      ),
                    }),
                  },
                },
                ['message'],
              ),
            },
          },
          ['tool'],
        ),
      },
    },
    ['version', 'runs'],
  ),
};

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: {
          id: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string };
          defaultConfiguration: { level: string };
        }[];
      };
    };
    columnKind: string;
    results: SarifResult[];
  }[];
}
interface JsonRow {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const validateSubset = ajv.compile(SARIF_SUBSET);

/** Parses and validates a log: the schema subset, then what the schema cannot say. */
function parseSarif(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  expect(validateSubset(log), JSON.stringify(validateSubset.errors, null, 2)).toBe(true);
  const run = log.runs[0]!;
  for (const r of run.results) {
    if (r.ruleIndex !== undefined) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    for (const { physicalLocation: p } of r.locations) {
      expect(p.region.endLine).toBeGreaterThanOrEqual(p.region.startLine);
      if (p.region.endLine === p.region.startLine)
        expect(p.region.endColumn).toBeGreaterThanOrEqual(p.region.startColumn);
    }
  }
  return log;
}

const repo = (extra: Record<string, string>, configText = config): string =>
  tempTree({ 'ametijuhend.config.yaml': configText, 'competencies.yaml': catalogue, ...extra });

describe('check --format sarif', () => {
  it('a SARIF 2.1.0 log: one run, every rule with both languages, a result per problem', () => {
    const dir = repo({
      'ok.md': reference,
      // a file name that is not an id needs an id of its own (invalid-value)
      'sub dir/x,y.md': reference
        .replace('title: Ekspert', 'id: x-y\ntitle: Ekspert')
        .replace('## Vastutus', '## Vastutuss'),
      'w.md': reference.replace('Töötajal on õigus:', 'Töötajal on <b>õigus</b>:'),
    });
    const r = cli(['check', '--format', 'sarif', '--lang', 'en'], dir);
    expect(r.code).toBe(1);
    const log = parseSarif(r.stdout);
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('ametijuhend');
    expect(run.tool.driver.version).toBe(VERSION);
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(RULES.map((x) => x.id));
    RULES.forEach((rule, i) => {
      expect(run.tool.driver.rules[i]).toEqual({
        id: rule.id,
        name: expect.stringMatching(/^[A-Z][A-Za-z0-9]*$/),
        shortDescription: { text: rule.description.en },
        fullDescription: { text: `${rule.description.en} / ${rule.description.et}` },
        help: {
          text: `${rule.description.en}\n\n${rule.description.et}`,
          markdown: `${rule.description.en}\n\n*${rule.description.et}*`,
        },
        defaultConfiguration: { level: rule.severity },
      });
    });
    // the same problems as the json reporter, one result each, in the same order
    const rows = JSON.parse(cli(['check', '--format', 'json', '--lang', 'en'], dir).stdout) as JsonRow[];
    expect(rows.map((d) => d.rule)).toEqual(['unknown-section', 'raw-html', 'raw-html']);
    const uri = (file: string): string => (file === 'sub dir/x,y.md' ? 'sub%20dir/x%2Cy.md' : file);
    expect(run.results).toEqual(
      rows.map((d) => ({
        ruleId: d.rule,
        ruleIndex: RULES.findIndex((x) => x.id === d.rule),
        level: d.severity,
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: uri(d.file), uriBaseId: '%SRCROOT%' },
              region: {
                startLine: d.line,
                startColumn: d.column,
                endLine: d.endLine,
                endColumn: d.endColumn,
              },
            },
          },
        ],
      })),
    );
    expect(run.results[0]!.level).toBe('error');
    expect(run.results[0]!.message.text).toMatch(/^Unknown section "Vastutuss"\. Did you mean "Vastutus"/);
    expect(run.results[1]!.level).toBe('warning');
    expect(run.results[1]!.locations[0]!.physicalLocation.region).toMatchObject({ startColumn: 13 });
  });

  it('a clean folder has no results and exits 0; messages follow --lang', () => {
    const dir = repo({ 'a.md': reference });
    const r = cli(['check', '--format', 'sarif'], dir);
    expect(r.code).toBe(0);
    expect(parseSarif(r.stdout).runs[0]!.results).toEqual([]);
    const et = parseSarif(
      cli(
        ['check', '--format', 'sarif', '--lang', 'et'],
        repo({ 'a.md': reference.replace('level: B1', 'level: C3') }),
      ).stdout,
    );
    expect(et.runs[0]!.results[0]!.message.text).toContain('„C3“');
  });

  it('a severity the config sets is the result level; the rule keeps its default level', () => {
    const dir = repo(
      { 'w.md': reference.replace('Töötajal on õigus:', 'Töötajal on <b>õigus</b>:') },
      `${config}  raw-html: error\n`,
    );
    const r = cli(['check', '--format', 'sarif'], dir);
    expect(r.code).toBe(1);
    const run = parseSarif(r.stdout).runs[0]!;
    expect(run.results.map((x) => [x.ruleId, x.level])).toEqual([
      ['raw-html', 'error'],
      ['raw-html', 'error'],
    ]);
    const rule = run.tool.driver.rules.find((x) => x.id === 'raw-html')!;
    expect(rule.defaultConfiguration.level).toBe('warning');
  });

  it('a file outside the current folder is a file: URI without a base', () => {
    const dir = repo({ 'bad.md': reference.replace('level: B1', 'level: C3') });
    const elsewhere = tempTree({});
    const r = cli(['check', join(dir, 'bad.md'), '--format', 'sarif'], elsewhere);
    expect(r.code).toBe(1);
    const location = parseSarif(r.stdout).runs[0]!.results[0]!.locations[0]!.physicalLocation;
    expect(location.artifactLocation).toEqual({ uri: pathToFileURL(join(dir, 'bad.md')).href });
  });

  it('the schema subset rejects what the official schema rejects', () => {
    const good = parseSarif(cli(['check', '--format', 'sarif'], repo({ 'a.md': reference })).stdout);
    const bad = (mutate: (log: SarifLog & Record<string, unknown>) => void): boolean => {
      const copy = structuredClone(good) as SarifLog & Record<string, unknown>;
      mutate(copy);
      return validateSubset(copy);
    };
    expect(bad(() => {})).toBe(true);
    expect(bad((l) => (l.version = '2.0.0'))).toBe(false);
    expect(bad((l) => (l.runs[0]!.tool.driver.rules[0]!.defaultConfiguration.level = 'fatal'))).toBe(false);
    expect(bad((l) => ((l.runs[0]!.tool.driver as Record<string, unknown>).rulez = []))).toBe(false);
  });
});
