/**
 * Duties: the two-column table "Põhiülesanded | Oodatavad tulemused" (and its variants), Word lists
 * with nested bullets, typed numbers and bullets, a task paragraph followed by its results. Results
 * stay attached to their task; numbers are dropped (the renderer numbers).
 */
import type { DraftBlock, DraftTask, SourceBlock, SourceCell, SourceTable } from '../types.js';
import { linesToBlocks } from './prose.js';
import { flat, fold, toLine, typedMarker, type Line } from './text.js';

/** Header cells of a duties table (folded): the table header is dropped. */
const HEADER_WORDS = new Set(
  [
    'Põhiülesanded',
    'Tööülesanded',
    'Ülesanded',
    'Ülesanne',
    'Teenistuskoha ülesanded',
    'Teenistusülesanded',
    'Ametikoha tööülesanded',
    'Oodatavad tulemused',
    'Oodatav tulemus',
    'Soovitud töötulemus',
    'Soovitud töötulemused',
    'Töötulemus',
    'Tulemused',
    'Tulemuslikkuse mõõtmise kriteeriumid',
    'Tulemuslikkuse hindamise kriteeriumid',
    'Nr',
    'Jrk',
    'Jrk nr',
    'Main tasks',
    'Duties',
    'Tasks',
    'Task',
    'Expected results',
    'Results',
    'No',
  ].map(fold),
);

/** Whether a text is a duties table header ("Põhiülesanded", "Põhiülesanded Oodatavad tulemused"). */
export function isDutiesHeader(text: string): boolean {
  const f = fold(text);
  if (HEADER_WORDS.has(f)) return true;
  for (const a of HEADER_WORDS) {
    if (!f.startsWith(`${a} `)) continue;
    // "Põhiülesanded Oodatavad tulemused" (two cells read as one line), "Ülesanded ja soovitud töötulemus"
    const b = f.slice(a.length + 1).replace(/^(?:ja|and|&|\/)\s+/u, '');
    if (HEADER_WORDS.has(b)) return true;
  }
  return false;
}

function cellLines(cell: SourceCell | undefined): Line[] {
  return (cell?.blocks ?? []).map(toLine);
}

/** Results of a results cell: each item or paragraph; a PDF paragraph split where a bullet or a new sentence begins a line. */
export function resultsOf(lines: readonly Line[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const raw = l.raw.split('\n');
    let cur = '';
    for (const piece of raw) {
      const typed = typedMarker(piece);
      const text = flat(typed ? typed.rest : piece);
      if (text === '') continue;
      const newSentence = /[.!?;]$/u.test(cur) && /^\p{Lu}/u.test(text);
      if (cur !== '' && (typed || newSentence)) {
        out.push(cur);
        cur = text;
      } else {
        cur = cur === '' ? text : `${cur} ${text}`;
      }
    }
    if (cur !== '') out.push(cur);
  }
  return out;
}

function isHeaderRow(row: readonly SourceCell[]): boolean {
  const texts = row.map((c) => flat(c.blocks.map((p) => p.text).join(' '))).filter((t) => t !== '');
  return texts.length > 0 && texts.every(isDutiesHeader);
}

export interface DutiesResult {
  tasks: DraftTask[];
  /** Blocks before the tasks (a lead-in) or that are no task. */
  blocks: DraftBlock[];
}

/** More of the task above: a row that a page break split (its text starts in lower case). */
function continueTask(prev: DraftTask, taskLines: readonly Line[], results: readonly string[]): void {
  const [first, ...more] = taskLines;
  if (first) prev.task = `${prev.task} ${first.text}`;
  if (more.length)
    prev.more = [...(prev.more ?? []), ...more.map((l): DraftBlock => ({ type: 'paragraph', text: l.text }))];
  results.forEach((r, i) => {
    const last = prev.results.length - 1;
    if (i === 0 && last >= 0 && /^\p{Ll}/u.test(r)) prev.results[last] = `${prev.results[last] ?? ''} ${r}`;
    else prev.results.push(r);
  });
}

/** Reads a duties table into tasks (appended to `tasks`). */
function readTable(table: SourceTable, tasks: DraftTask[]): void {
  let width = 0;
  for (const row of table.rows)
    width = Math.max(
      width,
      row.reduce((n, c) => n + c.colSpan, 0),
    );
  // a rowSpan'd task cell leaves its later rows shorter: they hold more results of that task
  let spanLeft = 0;
  let numbered = tasks.length > 0;
  for (const row of table.rows) {
    if (isHeaderRow(row)) continue;
    let cells = [...row];
    const continued = spanLeft > 0;
    if (spanLeft > 0) spanLeft--;
    // a number column ("3.1" alone) is dropped
    if (
      cells.length > 2 &&
      /^\d+(?:\.\d+)*\.?$/u.test(flat(cells[0]?.blocks.map((p) => p.text).join(' ') ?? ''))
    ) {
      cells = cells.slice(1);
    }
    if (continued && row.reduce((n, c) => n + c.colSpan, 0) < width) {
      const prev = tasks[tasks.length - 1];
      if (prev) prev.results.push(...resultsOf(cells.flatMap(cellLines)));
      continue;
    }
    const [taskCell, ...resultCells] = cells;
    const taskLines = cellLines(taskCell);
    const results = resultsOf(resultCells.flatMap(cellLines));
    if (taskLines.length === 0) {
      const prev = tasks[tasks.length - 1];
      if (prev) prev.results.push(...results);
      else if (results.length) tasks.push({ task: results[0] ?? '', results: results.slice(1) });
      continue;
    }
    if ((taskCell?.rowSpan ?? 1) > 1) spanLeft = (taskCell?.rowSpan ?? 1) - 1;
    const [first, ...more] = taskLines;
    const prev = tasks[tasks.length - 1];
    if (prev && numbered && first && !first.item && /^\p{Ll}/u.test(first.text)) {
      // a row split by a page break: its task and results go on in the next table's first row
      continueTask(prev, taskLines, results);
      continue;
    }
    if (first?.item && first.ordered) numbered = true;
    const task: DraftTask = { task: (first as Line).text, results };
    if (more.length) task.more = more.map((l) => ({ type: 'paragraph', text: l.text }));
    tasks.push(task);
  }
}

/** Reads the duties part. */
export function readDuties(blocks: readonly SourceBlock[]): DutiesResult {
  const tasks: DraftTask[] = [];
  const intro: DraftBlock[] = [];
  const paras: Line[] = [];
  const flush = (): void => {
    readLines(paras, tasks, intro);
    paras.length = 0;
  };
  for (const b of blocks) {
    if (b.type === 'table') {
      flush();
      readTable(b, tasks);
      continue;
    }
    const line = toLine(b);
    if (isDutiesHeader(line.text)) continue;
    paras.push(line);
  }
  flush();
  return { tasks, blocks: intro };
}

/** Lists and paragraphs into tasks: numbered (or top-level) items are tasks, bullets or deeper items results. */
function readLines(lines: readonly Line[], tasks: DraftTask[], intro: DraftBlock[]): void {
  if (lines.length === 0) return;
  const items = lines.filter((l) => l.item);
  const numbered = items.some((l) => l.ordered);
  const levelled = numbered ? items.filter((l) => l.ordered) : items;
  const minLevel = levelled.length ? Math.min(...levelled.map((l) => l.level)) : 0;
  const levels = new Set(items.map((l) => l.level));
  const anyBold = lines.some((l) => l.bold && !l.item);
  const isTask = (l: Line): boolean => {
    if (numbered) return l.item && l.ordered && l.level === minLevel;
    if (!l.item) return anyBold ? l.bold : true; // a task paragraph followed by bulleted results
    if (levels.size > 1) return l.level === minLevel && !lines.some((x) => !x.item);
    return false;
  };
  const allBullets = !numbered && lines.every((l) => l.item) && levels.size === 1;
  let current: DraftTask | undefined;
  // numbered sub-items of a task ("1.1.", "a)") are sub-tasks, not results: a nested list in `more`
  let sub: Line[] = [];
  const flush = (): void => {
    if (current && sub.length) current.more = [...(current.more ?? []), ...linesToBlocks(sub)];
    sub = [];
  };
  for (const l of lines) {
    if (!l.item && tasks.length === 0 && /:$/u.test(l.text)) {
      intro.push({ type: 'paragraph', text: l.text });
      continue;
    }
    if (allBullets || isTask(l)) {
      flush();
      current = { task: l.text, results: [] };
      tasks.push(current);
      continue;
    }
    current ??= tasks[tasks.length - 1];
    if (!current) {
      intro.push({ type: 'paragraph', text: l.text });
      continue;
    }
    const inSub = sub.length > 0 && l.item && l.level > Math.min(...sub.map((x) => x.level));
    if (numbered && l.item && (l.ordered || inSub)) {
      sub.push(l);
      continue;
    }
    flush();
    if (l.item || (!numbered && !anyBold) || (anyBold && !l.bold)) current.results.push(l.text);
    else current.more = [...(current.more ?? []), { type: 'paragraph', text: l.text }];
  }
  flush();
}
