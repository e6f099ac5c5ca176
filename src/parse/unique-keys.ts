/**
 * yaml's own duplicate-key check compares each key with every earlier key of its mapping, which
 * makes a mapping of 100,000 keys take minutes. The document is therefore parsed without it and
 * checked here in one pass with a set per mapping, giving the very DUPLICATE_KEY errors yaml gives
 * (same code, message and position: the duplicate key's start), in document order.
 */
import type { Document, YAMLParseError } from 'yaml';
import { yaml } from './yaml-lib.js';

export function addDuplicateKeyErrors(doc: Document.Parsed): void {
  const { isMap, isNode, isPair, isScalar, isSeq, YAMLParseError } = yaml();
  const found: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = item.key;
        // as yaml: scalar keys are equal when their values are; other keys only to themselves
        if (isScalar(key)) {
          if (seen.has(key.value) && key.range) {
            const at = key.range[0];
            found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          }
          seen.add(key.value);
        } else if (isNode(key)) stack.push(key);
        if (isNode(item.value)) stack.push(item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (isNode(item)) stack.push(item);
    }
  }
  if (found.length === 0) return;
  // merged into yaml's other errors, after those at or before its place
  found.sort((a, b) => a.pos[0] - b.pos[0]);
  const merged: YAMLParseError[] = [];
  let i = 0;
  for (const e of doc.errors) {
    while (i < found.length && found[i]!.pos[0] < e.pos[0]) merged.push(found[i++]!);
    merged.push(e);
  }
  while (i < found.length) merged.push(found[i++]!);
  // (no spread: there may be more errors than a call takes arguments)
  doc.errors.length = 0;
  for (const e of merged) doc.errors.push(e);
}
