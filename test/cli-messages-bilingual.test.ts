/**
 * Messages a user reads outside the diagnostics (usage errors, failures, help) are in English and
 * Estonian, like every other message.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, EXAMPLES, tempTree } from './cli.js';

describe('usage errors of paths', () => {
  it('say in both languages that a path or a glob finds nothing', () => {
    const dir = tempTree({ 'docs/a.txt': 'x' });
    const missing = cli(['check', 'puudub'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'no such file or folder: puudub / sellist faili ega kausta pole: puudub',
    );
    const glob = cli(['check', 'docs/*.md'], dir);
    expect(glob.code).toBe(2);
    expect(glob.stderr).toContain('no files match "docs/*.md" / mustrile „docs/*.md“ ei vasta ühtegi faili');
  });
});

describe('build --help', () => {
  it('describes --jobs and its cap in both languages', () => {
    const help = cli(['build', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('worker threads (default: one per core, at most 4; at most one per core)');
    expect(help).toContain('lõimede arv (vaikimisi üks tuuma kohta, kuni 4; kunagi rohkem kui tuumi)');
  });
});

/** The locale a run's language falls back to (no --lang, no config in a temporary folder). */
const LOCALE = { et: { LC_ALL: 'et_EE.UTF-8' }, en: { LC_ALL: 'en_US.UTF-8' } } as const;

/** The first line commander's usage error leaves on stderr, and the exit status. */
function usage(args: string[], lang: 'et' | 'en', cwd: string): { code: number; first: string; all: string } {
  const r = cli(args, cwd, LOCALE[lang]);
  return { code: r.code, first: r.stderr.split('\n')[0]!, all: r.stderr };
}

describe("commander's usage errors, by error code, in the user's language", () => {
  const dir = tempTree({ 'a.md': '' });
  // [error code, arguments, English (commander's own wording), Estonian]
  const cases: [string, string[], string, string][] = [
    [
      'commander.unknownOption',
      ['check', '--nope'],
      "error: unknown option '--nope'",
      'viga: tundmatu võti „--nope“',
    ],
    [
      'commander.unknownCommand',
      ['frobnicate'],
      "error: unknown command 'frobnicate'",
      'viga: tundmatu käsk „frobnicate“',
    ],
    [
      'commander.optionMissingArgument',
      ['build', '--out-dir'],
      "error: option '-o, --out-dir <dir>' argument missing",
      'viga: võtmel „-o, --out-dir <dir>“ puudub väärtus',
    ],
    [
      'commander.excessArguments',
      ['init', 'a', 'b', 'c'],
      "error: too many arguments for 'init'. Expected 1 argument but got 3.",
      'viga: liiga palju argumente käsule „init“: oodati 1, anti 3.',
    ],
    [
      'commander.invalidArgument (choices)',
      ['check', '--format', 'xml'],
      "error: option '-f, --format <reporter>' argument 'xml' is invalid. Allowed choices are stylish, json, github, sarif, junit.",
      'viga: võtme „-f, --format <reporter>“ väärtus „xml“ ei sobi. Lubatud on stylish, json, github, sarif, junit.',
    ],
    [
      'commander.invalidArgument (our parser)',
      ['check', '--max-warnings', 'many'],
      "error: option '--max-warnings <n>' argument 'many' is invalid. expected a whole number",
      'viga: võtme „--max-warnings <n>“ väärtus „many“ ei sobi. oodati täisarvu',
    ],
  ];
  it.each(cases)('%s', (_code, args, en, et) => {
    const english = usage(args, 'en', dir);
    expect(english.code).toBe(2);
    expect(english.first).toBe(en);
    // the command's help follows, its headings in the same language
    expect(english.all).toMatch(/\n\nUsage: ametijuhend/);
    expect(english.all).toContain('\nOptions:\n');
    const estonian = usage(args, 'et', dir);
    expect(estonian.code).toBe(2);
    expect(estonian.first).toBe(et);
    expect(estonian.all).toMatch(/\n\nKasutus: ametijuhend/);
    expect(estonian.all).toContain('\nVõtmed:\n');
    expect(estonian.all).not.toContain('Options:');
  });

  it("a suggestion is in the user's language too", () => {
    expect(usage(['check', '--formt'], 'et', dir).all).toContain(
      'viga: tundmatu võti „--formt“\n(Kas mõtlesid --format?)\n',
    );
    expect(usage(['check', '--formt'], 'en', dir).all).toContain(
      "error: unknown option '--formt'\n(Did you mean --format?)\n",
    );
  });

  it('--lang decides over the locale, also when the error comes before it', () => {
    expect(usage(['check', '--nope', '--lang', 'en'], 'et', dir).first).toBe(
      "error: unknown option '--nope'",
    );
    expect(usage(['check', '--nope', '--lang=et'], 'en', dir).first).toBe('viga: tundmatu võti „--nope“');
    // a wrong --lang is reported in the language the run would talk in otherwise
    expect(usage(['check', '--lang', 'xx'], 'et', dir).first).toBe(
      'viga: võtme „--lang <lang>“ väärtus „xx“ ei sobi. kasuta „et“ või „en“',
    );
    expect(usage(['check', '--lang', 'xx'], 'en', dir).first).toBe(
      'error: option \'--lang <lang>\' argument \'xx\' is invalid. use "et" or "en"',
    );
  });

  it("the config's language decides over the locale", () => {
    const repo = tempTree({ 'ametijuhend.config.yaml': 'lang: en\n' });
    expect(usage(['check', '--nope'], 'et', repo).first).toBe("error: unknown option '--nope'");
  });
});

describe('help', () => {
  it("has its headings in the user's language and its descriptions in both", () => {
    const dir = tempTree({});
    const et = cli(['build', '--help'], dir, LOCALE.et);
    expect(et.code).toBe(0);
    expect(et.stdout).toMatch(/^Kasutus: ametijuhend build \[options\] \[paths\.\.\.\]\n/);
    expect(et.stdout).toContain('\nArgumendid:\n');
    expect(et.stdout).toContain('\nVõtmed:\n');
    expect(et.stdout).toContain('display help for command / näita abi');
    const en = cli(['--help'], dir, LOCALE.en);
    expect(en.stdout).toMatch(/^Usage: ametijuhend \[options\] \[command\]\n/);
    expect(en.stdout).toContain('\nCommands:\n');
    expect(cli(['--help'], dir, LOCALE.et).stdout).toContain('\nKäsud:\n');
    expect(en.stdout).toContain('output the version number / näita versiooni');
  });
});

describe('messages of the commands', () => {
  it('the list of rules speaks the user’s language', () => {
    const dir = tempTree({});
    const et = cli(['rules', '--lang', 'et'], dir);
    expect(et.stdout).toMatch(/^unreadable-file +viga {5}/m);
    expect(et.stdout).toMatch(/^skipped-path +hoiatus {2}/m);
    const en = cli(['rules', '--lang', 'en'], dir);
    expect(en.stdout).toMatch(/^unreadable-file +error {4}/m);
    expect(en.stdout).toMatch(/^skipped-path +warning {2}/m);
  });

  it('usage errors of our own stay in both languages, English first', () => {
    const dir = tempTree({ 'a.md': '' });
    expect(cli(['build', '--format', 'odt'], dir).stderr).toBe(
      'ametijuhend: unknown format "odt": use pdf, html, docx / tundmatu vorming „odt“\n',
    );
    expect(cli(['build', '--watch', '--roster', 'r.csv'], dir).stderr).toBe(
      'ametijuhend: --watch and --roster do not go together / ei sobi kokku\n',
    );
    expect(cli(['check', '--changed-since', 'HEAD'], dir).stderr).toContain(
      `--changed-since needs a git repository: `,
    );
  });

  it('summaries count in the form the number asks for: "1 ametijuhend (1 fail)", "1 description (1 file)"', () => {
    const dir = tempTree({
      'ametijuhend.config.yaml': readFileSync(join(EXAMPLES, 'ametijuhend.config.yaml'), 'utf8'),
      'competencies.yaml': readFileSync(join(EXAMPLES, 'competencies.yaml'), 'utf8'),
      'ekspert.md': readFileSync(join(EXAMPLES, 'ekspert-kriisiabi.md'), 'utf8'),
    });
    const et = cli(['build', '.', '--format', 'html', '-o', 'out', '--lang', 'et'], dir);
    expect(et.code).toBe(0);
    expect(et.stderr).toMatch(/^Koostatud 1 ametijuhend \(1 fail\), ebaõnnestus 0, aeg \d+,\d s/m);
    const en = cli(['build', '.', '--format', 'html,pdf', '-o', 'out', '--lang', 'en', '--force'], dir);
    expect(en.stderr).toMatch(/^Built 1 description \(2 files\), 0 failed, in \d+\.\d s/m);
    expect(cli(['check', '--lang', 'et'], dir).stdout).toBe('✔ 1 fail kontrollitud, probleeme pole.\n');
    expect(cli(['status', '--lang', 'et'], dir).stdout.trimEnd().split('\n').at(-1)).toBe('1 ametijuhend');
  });
});
