import { basename } from 'node:path';
import { graphSchemas } from './schema.js';
import { isExported, type Graph, type ResourceKind, type ResourceSpec } from './types.js';

/** A resource this host exports: stored by the agent at `/_mgmt/exported/<hostname>/<kind>/<name>` as JSON of `spec`. */
export interface ExportedResource {
  kind: ResourceKind;
  /** The name without the leading `@@`. */
  name: string;
  /** The resource's fields (name without `@@`, no kind). */
  spec: Record<string, unknown>;
}

/** A resource exported by another host, as the agent read it from the store. */
export interface CollectedResource {
  host: string;
  kind: string;
  name: string;
  spec: unknown;
}

/** The store key prefix under which a host's exported resources live. */
export function exportedKeyPrefix(hostname: string): string {
  return `/_mgmt/exported/${hostname}/`;
}

/** The store key of one exported resource. */
export function exportedKey(hostname: string, resource: { kind: string; name: string }): string {
  return `${exportedKeyPrefix(hostname)}${resource.kind}/${resource.name}`;
}

/** The resources of `graph` whose name starts with `@@`, ready to be stored by the agent. */
export function exportedResources(graph: Graph): ExportedResource[] {
  return graph.resources.filter(isExported).map((r) => {
    const { kind, collectedFrom: _collectedFrom, ...fields } = r;
    const name = r.name.slice(2);
    return { kind, name, spec: { ...fields, name } };
  });
}

/**
 * Returns a new graph with every collected resource of a kind listed in
 * `graph.collect`, named `<host>/<name>` to stay unique. For `file`, the
 * pattern replaces the directory of `path`. Resources whose spec does not
 * validate, or that are themselves exported, are skipped (returned in `skipped`
 * via the second function below) so a bad remote host cannot break this one.
 */
export function applyCollected(graph: Graph, collected: readonly CollectedResource[]): Graph {
  return collectResources(graph, collected).graph;
}

/** applyCollected, also returning the collected entries that were skipped and why. */
export function collectResources(
  graph: Graph,
  collected: readonly CollectedResource[],
): { graph: Graph; skipped: Array<{ resource: CollectedResource; reason: string }> } {
  const skipped: Array<{ resource: CollectedResource; reason: string }> = [];
  const added: ResourceSpec[] = [];
  const sorted = [...collected].sort((a, b) =>
    a.host === b.host ? (a.kind === b.kind ? cmp(a.name, b.name) : cmp(a.kind, b.kind)) : cmp(a.host, b.host),
  );
  for (const item of sorted) {
    const rule = graph.collect.find((c) => c.kind === item.kind);
    if (rule === undefined) continue;
    const schema = graphSchemas().kindSchemas[rule.kind];
    const parsed = schema.safeParse(item.spec);
    if (!parsed.success) {
      skipped.push({ resource: item, reason: parsed.error.issues[0]?.message ?? 'invalid spec' });
      continue;
    }
    const name = `${item.host}/${item.name}`;
    const spec = { ...parsed.data, kind: rule.kind, name, collectedFrom: item.host } as ResourceSpec;
    if (isExported(spec)) continue;
    if (spec.kind === 'file') {
      const dir = rule.pattern.endsWith('/') ? rule.pattern : `${rule.pattern}/`;
      spec.path = `${dir}${basename(spec.path)}`;
    }
    added.push(spec);
  }
  return { graph: { ...graph, resources: [...graph.resources, ...added] }, skipped };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
