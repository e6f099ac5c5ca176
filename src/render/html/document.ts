/**
 * The page as a typed hast tree, built with hastscript from the shared outline.
 *
 * Every string from the frontmatter (title, units, requirements, competencies, names) is passed to
 * `h()` as a child or a property value, so it only ever becomes a text node or an attribute value
 * that the serialiser escapes. Body Markdown goes through ./markdown.ts (sanitised).
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Competency, DutiesSection, JobDescription } from '../../model/types.js';
import {
  buildOutline,
  type GeneralField,
  type Outline,
  type OutlineSection,
  type RequirementItem,
  type SignatureSlot,
} from '../common/outline.js';
import type { RenderOptions } from '../types.js';
import { propertyName, provenanceFields, shortCode } from '../../util/provenance.js';
import { blocksToHast, inlineToHast } from './markdown.js';
import { stylesheet } from './style.js';

/** Puts a line break between block children so the source is readable; the rendering is unchanged. */
function lines(children: Array<ElementContent | null | undefined | false>): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of children) {
    if (!child) continue;
    out.push({ type: 'text', value: '\n' }, child);
  }
  out.push({ type: 'text', value: '\n' });
  return out;
}

/**
 * Text for an attribute value (metadata). The serialiser escapes quotes and `&` there but, as HTML
 * allows, not `<` and `>`: harmless inside a quoted value, yet a value such as `<script>` would look
 * like a tag to anyone scanning the bytes. Angle brackets become their single-guillemet look-alikes.
 */
function attributeText(value: string): string {
  return value.replace(/</g, '‹').replace(/>/g, '›').replace(/\s+/g, ' ').trim();
}

function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '2000-01-01' : date.toISOString().slice(0, 10);
}

function headingText(number: string, title: string): ElementContent[] {
  return [h('span', { className: ['num'] }, `${number}.`), { type: 'text', value: ` ${title}` }];
}

function generalPart(outline: Outline): Element {
  const { fields } = outline.general;
  // 1.1 and 1.2 share the first row; the rest (1.3–1.5, some optional) share the second.
  const restWidth = fields.length - 2 === 1 ? 'whole' : fields.length - 2 === 3 ? 'third' : undefined;
  const cell = (field: GeneralField, index: number): Element =>
    h('div', { className: index >= 2 && restWidth ? [restWidth] : undefined }, [
      h('dt', `${field.number} ${field.label}`),
      h('dd', field.value),
    ]);
  return h(
    'section',
    { ariaLabelledBy: 'section-1' },
    lines([
      h('h2', { id: 'section-1' }, headingText(outline.general.number, outline.general.title)),
      h('dl', { className: ['general'] }, fields.map(cell)),
    ]),
  );
}

function dutiesContent(number: string, duties: DutiesSection, labels: Outline['labels']): ElementContent[] {
  const out: ElementContent[] = [...blocksToHast(duties.intro)];
  const taskNumber = (i: number): string => `${number}.${i + 1}`;
  if (duties.hasResults) {
    out.push(
      h('table', { className: ['duties'] }, [
        h('colgroup', [h('col', { className: ['task'] }), h('col', { className: ['results'] })]),
        h(
          'thead',
          h('tr', [
            h('th', { scope: 'col' }, labels.dutiesTask),
            h('th', { scope: 'col' }, labels.dutiesResults),
          ]),
        ),
        h(
          'tbody',
          duties.duties.map((duty, i) =>
            h('tr', [
              h('td', [
                h('p', [h('span', { className: ['num'] }, taskNumber(i)), ' ', ...inlineToHast(duty.task)]),
                ...blocksToHast(duty.more, 2),
              ]),
              h(
                'td',
                h(
                  'ul',
                  duty.results.map((result) => h('li', inlineToHast(result))),
                ),
              ),
            ]),
          ),
        ),
      ]),
    );
  } else {
    out.push(
      h(
        'ol',
        { className: ['tasks'] },
        duties.duties.map((duty, i) =>
          h('li', [
            h('p', [h('span', { className: ['num'] }, taskNumber(i)), ' ', ...inlineToHast(duty.task)]),
            ...blocksToHast(duty.more, 2),
          ]),
        ),
      ),
    );
  }
  return out;
}

function competency(c: Competency): Element {
  return h('div', { className: ['competency'] }, [
    h('h4', c.name),
    h(
      'ul',
      c.indicators.map((indicator) => h('li', indicator)),
    ),
  ]);
}

function requirementItem(item: RequirementItem): ElementContent[] {
  return [
    h('h3', item.label),
    ...item.paragraphs.map((p) => h('p', p)),
    ...item.competencies.map(competency),
    item.bullets.length
      ? h(
          'ul',
          { className: ['knowledge'] },
          item.bullets.map((b) => h('li', b)),
        )
      : null,
  ].filter((x): x is Element => x !== null);
}

function section(s: OutlineSection, labels: Outline['labels']): Element {
  const id = `section-${s.number}`;
  let content: ElementContent[];
  switch (s.kind) {
    case 'prose':
      content = blocksToHast(s.blocks);
      break;
    case 'duties':
      content = dutiesContent(s.number, s.duties, labels);
      break;
    case 'requirements':
      content = s.items.flatMap(requirementItem);
      break;
  }
  return h(
    'section',
    { ariaLabelledBy: id, className: [s.kind] },
    lines([h('h2', { id }, headingText(s.number, s.title)), ...content]),
  );
}

function signatureSlot(slot: SignatureSlot): Element {
  return h('div', { className: ['signature'] }, [
    h('p', { className: ['label'] }, slot.label),
    slot.name ? h('p', { className: ['name'] }, slot.name) : h('div', { className: ['blank'] }),
    slot.role ? h('p', { className: ['role'] }, slot.role) : null,
    h('p', { className: ['note'] }, slot.note),
  ]);
}

function signatures(outline: Outline): Element {
  return h(
    'section',
    { className: ['signatures'], ariaLabelledBy: 'signatures' },
    lines([
      h('h2', { id: 'signatures', className: ['visually-hidden'] }, outline.signatures.lead),
      ...outline.signatures.slots.map(signatureSlot),
    ]),
  );
}

/** The `<head>`: charset, a CSP that allows only this page's stylesheet, title and metadata. */
function pageHead(model: JobDescription, outline: Outline, options: RenderOptions): Element {
  const { labels } = outline;
  const footerText = [
    outline.runningHeader,
    outline.version ? `${labels.version} ${outline.version}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  const css = stylesheet(footerText, labels);
  const cssHash = createHash('sha256').update(css, 'utf8').digest('base64');
  const description = [
    `${outline.documentTitle}: ${outline.title}`,
    model.unit.join(', '),
    outline.organisation,
  ]
    .filter(Boolean)
    .join(' — ');

  return h(
    'head',
    lines([
      h('meta', { charSet: 'utf-8' }),
      h('meta', {
        httpEquiv: 'Content-Security-Policy',
        content: `default-src 'none'; style-src 'sha256-${cssHash}' 'unsafe-inline'; base-uri 'none'; form-action 'none'`,
      }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h(
        'title',
        [`${outline.documentTitle}: ${outline.title}`, outline.organisation].filter(Boolean).join(' — '),
      ),
      h('meta', { name: 'generator', content: attributeText(`ametijuhend ${options.toolVersion}`) }),
      outline.organisation
        ? h('meta', { name: 'author', content: attributeText(outline.organisation) })
        : null,
      h('meta', { name: 'description', content: attributeText(description) }),
      h('meta', { name: 'dcterms.modified', content: isoDate(options.date) }),
      // the provenance (src/util/provenance.ts), as it is: the serialiser escapes the attribute value
      ...(options.provenance
        ? provenanceFields(options.provenance).map(([field, value]) =>
            h('meta', { name: propertyName(field), content: value }),
          )
        : []),
      h('style', css),
    ]),
  );
}

/** The page's `<header>`: the approval block, the document title, the organisation. */
function pageHeader(outline: Outline): Element {
  return h(
    'header',
    lines([
      outline.approval
        ? h('div', { className: ['approval'] }, [
            h('p', h('strong', outline.approval.heading)),
            h('p', outline.approval.by),
            h('p', outline.approval.line),
          ])
        : null,
      h('h1', outline.documentTitle),
      outline.organisation ? h('p', { className: ['organisation'] }, outline.organisation) : null,
    ]),
  );
}

/** The whole page as a hast root (doctype + html). */
export function buildDocument(model: JobDescription, options: RenderOptions): Root {
  const outline = buildOutline(model);
  const { labels } = outline;
  const head = pageHead(model, outline, options);
  const header = pageHeader(outline);
  const main = h(
    'main',
    lines([generalPart(outline), ...outline.sections.map((s) => section(s, labels)), signatures(outline)]),
  );

  const footer = h(
    'footer',
    lines([
      h('p', outline.runningHeader),
      outline.version ? h('p', `${labels.version} ${outline.version}`) : null,
      options.provenance
        ? h(
            'p',
            { className: ['document-code'] },
            labels.documentCode(shortCode(options.provenance.fingerprint)),
          )
        : null,
    ]),
  );

  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: model.lang }, lines([head, h('body', lines([header, main, footer]))])),
      { type: 'text', value: '\n' },
    ],
  };
}
