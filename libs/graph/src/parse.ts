import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { GraphError } from './errors.js';
import { graphSchemas, type GraphDocument } from './schema.js';
import { formatField, parseWithPositions, type SourceMap } from './source-map.js';
import { findCycle } from './topo.js';
import { RESOURCE_KINDS, resourceKey, type Graph, type ResourceSpec } from './types.js';

/**
 * Parses and validates a graph document. Throws one GraphError (the first
 * problem in document order of checks) with file, line and field.
 */
export function parseGraph(text: string, fileName: string): Graph {
  const source = parseWithPositions(text);
  const yamlError = source.doc.errors[0];
  if (yamlError !== undefined) {
    const line = source.lineAt(yamlError.pos[0]);
    throw new GraphError(fileName, line, '', `invalid YAML: ${yamlError.message.split('\n')[0] ?? ''}`, { cause: yamlError });
  }
  const result = graphSchemas().graphDocumentSchema.safeParse(source.doc.toJS());
  if (!result.success) throw issueToError(result.error.issues[0], source, fileName);
  return checkGraph(result.data, source, fileName);
}

/** Reads and parses a graph file. */
export async function loadGraphFile(path: string): Promise<Graph> {
  return parseGraph(await readFile(path, 'utf8'), path);
}

function issueToError(issue: z.core.$ZodIssue | undefined, source: SourceMap, fileName: string): GraphError {
  if (issue === undefined) return new GraphError(fileName, 1, '', 'invalid graph');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = formatField([...issue.path, key]);
    const isKind = issue.path.length === 1 && issue.path[0] === 'resources';
    const reason = isKind ? `unknown kind "${key}" (expected ${RESOURCE_KINDS.join(', ')})` : 'unknown field';
    return new GraphError(fileName, source.lineOf(issue.path, key), field, reason);
  }
  const present = issue.code === 'invalid_type' && issue.input === undefined;
  const reason = present ? 'required' : issue.message;
  return new GraphError(fileName, source.lineOf(issue.path), formatField(issue.path), reason);
}

function checkGraph(doc: GraphDocument, source: SourceMap, fileName: string): Graph {
  const resources: ResourceSpec[] = [];
  const fail = (path: (string | number)[], reason: string): never => {
    throw new GraphError(fileName, source.lineOf(path), formatField(path), reason);
  };
  for (const kind of RESOURCE_KINDS) {
    const seen = new Set<string>();
    const list = doc.resources[kind] ?? [];
    list.forEach((spec, index) => {
      if (seen.has(spec.name)) fail(['resources', kind, index, 'name'], `duplicate name "${spec.name}" in kind ${kind}`);
      seen.add(spec.name);
      resources.push({ ...spec, kind } as ResourceSpec);
    });
  }
  const keys = new Set(resources.map(resourceKey));
  const edgeNames = new Set<string>();
  doc.edges.forEach((edge, index) => {
    if (edgeNames.has(edge.name)) fail(['edges', index, 'name'], `duplicate edge name "${edge.name}"`);
    edgeNames.add(edge.name);
    for (const end of ['from', 'to'] as const) {
      if (!keys.has(resourceKey(edge[end]))) fail(['edges', index, end], `no resource ${resourceKey(edge[end])}`);
    }
  });
  const cycle = findCycle(resources, doc.edges);
  if (cycle !== undefined) {
    const index = doc.edges.findIndex((e) => e.name === cycle[0]);
    fail(['edges', index], `cycle through edges ${cycle.join(' -> ')}`);
  }
  return {
    name: doc.graph,
    comment: doc.comment,
    resources,
    edges: doc.edges,
    collect: doc.collect,
  };
}
