/**
 * The structure of a duties section: an optional lead-in, then a list whose items are tasks.
 * Each item's first paragraph is the task and its nested bullet list(s) the expected results.
 * Shared by the duties rules and the model builder so both read the section the same way.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';

export interface TaskShape {
  item: ListItem;
  task?: Paragraph;
  /** Blocks of the item other than the task paragraph and the results lists. */
  more: RootContent[];
  /** Items of the nested list(s). */
  results: ListItem[];
}

export interface DutiesShape {
  intro: RootContent[];
  list?: List;
  /** Blocks after the list of tasks (nowhere to render them). */
  after: RootContent[];
  tasks: TaskShape[];
}

export function analyseDuties(content: readonly RootContent[]): DutiesShape {
  const index = content.findIndex((n) => n.type === 'list');
  if (index === -1) return { intro: [...content], after: [], tasks: [] };
  const list = content[index] as List;
  const tasks = list.children.map((item): TaskShape => {
    let task: Paragraph | undefined;
    const more: RootContent[] = [];
    const results: ListItem[] = [];
    for (const child of item.children) {
      if (!task && child.type === 'paragraph') task = child;
      else if (child.type === 'list') for (const result of child.children) results.push(result);
      else more.push(child);
    }
    return { item, task, more, results };
  });
  return { intro: content.slice(0, index), list, after: content.slice(index + 1), tasks };
}

/** The inline content of a result item: its paragraphs joined (nested lists flattened). */
export function resultInline(item: ListItem): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  // iterative (a stack of blocks still to read, next on top): the rules read this before the
  // nesting depth is known to be sane
  const stack: RootContent[] = [...item.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'paragraph' || node.type === 'heading') {
      if (out.length) out.push({ type: 'text', value: ' ' });
      for (const child of node.children) out.push(child);
    } else if ('children' in node) {
      const children = node.children as RootContent[];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return out;
}
