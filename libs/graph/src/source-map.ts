import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Document, Node } from 'yaml';

/** A path into the document as zod reports it. */
export type FieldPath = ReadonlyArray<PropertyKey>;

/** Formats a path as `resources.file[1].state`. */
export function formatField(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** A parsed YAML document that can answer "which line is this field on". */
export interface SourceMap {
  doc: Document.Parsed;
  /** 1-based line of the node at `path`, or of its nearest existing ancestor; `key` selects the key node of a map entry. */
  lineOf(path: FieldPath, key?: string): number;
  /** 1-based line of a character offset. */
  lineAt(offset: number): number;
}

/** Parses YAML keeping positions so validation errors can cite lines. yaml loads on the first call (see schema.ts: an agent without a graph never needs it). */
export function parseWithPositions(text: string): SourceMap {
  const { isMap, isSeq, isNode, LineCounter, parseDocument } = createRequire(import.meta.url)('yaml') as typeof Yaml;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: true, prettyErrors: false });
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
  return {
    doc,
    lineAt,
    lineOf(path, key) {
      let node: unknown = doc.contents;
      let line = node !== null && isNode(node) && node.range ? lineAt(node.range[0]) : 1;
      const parts = key === undefined ? [...path] : [...path, key];
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        const isLast = i === parts.length - 1;
        if (isMap(node)) {
          const pair = node.items.find((p) => isNode(p.key) && (p.key as unknown as { value: unknown }).value === part);
          if (pair === undefined) break;
          const target: unknown = isLast && key !== undefined ? pair.key : (pair.value ?? pair.key);
          const asNode = target as Node | null;
          if (asNode !== null && isNode(asNode) && asNode.range) line = lineAt(asNode.range[0]);
          node = pair.value;
        } else if (isSeq(node) && typeof part === 'number') {
          const item: unknown = node.items[part];
          if (item === undefined) break;
          const asNode = item as Node;
          if (isNode(asNode) && asNode.range) line = lineAt(asNode.range[0]);
          node = item;
        } else {
          break;
        }
      }
      return line;
    },
  };
}
