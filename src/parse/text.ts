import type { Nodes } from 'mdast';

/** The plain text of an mdast node (inline markup flattened, line breaks as spaces). */
export function toPlainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') {
    return node.type === 'html' ? '' : node.value;
  }
  if (node.type === 'break') return ' ';
  if ('children' in node) {
    let out = '';
    for (const child of node.children as Nodes[]) out += toPlainText(child);
    return out;
  }
  return '';
}
