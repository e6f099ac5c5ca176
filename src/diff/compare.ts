/**
 * The changes between two compiled versions of a description, part by part (the parts of
 * src/model/fingerprint.ts PARTS, in that order, then the extra sections). Models are compared, not
 * Markdown lines: text is compared as the document reads it (plain text, white space collapsed), so
 * re-wrapping a paragraph, Windows line endings or a re-indented list are no change, while a
 * default section or a catalogue competency that changed is.
 */
import type { Change, ChangeReport, ChangeSubject, PartChanges, VersionInfo } from '../model/changes.js';
import type {
  Approval,
  Block,
  Competency,
  DocLang,
  Duty,
  DutiesSection,
  JobDescription,
  LanguageRequirement,
  ProseSection,
  Signatory,
} from '../model/types.js';
import { LABELS } from '../render/common/labels.js';
import { languageNames } from '../util/languages.js';
import { partLabelFor } from './labels.js';
import { matchLists, mergedOrder } from './match.js';
import { inlineText, normalise, similarity as similarityOf, units, type Unit } from './text.js';

/** A change with its sort key in the merged list. */
type Keyed = { key: number; change: Change };

const named = (item: Item): { name?: string } => (item.name !== undefined ? { name: item.name } : {});

const sorted = (list: Keyed[]): Change[] => list.sort((a, b) => a.key - b.key).map((k) => k.change);

/** The change of a single value (absent on one side: added or removed). */
function valueChange(oldValue: string | undefined, newValue: string | undefined): Change[] {
  const o = oldValue === undefined ? undefined : normalise(oldValue) || undefined;
  const n = newValue === undefined ? undefined : normalise(newValue) || undefined;
  if (o === n) return [];
  if (o === undefined) return [{ kind: 'added', subject: 'value', new: n! }];
  if (n === undefined) return [{ kind: 'removed', subject: 'value', old: o }];
  return [{ kind: 'changed', subject: 'value', old: o, new: n }];
}

interface Item {
  subject: ChangeSubject;
  /** What it is matched and compared by. */
  text: string;
  name?: string;
}

/** The change of a paired item: changed (its text or its details), moved, or none. */
function pairChange<T extends Item>(
  o: T,
  n: T,
  i: number,
  j: number,
  moved: boolean,
  inner: ((o: T, n: T) => Change[]) | undefined,
): Change | undefined {
  const details = inner?.(o, n) ?? [];
  const place = { index: j + 1, oldIndex: i + 1 };
  if (o.text !== n.text || details.length)
    return {
      kind: 'changed',
      subject: n.subject,
      ...named(n),
      ...place,
      old: o.text,
      new: n.text,
      ...(details.length ? { details } : {}),
    };
  if (moved) return { kind: 'moved', subject: n.subject, ...named(n), ...place, new: n.text };
  return undefined;
}

/**
 * The changes between two lists of items: removed, added, changed (paired by likeness, or by key
 * when `alike` is false) and moved. `inner` gives a paired item's own changes (results, indicators).
 */
function listChanges<T extends Item>(
  oldItems: readonly T[],
  newItems: readonly T[],
  options: {
    alike?: boolean;
    key?: (item: T) => string;
    likeness?: (o: T, n: T) => number;
    inner?: (o: T, n: T) => Change[];
    /** The details of an added item (a new competency's indicators). */
    addedDetails?: (n: T) => Change[];
  } = {},
): Change[] {
  const key = options.key ?? ((item: T) => item.text);
  const likeness = options.likeness;
  const m = matchLists(oldItems.map(key), newItems.map(key), {
    alike: options.alike ?? true,
    ...(likeness ? { likeness: (i: number, j: number) => likeness(oldItems[i]!, newItems[j]!) } : {}),
  });
  const order = mergedOrder(m);
  const out: Keyed[] = [];
  for (const i of m.removed) {
    const o = oldItems[i]!;
    out.push({
      key: order.removedKey(i),
      change: { kind: 'removed', subject: o.subject, ...named(o), oldIndex: i + 1, old: o.text },
    });
  }
  for (const j of m.added) {
    const n = newItems[j]!;
    const details = options.addedDetails?.(n) ?? [];
    out.push({
      key: order.newKey(j),
      change: {
        kind: 'added',
        subject: n.subject,
        ...named(n),
        index: j + 1,
        new: n.text,
        ...(details.length ? { details } : {}),
      },
    });
  }
  m.pairs.forEach(([i, j], k) => {
    const change = pairChange(oldItems[i]!, newItems[j]!, i, j, m.moved.has(k), options.inner);
    if (change) out.push({ key: order.newKey(j), change });
  });
  return sorted(out);
}

const textItems = (values: readonly string[], subject: ChangeSubject): Item[] =>
  values.map((v) => ({ subject, text: normalise(v) })).filter((v) => v.text !== '');

const unitItems = (blocks: readonly Block[]): Unit[] => units(blocks);

/** A prose section's changes: its heading (when both versions have their own) and its units. */
function proseChanges(o: { heading?: string; blocks: Block[] } | undefined, n: typeof o): Change[] {
  const out: Change[] = [];
  if (o?.heading !== undefined && n?.heading !== undefined) {
    const [ho, hn] = [normalise(o.heading), normalise(n.heading)];
    if (ho !== hn) out.push({ kind: 'changed', subject: 'heading', old: ho, new: hn });
  }
  out.push(...listChanges(unitItems(o?.blocks ?? []), unitItems(n?.blocks ?? [])));
  return out;
}

interface DutyItem extends Item {
  results: Item[];
  /** The task and its results, to pair a task reworded beyond recognition by what it achieves. */
  whole: string;
}

function dutyItem(d: Duty): DutyItem {
  const more = units(d.more).map((u) => u.text);
  const text = normalise([inlineText(d.task), ...more].join(' '));
  const results = d.results.map((r) => ({ subject: 'result' as const, text: inlineText(r) }));
  return { subject: 'task', text, results, whole: [text, ...results.map((r) => r.text)].join(' ') };
}

function dutiesChanges(o: DutiesSection | undefined, n: DutiesSection | undefined): Change[] {
  const out = proseChanges(
    o ? { ...(o.heading !== undefined ? { heading: o.heading } : {}), blocks: o.intro } : undefined,
    n ? { ...(n.heading !== undefined ? { heading: n.heading } : {}), blocks: n.intro } : undefined,
  );
  const od = (o?.duties ?? []).map(dutyItem);
  const nd = (n?.duties ?? []).map(dutyItem);
  out.push(
    ...listChanges(od, nd, {
      likeness: (a, b) => Math.max(similarityOf(a.text, b.text), similarityOf(a.whole, b.whole)),
      inner: (a, b) => listChanges(a.results, b.results),
      addedDetails: (b) =>
        b.results.map((r, j) => ({ kind: 'added', subject: 'result', index: j + 1, new: r.text })),
    }),
  );
  return out;
}

const languageKey = (l: LanguageRequirement): string => [...l.langs].sort().join(',');

function languageItem(l: LanguageRequirement, lang: DocLang): Item {
  const names = languageNames(l.langs, lang);
  const sentence = LABELS[lang].languageSentence(names, l.level);
  return { subject: 'language', name: names, text: normalise(l.note ? `${sentence} ${l.note}` : sentence) };
}

interface CompetencyItem extends Item {
  key: string;
  indicators: Item[];
}

function competencyItem(c: Competency): CompetencyItem {
  const name = normalise(c.name);
  return {
    subject: 'competency',
    name,
    text: name,
    key: name.toLowerCase(),
    indicators: textItems(c.indicators, 'indicator'),
  };
}

function competencyChanges(o: readonly Competency[], n: readonly Competency[]): Change[] {
  return listChanges(o.map(competencyItem), n.map(competencyItem), {
    alike: false,
    key: (c) => c.key,
    inner: (a, b) => listChanges(a.indicators, b.indicators),
    addedDetails: (b) =>
      b.indicators.map((x, j) => ({ kind: 'added', subject: 'indicator', index: j + 1, new: x.text })),
  }).map(({ old: _old, new: _new, ...rest }) => rest); // a competency is named by its name: no text to repeat it
}

function approvalText(a: Approval | undefined, lang: DocLang): string | undefined {
  if (!a) return undefined;
  return `${a.by}, ${LABELS[lang].approvedLine(a.directive, a.date)}`;
}

function signatoryText(s: Signatory | undefined): string | undefined {
  if (!s) return undefined;
  const text = [s.name, s.role].filter((v) => v !== undefined && normalise(v) !== '').join(', ');
  return text || undefined;
}

const kindText = (m: JobDescription, lang: DocLang): string =>
  m.kind === 'official' ? LABELS[lang].official : LABELS[lang].employee;

/** Each part's changes, given both models (the parts of fingerprint.ts PARTS, in that order). */
function partChanges(o: JobDescription, n: JobDescription, lang: DocLang): [string, Change[]][] {
  const list = (a: readonly string[], b: readonly string[]): Change[] =>
    listChanges(textItems(a, 'item'), textItems(b, 'item'));
  const sections = (key: 'purpose' | 'rights' | 'responsibilities' | 'tools' | 'changes'): Change[] =>
    proseChanges(o.sections[key] as ProseSection | undefined, n.sections[key] as ProseSection | undefined);
  const r = [o.requirements, n.requirements] as const;
  return [
    // an id neither version writes is the file's name: two files compared are not a renamed description
    ['id', 'id' in o.positions || 'id' in n.positions ? valueChange(o.id, n.id) : []],
    ['lang', valueChange(o.lang, n.lang)],
    ['kind', valueChange(kindText(o, lang), kindText(n, lang))],
    ['title', valueChange(o.title, n.title)],
    ['unit', list(o.unit, n.unit)],
    ['reportsTo', valueChange(o.reportsTo, n.reportsTo)],
    ['substitutedBy', list(o.substitutedBy, n.substitutedBy)],
    ['substitutes', list(o.substitutes, n.substitutes)],
    ['organisation', valueChange(o.organisation, n.organisation)],
    ['approval', valueChange(approvalText(o.approval, lang), approvalText(n.approval, lang))],
    ['version', valueChange(o.version, n.version)],
    ['reviewed', valueChange(o.reviewed, n.reviewed)],
    ['requirements.education', valueChange(r[0].education, r[1].education)],
    ['requirements.experience', valueChange(r[0].experience, r[1].experience)],
    [
      'requirements.languages',
      listChanges(
        r[0].languages.map((l) => ({ ...languageItem(l, lang), key: languageKey(l) })),
        r[1].languages.map((l) => ({ ...languageItem(l, lang), key: languageKey(l) })),
        { alike: false, key: (l) => l.key },
      ),
    ],
    ['requirements.computerSkills', valueChange(r[0].computerSkills, r[1].computerSkills)],
    ['requirements.competencies', competencyChanges(r[0].competencies, r[1].competencies)],
    [
      'requirements.additionalCompetencies',
      competencyChanges(r[0].additionalCompetencies, r[1].additionalCompetencies),
    ],
    [
      'requirements.knowledge',
      listChanges(textItems(r[0].knowledge, 'item'), textItems(r[1].knowledge, 'item')),
    ],
    [
      'signatures.employer',
      valueChange(signatoryText(o.signatures.employer), signatoryText(n.signatures.employer)),
    ],
    [
      'signatures.employee',
      valueChange(signatoryText(o.signatures.employee), signatoryText(n.signatures.employee)),
    ],
    ['sections.purpose', sections('purpose')],
    ['sections.duties', dutiesChanges(o.sections.duties, n.sections.duties)],
    ['sections.rights', sections('rights')],
    ['sections.responsibilities', sections('responsibilities')],
    ['sections.tools', sections('tools')],
    ['sections.changes', sections('changes')],
    ...extraChanges(o, n),
  ];
}

/** The extra sections, paired by heading: the new version's order, then those it no longer has. */
function extraChanges(o: JobDescription, n: JobDescription): [string, Change[]][] {
  const key = (heading: string): string => normalise(heading);
  const olds = new Map(o.extraSections.map((s) => [key(s.heading), s]));
  const out: [string, Change[]][] = [];
  const seen = new Set<string>();
  for (const s of n.extraSections) {
    const k = key(s.heading);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push([
      `extra:${k}`,
      proseChanges(olds.get(k) ? { blocks: olds.get(k)!.blocks } : undefined, { blocks: s.blocks }),
    ]);
  }
  for (const [k, s] of olds) {
    if (seen.has(k)) continue;
    seen.add(k);
    out.push([`extra:${k}`, proseChanges({ blocks: s.blocks }, undefined)]);
  }
  return out;
}

/**
 * The changes from `oldModel` to `newModel`, part by part; only parts with changes are listed.
 * Labels and the texts the report composes (a language requirement's sentence, the approval line)
 * are in `lang`, by default the new version's language.
 */
export function compareModels(
  oldModel: JobDescription,
  newModel: JobDescription,
  lang: DocLang = newModel.lang,
): PartChanges[] {
  return partChanges(oldModel, newModel, lang)
    .filter(([, changes]) => changes.length > 0)
    .map(([part, changes]) => ({ part, label: partLabelFor(part, lang, newModel.kind), changes }));
}

/** What the report calls a version: its `version`, else its review date, else the ref, else the file. */
function versionInfo(model: JobDescription | undefined, from: VersionSource): VersionInfo {
  const info: Partial<VersionInfo> = {};
  if (model?.version !== undefined) info.version = model.version;
  if (model?.reviewed !== undefined) info.reviewed = model.reviewed;
  if (from.ref !== undefined) info.ref = from.ref;
  if (from.ref !== undefined && from.commit !== undefined) {
    info.commit = from.commit.hash;
    info.commitDate = from.commit.date;
  }
  if (from.path !== undefined) info.path = from.path;
  info.label = info.version ?? info.reviewed ?? info.ref ?? info.path ?? '?';
  return info as VersionInfo;
}

/** Where a version came from: a git ref (and the commit it named) and/or a file. */
export interface VersionSource {
  ref?: string;
  commit?: { hash: string; date: string };
  path?: string;
}

export interface ReportSides {
  /** Where the old version came from: a git ref and/or a file. */
  old?: VersionSource;
  new?: VersionSource;
  /** The report's language (default: the new version's). */
  lang?: DocLang;
}

/**
 * The change report from `oldModel` (undefined: the description is new) to `newModel`: the parts'
 * changes and what to call each version.
 */
export function changeReport(
  oldModel: JobDescription | undefined,
  newModel: JobDescription,
  sides: ReportSides = {},
): ChangeReport {
  const lang = sides.lang ?? newModel.lang;
  const parts = oldModel ? compareModels(oldModel, newModel, lang) : [];
  return {
    format: 'ametijuhend-changes',
    formatVersion: 1,
    id: newModel.personalisation?.description ?? newModel.id,
    lang,
    title: normalise(newModel.title),
    ...(oldModel ? { old: versionInfo(oldModel, sides.old ?? {}) } : {}),
    new: versionInfo(newModel, sides.new ?? {}),
    status: !oldModel ? 'new' : parts.length ? 'changed' : 'unchanged',
    parts,
  };
}
