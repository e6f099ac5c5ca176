/**
 * Parsed source + config → the typed JobDescription model. Runs only on a description that passed
 * validation, so the frontmatter matches the schema; it still never trusts what it need not.
 */
import type { Nodes, Paragraph, RootContent } from 'mdast';
import { basename } from 'node:path';
import type { Position } from 'unist';
import type { ResolvedConfig } from '../config/types.js';
import { isScalar } from 'yaml';
import type { ParsedSource, YamlSource } from '../parse/markdown.js';
import { locate } from '../parse/positions.js';
import { smartQuotes, smartQuotesBlocks, smartQuotesInline } from '../util/typography.js';
import { analyseDuties, resultInline } from './duties.js';
import type {
  Competency as SchemaCompetency,
  JobDescriptionFrontmatter,
  Signatory as SchemaSignatory,
} from './frontmatter.generated.js';
import { cleanHeading, matchHeading } from './sections.js';
import type {
  Block,
  Competency,
  DocLang,
  DutiesSection,
  ExtraSection,
  JobDescription,
  ProseSection,
  SectionKey,
  Signatory,
} from './types.js';

const list = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? [...v] : [v];

/** Removes raw HTML (block and inline) from mdast content: it never reaches any output. */
export function stripHtml<T extends Nodes>(nodes: readonly T[]): T[] {
  const out: T[] = [];
  for (const node of nodes) {
    if (node.type === 'html' || node.type === 'yaml') continue;
    if ('children' in node) {
      const children = stripHtml(node.children as Nodes[]);
      // a paragraph that held only HTML disappears with it
      if (node.type === 'paragraph' && children.length === 0) continue;
      out.push({ ...node, children } as T);
    } else out.push(node);
  }
  return out;
}

function toBlocks(content: readonly RootContent[]): Block[] {
  return stripHtml(content as Nodes[]).filter(
    (n): n is Block => n.type !== 'definition' && n.type !== 'footnoteDefinition' && n.type !== 'yaml',
  );
}

/** A scalar as written in the source: `version: 1.0` is "1.0", not the number 1. */
function scalarText(fm: YamlSource, path: (string | number)[], value: string | number): string {
  if (typeof value === 'string') return value;
  const node = fm.doc.getIn(path, true);
  return isScalar(node) && typeof node.source === 'string' ? node.source : String(value);
}

function signatory(value: SchemaSignatory | undefined): Signatory | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() ? { name: value } : {};
  const out: Signatory = {};
  if (value.name) out.name = value.name;
  if (value.role) out.role = value.role;
  return out;
}

type PositionAt = (path: (string | number)[]) => Position;

/** Returns `at(path)`: the source position of a frontmatter path, recorded into `positions`. */
function positionRecorder(fm: YamlSource, positions: Record<string, Position>): PositionAt {
  return (path) => {
    const p = locate(fm, path);
    positions[path.join('.')] = p;
    return p;
  };
}

function competencyList(
  items: SchemaCompetency[] | undefined,
  listName: string,
  at: PositionAt,
  config: ResolvedConfig,
): Competency[] {
  return (items ?? []).map((item, i) => {
    const position = at(['requirements', listName, i]);
    if (typeof item === 'string') {
      const entry = config.catalogue?.entries.get(item);
      return { name: item, indicators: entry ? [...entry.indicators] : [], origin: 'catalogue', position };
    }
    return { name: item.name, indicators: [...item.indicators], origin: 'inline', position };
  });
}

function buildRequirements(
  req: JobDescriptionFrontmatter['requirements'],
  at: PositionAt,
  config: ResolvedConfig,
): JobDescription['requirements'] {
  const requirements: JobDescription['requirements'] = {
    education: req.education,
    languages: req.languages.map((l, i) => ({
      langs: list(l.lang),
      level: l.level,
      ...(l.note ? { note: l.note } : {}),
      position: at(['requirements', 'languages', i]),
    })),
    competencies: competencyList(req.competencies, 'competencies', at, config),
    additionalCompetencies: competencyList(req.additionalCompetencies, 'additionalCompetencies', at, config),
    knowledge: [...(req.knowledge ?? [])],
  };
  if (req.experience) requirements.experience = req.experience;
  if (req.computerSkills) requirements.computerSkills = req.computerSkills;
  return requirements;
}

/** The optional frontmatter fields, added in a fixed order so the model's key order is stable. */
function addOptionalFields(
  model: JobDescription,
  data: JobDescriptionFrontmatter,
  fm: YamlSource,
  config: ResolvedConfig,
): void {
  const organisation = data.organisation ?? config.organisation;
  if (organisation) model.organisation = organisation;
  if (data.approval)
    model.approval = {
      by: data.approval.by,
      directive: scalarText(fm, ['approval', 'directive'], data.approval.directive),
      date: data.approval.date,
    };
  if (data.version !== undefined && data.version !== null)
    model.version = scalarText(fm, ['version'], data.version);
  if (data.reviewed) model.reviewed = data.reviewed;
  const employer = signatory(data.signatures?.employer);
  const employee = signatory(data.signatures?.employee);
  if (employer) model.signatures.employer = employer;
  if (employee) model.signatures.employee = employee;
}

/** Body sections; the first occurrence of a section wins (duplicates are reported by a rule). */
function addBodySections(model: JobDescription, source: ParsedSource, config: ResolvedConfig): void {
  for (const raw of source.sections) {
    const match = matchHeading(raw.text, config);
    const heading = cleanHeading(raw.text);
    if (match.kind === 'extra') {
      const extra: ExtraSection = {
        key: 'extra',
        heading: match.heading,
        blocks: toBlocks(raw.content),
        position: raw.position,
      };
      model.extraSections.push(extra);
      continue;
    }
    if (match.kind !== 'known' || model.sections[match.key]) continue;
    model.sections[match.key] = section(match.key, raw.content, { heading, position: raw.position }) as never;
  }
}

/** Defaults from the config fill the sections the document leaves out. */
function addDefaultSections(model: JobDescription, config: ResolvedConfig): void {
  for (const [key, def] of Object.entries(config.defaults) as [
    SectionKey,
    NonNullable<ResolvedConfig['defaults'][SectionKey]>,
  ][]) {
    if (model.sections[key]) continue;
    model.sections[key] = section(key, def.blocks, { source: def.path }) as never;
  }
}

export function buildModel(source: ParsedSource, config: ResolvedConfig): JobDescription {
  const fm = source.frontmatter!;
  const data = fm.data as JobDescriptionFrontmatter;
  const lang: DocLang = data.lang ?? config.lang ?? 'et';
  const positions: Record<string, Position> = {};
  const at = positionRecorder(fm, positions);
  for (const key of Object.keys(data)) at([key]);

  const fileId = basename(source.path).replace(/\.md$/i, '');
  const model: JobDescription = {
    formatVersion: 1,
    path: source.path,
    id: data.id ?? fileId,
    lang,
    kind: data.kind ?? 'employee',
    title: data.title,
    unit: list(data.unit),
    reportsTo: data.reportsTo,
    substitutedBy: list(data.substitutedBy),
    substitutes: list(data.substitutes),
    requirements: buildRequirements(data.requirements, at, config),
    signatures: {},
    sections: {},
    extraSections: [],
    positions,
  };
  addOptionalFields(model, data, fm, config);
  addBodySections(model, source, config);
  addDefaultSections(model, config);
  applyTypography(model);
  return model;
}

/**
 * Typographic quotes („…“ in Estonian, “…” in English) in everything the outputs print: the
 * frontmatter's texts and the body's. Never in the id, path, version, dates or the directive
 * number, never in code or link targets (see util/typography.ts). Positions do not change.
 */
function applyTypography(model: JobDescription): void {
  const lang = model.lang;
  const q = (s: string): string => smartQuotes(s, lang);
  const qs = (list: string[]): string[] => list.map(q);
  model.title = q(model.title);
  model.unit = qs(model.unit);
  model.reportsTo = q(model.reportsTo);
  model.substitutedBy = qs(model.substitutedBy);
  model.substitutes = qs(model.substitutes);
  if (model.organisation) model.organisation = q(model.organisation);
  if (model.approval) model.approval.by = q(model.approval.by);
  for (const who of [model.signatures.employer, model.signatures.employee]) {
    if (who?.name) who.name = q(who.name);
    if (who?.role) who.role = q(who.role);
  }
  const r = model.requirements;
  r.education = q(r.education);
  if (r.experience) r.experience = q(r.experience);
  if (r.computerSkills) r.computerSkills = q(r.computerSkills);
  for (const l of r.languages) if (l.note) l.note = q(l.note);
  for (const c of [...r.competencies, ...r.additionalCompetencies]) {
    c.name = q(c.name);
    c.indicators = qs(c.indicators);
  }
  r.knowledge = qs(r.knowledge);
  for (const s of Object.values(model.sections)) {
    if (s.key !== 'duties') s.blocks = smartQuotesBlocks(s.blocks, lang);
    else {
      s.intro = smartQuotesBlocks(s.intro, lang);
      for (const d of s.duties) {
        d.task = smartQuotesInline(d.task, lang);
        d.more = smartQuotesBlocks(d.more, lang);
        d.results = d.results.map((result) => smartQuotesInline(result, lang));
      }
    }
  }
  for (const extra of model.extraSections) {
    extra.heading = q(extra.heading);
    extra.blocks = smartQuotesBlocks(extra.blocks, lang);
  }
}

function section(
  key: SectionKey,
  content: readonly RootContent[],
  where: { heading?: string; position?: Position; source?: string },
): ProseSection | DutiesSection {
  if (key !== 'duties') return { key, blocks: toBlocks(content), ...where };
  const shape = analyseDuties(content);
  const duties = shape.tasks
    .filter((t) => t.task)
    .map((t) => ({
      task: stripHtml((t.task as Paragraph).children),
      more: toBlocks(t.more),
      results: t.results.map((r) => stripHtml(resultInline(r))).filter((r) => r.length > 0),
      ...(t.item.position ? { position: t.item.position } : {}),
    }));
  return {
    key: 'duties',
    intro: toBlocks(shape.intro),
    duties,
    hasResults: duties.length > 0 && duties.every((d) => d.results.length > 0),
    ...where,
  };
}
