import { basename, dirname, join } from 'node:path';
import type { SpecialKind } from '../../fs/read.js';
import { KIND, readFailureWords } from '../../fs/report.js';
import { realPath, shownPath } from '../../fs/root.js';
import {
  compareDiagnostics,
  formatCount,
  MAX_PER_RULE,
  type Diagnostic,
  type MessageLang,
  type TemplateData,
} from '../diagnostic.js';
import { Collector, defineRule } from '../rule.js';

/** What a folder walk or a glob did not read, and why: nothing is skipped silently. */
const skippedPath = defineRule({
  id: 'skipped-path',
  severity: 'warning',
  description: {
    et: 'Kausta või mustri läbimisel jäeti tee vahele: sümbolviide hoidlast välja, katkine või ringviide, erifail (nimega toru, seade), loetamatu kaust; või käsureal nimetatud tee, mille seadistuse `ignore` välistab.',
    en: 'A path was skipped while walking a folder or expanding a glob: a symbolic link out of the repository, a broken or looping link, a special file (a named pipe, a device), an unreadable folder; or a path named on the command line that the `ignore` of a config excludes.',
  },
  messages: {
    linkOutside: {
      et: 'Sümbolviide viitab hoidlast välja ({target}): seda ei loeta.',
      en: 'The symbolic link points outside the repository ({target}): it is not read.',
    },
    brokenLink: {
      et: 'Sümbolviide ei vii ühegi failini (katkine või ringviide): see jäeti vahele.',
      en: 'The symbolic link leads to no file (broken or a loop): it was skipped.',
    },
    notFile: {
      et: 'See ei ole tavaline fail, vaid {kind}: see jäeti vahele.',
      en: 'This is not a regular file but {kind}: it was skipped.',
    },
    more: {
      et: 'Vahele jäeti veel {count, plural, one {# tee} other {# teed}} (näidatud on esimesed {shown}).',
      en: '{count, plural, one {# more path was} other {# more paths were}} skipped (the first {shown} are shown).',
    },
    ignored: {
      et: 'Tee vastab mustrile „{pattern}“ ({config} võti `ignore`): seda ei loeta, kuigi see on käsureal nimetatud.',
      en: 'The path matches the pattern “{pattern}” ({config}, key `ignore`): it is not read, though named on the command line.',
    },
    unreadableFolder: {
      et: 'Kausta ei saa lugeda ({detail}): selle failid jäid kontrollimata.',
      en: 'The folder cannot be read ({detail}): its files were not checked.',
    },
  },
});

export default skippedPath;

type SkipId = Exclude<keyof typeof skippedPath.messages, 'more'>;

/**
 * The rule's logic: what a folder walk or a glob (project/discover.ts, which finds the paths)
 * skipped, as warnings on the skipped path, one per real place, with the total bounded.
 */
export class SkippedPaths {
  private readonly collector: Collector;
  private readonly seen = new Set<string>();
  constructor(
    private readonly lang: MessageLang,
    private readonly cwd: string,
  ) {
    this.collector = new Collector(lang, '');
  }

  private once(path: string, id: SkipId, data: TemplateData): void {
    // one report per real place, however many link paths lead to it
    const key = join(realPath(dirname(path)) ?? dirname(path), basename(path));
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.collector.report(skippedPath, id, data, undefined, shownPath(path, this.cwd));
  }

  /** A symbolic link whose real path is outside the repository. */
  outside(link: string, target: string): void {
    this.once(link, 'linkOutside', { target });
  }
  /** Not a regular file (a named pipe, a device …). */
  special(path: string, kind: SpecialKind): void {
    this.once(path, 'notFile', { kind_et: KIND[kind].et, kind_en: KIND[kind].en });
  }
  /** A link that leads to no file (broken, or a loop). */
  broken(link: string): void {
    this.once(link, 'brokenLink', {});
  }
  /** A file or folder named on the command line that a config's `ignore:` excludes. */
  ignored(path: string, by: { pattern: string; config: string }): void {
    this.once(path, 'ignored', { pattern: by.pattern, config: by.config });
  }
  /** A folder that cannot be read. */
  unreadable(folder: string, e: unknown): void {
    const code = (e as NodeJS.ErrnoException).code;
    const denied = code === 'EACCES' || code === 'EPERM';
    const why = readFailureWords(denied ? { reason: 'denied' } : { reason: 'io', code: code ?? 'EIO' }, 0);
    this.once(folder, 'unreadableFolder', { detail_et: why.et, detail_en: why.en });
  }

  /** Every skipped path so far. */
  get diagnostics(): Diagnostic[] {
    return this.collector.diagnostics;
  }

  /**
   * Each skipped path is its own "file", so the cap per file and rule does not bound them: the
   * first MAX_PER_RULE, then one more line that counts the rest.
   */
  capped(): Diagnostic[] {
    const sorted = [...this.diagnostics].sort(compareDiagnostics);
    const out = sorted.slice(0, MAX_PER_RULE);
    const omitted = sorted.length - MAX_PER_RULE;
    if (omitted > 0) {
      const more = new Collector(this.lang, '.');
      const data = { count: formatCount(omitted, this.lang), shown: MAX_PER_RULE };
      more.report(skippedPath, 'more', data, undefined);
      // the counting line stands for the omitted warnings (totals and --max-warnings count them)
      out.push({ ...more.diagnostics[0]!, severity: sorted[MAX_PER_RULE]!.severity, omitted });
    }
    return out;
  }
}
