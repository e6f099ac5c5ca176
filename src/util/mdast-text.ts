import type { Nodes } from 'mdast';
import { forEachNode } from './mdast-walk.js';

/** The plain text of an mdast node (inline markup flattened, line breaks as spaces). */
export function toPlainText(node: Nodes): string {
  let out = '';
  forEachNode(node, (n) => {
    if ('value' in n && typeof n.value === 'string') {
      if (n.type !== 'html') out += n.value;
    } else if (n.type === 'break') out += ' ';
  });
  return out;
}
