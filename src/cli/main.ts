/**
 * The command line: thin commander commands over the library. Exit status: 0 no errors,
 * 1 errors in the inputs (or too many warnings), 2 usage error or internal failure.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { REPORTER_NAMES } from '../report/index.js';
import { VERSION } from '../util/version.js';
import { runBuild } from './commands/build.js';
import { runCheck } from './commands/check.js';
import { runRules, runSchema } from './commands/info.js';
import { runInit } from './commands/init.js';
import { runStatus } from './commands/status.js';

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

export function parseLang(value: string): 'et' | 'en' {
  if (value !== 'et' && value !== 'en')
    throw new InvalidArgumentError('use "et" or "en" / kasuta „et“ või „en“');
  return value;
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number / oodati täisarvu');
  return Number(value);
}

export const langOption = (): Option =>
  new Option(
    '--lang <lang>',
    'language of messages: et | en (default: the document’s or config’s) / teadete keel',
  ).argParser(parseLang);

export function program(): Command {
  const cmd = new Command('ametijuhend')
    .description(
      'Compile job descriptions (Markdown + YAML) into validated, ready-to-sign PDF, HTML and DOCX.\n' +
        'Koostab ametijuhendid (Markdown + YAML) kontrollitud, allkirjastamiseks valmis PDF-, HTML- ja DOCX-failideks.',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError()
    .exitOverride();
  cmd
    .command('check')
    .description('check descriptions and report every problem / kontrolli ametijuhendeid')
    .argument('[paths...]', 'files, folders or globs (default: .) / failid, kaustad või mustrid')
    .addOption(
      new Option('-f, --format <reporter>', 'output: stylish | json | github | sarif | junit / väljundi vorm')
        .choices(REPORTER_NAMES)
        .default('stylish'),
    )
    .option('--max-warnings <n>', 'fail when there are more warnings / lubatud hoiatuste arv', parseCount)
    .option('-q, --quiet', 'report errors only / näita ainult vigu')
    .option(
      '--changed-since <ref>',
      'only descriptions changed since a git ref, and those a changed config affects / ainult muudetud',
    )
    .option('--cache', 'reuse results of unchanged files (.ametijuhend-cache/) / kasuta vahemälu')
    .addOption(langOption())
    .action(async (paths: string[], opts) => {
      process.exitCode = await runCheck(paths, opts);
    });
  cmd
    .command('build')
    .description('build PDF, HTML and DOCX from descriptions / koosta PDF-, HTML- ja DOCX-failid')
    .argument('[paths...]', 'files, folders or globs (default: .) / failid, kaustad või mustrid')
    .option('--format <formats>', 'comma-separated: pdf,html,docx / vormingud komadega', 'pdf,html,docx')
    .option('-o, --out-dir <dir>', 'output folder / väljundkaust', 'dist')
    .addOption(
      new Option('--pdf-standard <standard>', 'PDF conformance / PDF-i standard')
        .choices(['a-2a', 'a-2b', 'a-1b', 'none'])
        .default('a-2a'),
    )
    .option('-q, --quiet', 'print only problems and the summary / näita ainult probleeme ja kokkuvõtet')
    .option(
      '--force',
      'ignore the build cache: compile and render everything / ära kasuta vahemälu, koosta kõik uuesti',
    )
    .option(
      '-j, --jobs <n>',
      'worker threads (default: one per core, at most 4; at most one per core) / ' +
        'lõimede arv (vaikimisi üks tuuma kohta, kuni 4; kunagi rohkem kui tuumi)',
      parseCount,
    )
    .option(
      '--roster <csv>',
      'one document per employee from an HR export (columns id, employee, employer, role) / isikustatud dokumendid',
    )
    .option('-w, --watch', 'keep running and rebuild what changes / jälgi muudatusi ja koosta uuesti')
    .addOption(langOption())
    .action(async (paths: string[], opts) => {
      process.exitCode = await runBuild(paths, opts);
    });
  cmd
    .command('status')
    .description(
      'list every description with its version, review dates and problems / ametijuhendite ülevaade',
    )
    .argument('[paths...]', 'files, folders or globs (default: .) / failid, kaustad või mustrid')
    .addOption(
      new Option('-f, --format <format>', 'output: table | json | csv / väljundi vorm')
        .choices(['table', 'json', 'csv'])
        .default('table'),
    )
    .addOption(langOption())
    .action(async (paths: string[], opts) => {
      process.exitCode = await runStatus(paths, opts);
    });
  cmd
    .command('init')
    .description('start a docs repository: config, catalogue, an example, CI / loo ametijuhendite hoidla')
    .argument('[dir]', 'target folder / sihtkaust', '.')
    .option('--organisation <name>', 'the organisation’s name / asutuse nimi')
    .addOption(
      new Option(
        '--lang <lang>',
        'language of the files and messages: et | en / failide ja teadete keel',
      ).argParser(parseLang),
    )
    .action((dir: string, opts) => {
      process.exitCode = runInit(dir, opts);
    });
  cmd
    .command('schema')
    .description('print the JSON Schema of the frontmatter (or the config) / trüki JSON-skeem')
    .option('--config', 'the schema of ametijuhend.config.yaml / seadistusfaili skeem')
    .action((opts: { config?: boolean }) => {
      process.exitCode = runSchema(opts);
    });
  cmd
    .command('rules')
    .description('list the rules with their ids and severities / reeglite loend')
    .addOption(langOption())
    .action((opts: { lang?: 'et' | 'en' }) => {
      process.exitCode = runRules(opts);
    });
  return cmd;
}

export async function main(argv: readonly string[]): Promise<number> {
  process.exitCode = undefined;
  // `ametijuhend check | head`: a closed pipe ends the output quietly
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    await program().parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with code 0; anything else is a usage error
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`ametijuhend: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.usage;
  }
}
