/**
 * Completion and hover in a description: frontmatter keys and values from the schema
 * (schemas/job-description.schema.json, through src/validate/schema.ts), CEFR levels, language
 * codes, the config's catalogue's competencies, and the body's section headings.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Hover,
} from 'vscode-languageserver';
import type { ResolvedConfig } from '../config/types.js';
import { SECTION_HEADINGS } from '../model/sections.js';
import { SECTION_KEYS } from '../model/types.js';
import { languageName } from '../util/languages.js';
import type { MessageLang } from '../validate/diagnostic.js';
import { CEFR_LEVELS, LEGACY_LEVELS } from '../validate/rules/language-level.js';
import { descriptionSchema } from '../validate/schema.js';
import { yamlScalar } from '../validate/util.js';
import { message } from '../messages/index.js';
import { cursorContext, ITEM, wordAt, type Segment } from './context.js';

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function deref(s: unknown): Schema | undefined {
  if (!isSchema(s)) return undefined;
  if (typeof s.$ref === 'string' && s.$ref.startsWith('#/$defs/')) {
    const defs = descriptionSchema.$defs as Record<string, unknown>;
    const target = deref(defs[s.$ref.slice('#/$defs/'.length)]);
    // a property's own description wins over its definition's
    return target
      ? { ...target, ...(typeof s.description === 'string' ? { description: s.description } : {}) }
      : undefined;
  }
  return s;
}

/** The schema at a path (`[]` = an item of the list). */
export function schemaAt(path: readonly Segment[]): Schema | undefined {
  let s: Schema | undefined = descriptionSchema;
  for (const seg of path) {
    if (!s) return undefined;
    if (seg === ITEM) s = deref(s.items);
    else s = deref(isSchema(s.properties) ? s.properties[seg] : undefined);
  }
  return s;
}

/** The schema description's half in `lang` ("eesti — English"), and the other half. */
export function helpText(
  s: Schema | undefined,
  lang: MessageLang,
): { main: string; other?: string } | undefined {
  if (!s || typeof s.description !== 'string') return undefined;
  const [et, en] = s.description.split(' — ').map((x) => x.trim());
  if (!en) return { main: et! };
  return lang === 'et' ? { main: et!, other: en } : { main: en, other: et! };
}

/** The ISO 639-1 codes the language-code rule accepts (a name in ICU), common ones first. */
let codes: string[] | undefined;
const COMMON = ['et', 'en', 'ru', 'fi', 'de', 'fr', 'sv', 'lv', 'lt', 'uk', 'es', 'it', 'pl', 'no', 'da'];
function languageCodes(): string[] {
  if (codes) return codes;
  const all: string[] = [];
  for (let a = 97; a <= 122; a++)
    for (let b = 97; b <= 122; b++) {
      const c = String.fromCharCode(a, b);
      const name = languageName(c, 'en');
      if (name && name !== c) all.push(c);
    }
  codes = [...COMMON.filter((c) => all.includes(c)), ...all.filter((c) => !COMMON.includes(c))];
  return codes;
}

const LEVEL_MEANING: Record<string, { et: string; en: string }> = {
  A1: { et: 'algtasemel keelekasutaja (A1)', en: 'basic user, breakthrough (A1)' },
  A2: { et: 'algtasemel keelekasutaja (A2)', en: 'basic user, waystage (A2)' },
  B1: {
    et: 'iseseisev keelekasutaja (B1; vana nimetus „algtase“)',
    en: 'independent user, threshold (B1; the old "algtase")',
  },
  B2: {
    et: 'iseseisev keelekasutaja (B2; vana nimetus „kesktase“)',
    en: 'independent user, vantage (B2; the old "kesktase")',
  },
  C1: {
    et: 'vilunud keelekasutaja (C1; vana nimetus „kõrgtase“)',
    en: 'proficient user, effective operational proficiency (C1; the old "kõrgtase")',
  },
  C2: { et: 'vilunud keelekasutaja (C2)', en: 'proficient user, mastery (C2)' },
};

export interface HelpContext {
  text: string;
  lang: MessageLang;
  config: ResolvedConfig;
}

/** The language to help in: the client's choice, else the document's `lang:`, else the config's, else Estonian. */
export function documentLang(
  text: string,
  config: ResolvedConfig | undefined,
  chosen?: MessageLang,
): MessageLang {
  if (chosen) return chosen;
  const m = /^lang:\s*["']?(et|en)["']?\s*(?:#.*)?$/m.exec(text.slice(0, 20_000));
  return (m?.[1] as MessageLang | undefined) ?? config?.lang ?? 'et';
}

function docs(
  help: { main: string; other?: string } | undefined,
): { kind: 'markdown'; value: string } | undefined {
  if (!help) return undefined;
  return { kind: MarkupKind.Markdown, value: help.other ? `${help.main}\n\n*${help.other}*` : help.main };
}

function competencyDoc(config: ResolvedConfig, name: string): string | undefined {
  const entry = config.catalogue?.entries.get(name);
  if (!entry) return undefined;
  return `**${name}**\n\n${entry.indicators.map((i) => `- ${i}`).join('\n')}`;
}

/** The section headings the body may use: the FORMAT's, the config's aliases and extra sections. */
function headings(config: ResolvedConfig, lang: MessageLang): { heading: string; key?: string }[] {
  const out: { heading: string; key?: string }[] = [];
  const seen = new Set<string>();
  const add = (heading: string, key?: string): void => {
    if (seen.has(heading)) return;
    seen.add(heading);
    out.push(key ? { heading, key } : { heading });
  };
  for (const key of SECTION_KEYS) {
    const names = SECTION_HEADINGS[key];
    for (const h of lang === 'et' ? names.et : names.en) add(h, key);
    for (const h of config.aliases[key] ?? []) add(h, key);
  }
  for (const key of SECTION_KEYS)
    for (const h of lang === 'et' ? SECTION_HEADINGS[key].en : SECTION_HEADINGS[key].et) add(h, key);
  for (const h of config.extraSections) add(h);
  return out;
}

function valueItems(path: readonly Segment[], s: Schema | undefined, ctx: HelpContext): CompletionItem[] {
  const last = path[path.length - 1];
  const isLevel = last === 'level' && path[path.length - 2] === ITEM && path[path.length - 3] === 'languages';
  if (isLevel)
    return CEFR_LEVELS.map((level, i) => ({
      label: level,
      kind: CompletionItemKind.EnumMember,
      detail: LEVEL_MEANING[level]![ctx.lang],
      sortText: String(i),
    }));
  const inLang =
    path.includes('languages') && (last === 'lang' || (last === ITEM && path[path.length - 2] === 'lang'));
  if (inLang)
    return languageCodes().map((code, i) => ({
      label: code,
      kind: CompletionItemKind.Value,
      detail: languageName(code, ctx.lang) ?? code,
      sortText: String(i).padStart(4, '0'),
    }));
  const inCompetencies =
    last === ITEM &&
    (path[path.length - 2] === 'competencies' || path[path.length - 2] === 'additionalCompetencies');
  if (inCompetencies) {
    const entries = ctx.config.catalogue?.entries;
    if (!entries) return [];
    return [...entries.keys()].map((name) => ({
      label: name,
      kind: CompletionItemKind.Value,
      insertText: yamlScalar(name),
      ...(competencyDoc(ctx.config, name)
        ? { documentation: { kind: MarkupKind.Markdown, value: competencyDoc(ctx.config, name)! } }
        : {}),
    }));
  }
  if (s && Array.isArray(s.enum))
    return s.enum.map((v) => ({ label: String(v), kind: CompletionItemKind.EnumMember }));
  return [];
}

function keyItems(path: readonly Segment[], ctx: HelpContext): CompletionItem[] {
  const s = schemaAt(path);
  if (!s || !isSchema(s.properties)) return [];
  return Object.entries(s.properties).map(([key, raw]) => {
    const child = deref(raw);
    const help = helpText(child, ctx.lang);
    const isMap = child && child.type === 'object';
    const isList =
      child &&
      (child.type === 'array' ||
        (Array.isArray(child.type) && child.type.includes('array') && !child.type.includes('string')));
    return {
      label: key,
      kind: CompletionItemKind.Property,
      ...(help ? { detail: help.main } : {}),
      ...(docs(help) ? { documentation: docs(help)! } : {}),
      insertTextFormat: InsertTextFormat.Snippet,
      insertText: isMap ? `${key}:\n  $0` : isList ? `${key}:\n  - $0` : `${key}: $0`,
    };
  });
}

export function complete(ctx: HelpContext, line: number, character: number): CompletionItem[] {
  const at = cursorContext(ctx.text, line, character);
  const range = (from: number) => ({ start: { line, character: from }, end: { line, character } });
  // the editor filters by the range's text: an opening quote typed (`- "Ko`) is part of it
  const lineText = ctx.text.split(/\r?\n/)[line] ?? '';
  const withRange = (items: CompletionItem[], from: number): CompletionItem[] => {
    const quote = /^["']/.exec(lineText.slice(from, character))?.[0] ?? '';
    return items.map((it) => ({
      ...it,
      textEdit: { range: range(from), newText: it.insertText ?? it.label },
      filterText: quote && !it.label.startsWith(quote) ? quote + it.label : it.label,
    }));
  };
  switch (at.kind) {
    case 'key': {
      const s = schemaAt(at.path);
      // under a list of strings (competencies), a dash starts a value
      const isMap = s && (s.type === 'object' || (Array.isArray(s.type) && s.type.includes('object')));
      if (!isMap) return withRange(valueItems(at.path, s, ctx), at.from);
      const keys = keyItems(at.path, ctx);
      const values = at.path[at.path.length - 1] === ITEM ? valueItems(at.path, s, ctx) : [];
      return withRange([...values, ...keys], at.from);
    }
    case 'value':
      return withRange(valueItems(at.path, schemaAt(at.path), ctx), at.from);
    case 'heading': {
      const items = headings(ctx.config, ctx.lang).map((h, i) => ({
        label: `## ${h.heading}`,
        kind: CompletionItemKind.Keyword,
        sortText: String(i).padStart(3, '0'),
        ...(h.key && ctx.config.defaults[h.key as keyof ResolvedConfig['defaults']]
          ? { detail: message('lsp.heading.default', ctx.lang) }
          : {}),
      }));
      return withRange(items, at.from);
    }
    default:
      return [];
  }
}

export function hover(ctx: HelpContext, line: number, character: number): Hover | undefined {
  const w = wordAt(ctx.text, line, character);
  if (!w) return undefined;
  const range = { start: { line, character: w.from }, end: { line, character: w.to } };
  if (w.part === 'key') {
    const help = helpText(schemaAt(w.path), ctx.lang);
    const d = docs(help);
    return d
      ? { contents: { kind: MarkupKind.Markdown, value: `**${w.word}**: ${d.value}` }, range }
      : undefined;
  }
  const last = w.path[w.path.length - 1];
  if (last === 'level') {
    const upper = w.word.trim().toUpperCase();
    const legacy = LEGACY_LEVELS[w.word.trim().toLocaleLowerCase('et')];
    const meaning = LEVEL_MEANING[upper] ?? (legacy ? LEVEL_MEANING[legacy] : undefined);
    if (!meaning) return undefined;
    return { contents: { kind: MarkupKind.Markdown, value: `**${w.word}**: ${meaning[ctx.lang]}` }, range };
  }
  if (last === ITEM && (w.path.includes('competencies') || w.path.includes('additionalCompetencies'))) {
    const value = competencyDoc(ctx.config, w.word);
    return value ? { contents: { kind: MarkupKind.Markdown, value }, range } : undefined;
  }
  if (last === 'lang' || (last === ITEM && w.path[w.path.length - 2] === 'lang')) {
    const name = languageName(w.word, ctx.lang);
    return name
      ? { contents: { kind: MarkupKind.PlainText, value: `${w.word}: ${name}` }, range }
      : undefined;
  }
  return undefined;
}
