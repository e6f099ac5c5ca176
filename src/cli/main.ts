/**
 * The command line: thin commander commands over the library. Exit status: 0 no errors,
 * 1 errors in the inputs (or too many warnings), 2 usage error or internal failure.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { bilingual, message } from '../messages/index.js';
import { REPORTER_NAMES } from '../report/index.js';
import type { MessageLang } from '../validate/diagnostic.js';
import { tuneJit } from '../util/jit.js';
import { VERSION } from '../util/version.js';
import { uiLang } from './ui.js';
import { helpConfiguration, localiseErrors } from './usage.js';

// each command's module is loaded when it runs: `check` never loads the build, the pool or init
const commands = {
  build: () => import('./commands/build.js'),
  check: () => import('./commands/check.js'),
  diff: () => import('./commands/diff.js'),
  import: () => import('./commands/import.js'),
  info: () => import('./commands/info.js'),
  init: () => import('./commands/init.js'),
  lsp: () => import('./commands/lsp.js'),
  preview: () => import('./commands/preview.js'),
  status: () => import('./commands/status.js'),
  verify: () => import('./commands/verify.js'),
};

export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** The language the CLI talks in, found when first needed (a run without errors or help never needs it). */
export type LangOf = () => MessageLang;

/** Parses --lang; a wrong value is reported in the language the CLI talks in otherwise. */
export function langParser(lang: LangOf): (value: string) => MessageLang {
  return (value) => {
    if (value !== 'et' && value !== 'en')
      throw new InvalidArgumentError(message('cli.usage.useEtOrEn', lang()));
    return value;
  };
}

/** Parses a whole number (--max-warnings, --jobs); a wrong value is reported in `lang`. */
export function countParser(lang: LangOf): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(message('cli.usage.wholeNumber', lang()));
    return Number(value);
  };
}

/** The value of a valid --lang among the arguments, if any (before commander has parsed them). */
export function argvLang(argv: readonly string[]): MessageLang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const value =
      argv[i] === '--lang' ? argv[i + 1] : argv[i]!.startsWith('--lang=') ? argv[i]!.slice(7) : undefined;
    if (value === 'et' || value === 'en') return value;
  }
  return undefined;
}

/** What the commands' options share: --lang, the count parser, the CLI's language. */
interface CommandParts {
  langOption(): Option;
  parseCount(value: string): number;
  lang: LangOf;
}

function checkCommand(cmd: Command, p: CommandParts): void {
  cmd
    .command('check')
    .description(bilingual('cli.help.check'))
    .argument('[paths...]', bilingual('cli.help.paths'))
    .addOption(
      new Option('-f, --format <reporter>', bilingual('cli.help.checkFormat'))
        .choices(REPORTER_NAMES)
        .default('stylish'),
    )
    .option('--max-warnings <n>', bilingual('cli.help.maxWarnings'), p.parseCount)
    .option('-q, --quiet', bilingual('cli.help.checkQuiet'))
    .option('--changed-since <ref>', bilingual('cli.help.changedSince'))
    .option('--cache', bilingual('cli.help.checkCache'))
    .addOption(p.langOption())
    .action(async (paths: string[], opts) => {
      process.exitCode = await (await commands.check()).runCheck(paths, opts);
    });
}
function buildCommand(cmd: Command, p: CommandParts): void {
  cmd
    .command('build')
    .description(bilingual('cli.help.build'))
    .argument('[paths...]', bilingual('cli.help.paths'))
    .option('--format <formats>', bilingual('cli.help.buildFormat'), 'pdf,html,docx')
    .option('-o, --out-dir <dir>', bilingual('cli.help.outDir'), 'dist')
    .addOption(
      new Option('--pdf-standard <standard>', bilingual('cli.help.pdfStandard'))
        .choices(['a-2a', 'a-2b', 'a-1b', 'none'])
        .default('a-2a'),
    )
    .option('-q, --quiet', bilingual('cli.help.buildQuiet'))
    .option('--force', bilingual('cli.help.force'))
    .option('-j, --jobs <n>', bilingual('cli.help.jobs'), p.parseCount)
    .option('--roster <csv>', bilingual('cli.help.roster'))
    .option('--asice', bilingual('cli.help.asice'))
    .option('--changes-since <ref>', bilingual('diff.help.changesSince'))
    .option('-w, --watch', bilingual('cli.help.watch'))
    .addOption(p.langOption())
    .action(async (paths: string[], opts) => {
      process.exitCode = await (await commands.build()).runBuild(paths, opts);
    });
}
function importCommand(cmd: Command, p: CommandParts): void {
  cmd
    .command('import')
    .description(bilingual('import.help.command'))
    .argument('<paths...>', bilingual('import.help.paths'))
    .option('-o, --out-dir <dir>', bilingual('import.help.outDir'))
    .option('--force', bilingual('import.help.force'))
    .addOption(new Option('--lang <lang>', bilingual('import.help.lang')).argParser(langParser(p.lang)))
    .option('-q, --quiet', bilingual('import.help.quiet'))
    .action(async (paths: string[], opts) => {
      process.exitCode = await (await commands.import()).runImport(paths, opts);
    });
}
function statusCommand(cmd: Command, p: CommandParts): void {
  cmd
    .command('status')
    .description(bilingual('cli.help.status'))
    .argument('[paths...]', bilingual('cli.help.paths'))
    .addOption(
      new Option('-f, --format <format>', bilingual('cli.help.statusFormat'))
        .choices(['table', 'json', 'csv'])
        .default('table'),
    )
    .option('--excel', bilingual('cli.help.statusExcel'))
    .addOption(
      new Option('--csv-separator <separator>', bilingual('cli.help.csvSeparator')).choices([
        'comma',
        'semicolon',
      ]),
    )
    .option('--signed <dir>', bilingual('verify.help.signed'))
    .addOption(p.langOption())
    .action(async (paths: string[], opts) => {
      process.exitCode = await (await commands.status()).runStatus(paths, opts);
    });
}
function verifyCommand(cmd: Command, p: CommandParts): void {
  cmd
    .command('verify')
    .description(bilingual('verify.help.command'))
    .argument('<files...>', bilingual('verify.help.files'))
    .option('--repo <dir>', bilingual('verify.help.repo'))
    .addOption(
      new Option('-f, --format <format>', bilingual('verify.help.format'))
        .choices(['text', 'json'])
        .default('text'),
    )
    .option('--show-codes', bilingual('verify.help.showCodes'))
    .addOption(
      new Option('--pdf-standard <standard>', bilingual('verify.help.pdfStandard')).choices([
        'a-2a',
        'a-2b',
        'a-1b',
        'none',
      ]),
    )
    .addOption(p.langOption())
    .action(async (files: string[], opts) => {
      process.exitCode = await (await commands.verify()).runVerify(files, opts);
    });
}
function initCommand(cmd: Command, p: CommandParts): void {
  cmd
    .command('init')
    .description(bilingual('cli.help.init'))
    .argument('[dir]', bilingual('cli.help.initDir'), '.')
    .option('--organisation <name>', bilingual('cli.help.organisation'))
    .addOption(new Option('--lang <lang>', bilingual('cli.help.initLang')).argParser(langParser(p.lang)))
    .option('--tool-spec <spec>', bilingual('project.init.helpToolSpec', { version: VERSION }))
    .action(async (dir: string, opts) => {
      process.exitCode = (await commands.init()).runInit(dir, opts);
    });
}
function diffCommand(cmd: Command, p: CommandParts): void {
  cmd
    .command('diff')
    .description(bilingual('diff.help.command'))
    .argument('<paths...>', bilingual('diff.help.paths'))
    .option('--since <ref>', bilingual('diff.help.since'))
    .addOption(
      new Option('-f, --format <format>', bilingual('diff.help.format'))
        .choices(['text', 'html', 'pdf', 'json'])
        .default('text'),
    )
    .option('-o, --output <file>', bilingual('diff.help.output'))
    .addOption(new Option('--lang <lang>', bilingual('diff.help.lang')).argParser(langParser(p.lang)))
    .action(async (paths: string[], opts) => {
      process.exitCode = await (await commands.diff()).runDiff(paths, opts);
    });
}
function previewCommand(cmd: Command, p: CommandParts): void {
  cmd
    .command('preview')
    .description(bilingual('preview.help.command'))
    .argument('[paths...]', bilingual('preview.help.paths'))
    .option('-p, --port <port>', bilingual('preview.help.port'), p.parseCount)
    .option('--host <host>', bilingual('preview.help.host'))
    .option('--open', bilingual('preview.help.open'))
    .addOption(new Option('--lang <lang>', bilingual('preview.help.lang')).argParser(langParser(p.lang)))
    .action(async (paths: string[], opts) => {
      process.exitCode = await (await commands.preview()).runPreview(paths, opts);
    });
}
function lspCommand(cmd: Command): void {
  cmd
    .command('lsp')
    .description(bilingual('lsp.help.command'))
    .option('--stdio', bilingual('lsp.help.stdio'))
    .action(async (opts) => {
      process.exitCode = await (await commands.lsp()).runLsp(opts);
    });
}
function schemaCommand(cmd: Command): void {
  cmd
    .command('schema')
    .description(bilingual('cli.help.schema'))
    .option('--config', bilingual('cli.help.schemaConfig'))
    .action(async (opts: { config?: boolean }) => {
      process.exitCode = (await commands.info()).runSchema(opts);
    });
}
function rulesCommand(cmd: Command, p: CommandParts): void {
  cmd
    .command('rules')
    .description(bilingual('cli.help.rules'))
    .addOption(p.langOption())
    .action(async (opts: { lang?: 'et' | 'en' }) => {
      process.exitCode = (await commands.info()).runRules(opts);
    });
}

/**
 * The commands. Descriptions are in both languages; help headings, usage errors and the values'
 * errors in `lang` (the user's: --lang, else the config's, else the locale's).
 */
export function program(lang: LangOf = () => 'en'): Command {
  const langOption = (): Option =>
    new Option('--lang <lang>', bilingual('cli.help.lang')).argParser(langParser(lang));
  const parts: CommandParts = { langOption, parseCount: countParser(lang), lang };
  const cmd = new Command('ametijuhend')
    .description(`${message('cli.help.program', 'en')}\n${message('cli.help.program', 'et')}`)
    .version(VERSION, '-V, --version', bilingual('cli.help.version'))
    .helpOption('-h, --help', bilingual('cli.help.help'))
    .helpCommand('help [command]', bilingual('cli.help.help'))
    .configureHelp(helpConfiguration(lang));
  checkCommand(cmd, parts);
  buildCommand(cmd, parts);
  importCommand(cmd, parts);
  statusCommand(cmd, parts);
  verifyCommand(cmd, parts);
  diffCommand(cmd, parts);
  previewCommand(cmd, parts);
  lspCommand(cmd);
  initCommand(cmd, parts);
  schemaCommand(cmd);
  rulesCommand(cmd, parts);
  for (const command of [cmd, ...cmd.commands]) localiseErrors(command, lang);
  return cmd;
}

export async function main(argv: readonly string[]): Promise<number> {
  tuneJit();
  process.exitCode = undefined;
  // `ametijuhend check | head`: a closed pipe ends the output quietly
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    let lang: MessageLang | undefined;
    const langOf = (): MessageLang => (lang ??= argvLang(argv) ?? uiLang(undefined));
    await program(langOf).parseAsync([...argv]);
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
