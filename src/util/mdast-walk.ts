/**
 * An iterative walk over an mdast tree (an explicit stack, no recursion): a tree parsed from a
 * hostile file may be nested thousands of levels deep, and a recursive walk would overflow the
 * call stack before the nesting-depth rule could report it.
 */
import type { Nodes } from 'mdast';

/**
 * Calls `visit` on every node under (and including) each root, in document order (pre-order).
 * `visit` returns false to skip a node's children.
 */
export function forEachNode(roots: Nodes | readonly Nodes[], visit: (node: Nodes) => boolean | void): void {
  const stack: Nodes[] = Array.isArray(roots) ? [...(roots as readonly Nodes[])].reverse() : [roots as Nodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (visit(node) === false || !('children' in node)) continue;
    const children = node.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
