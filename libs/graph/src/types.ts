/** A `noop` resource: does nothing, always converged. */
export interface NoopSpec {
  kind: 'noop';
  name: string;
}

/** A `file` resource: a file with the given content and mode, or no file. */
export interface FileSpec {
  kind: 'file';
  name: string;
  path: string;
  /** When absent, the content is not managed. */
  content?: string | undefined;
  state: 'exists' | 'absent';
  /** Octal string such as "0644"; when absent, the mode is not managed. */
  mode?: string | undefined;
}

/** An `exec` resource: runs `cmd` through /bin/sh -c, only when `ifcmd` (if given) exits 0. */
export interface ExecSpec {
  kind: 'exec';
  name: string;
  cmd: string;
  ifcmd?: string | undefined;
}

/** A `msg` resource: logs `body` once through the engine's logger. */
export interface MsgSpec {
  kind: 'msg';
  name: string;
  body: string;
}

/** One resource of any kind, as validated from the graph file. */
export type ResourceSpec = (NoopSpec | FileSpec | ExecSpec | MsgSpec) & {
  /** Set by applyCollected: the host that exported this resource. */
  collectedFrom?: string | undefined;
};

/** The resource kinds the engine knows. */
export type ResourceKind = ResourceSpec['kind'];

/** The known kinds, in the order they are listed in documentation. */
export const RESOURCE_KINDS: readonly ResourceKind[] = ['noop', 'file', 'exec', 'msg'];

/** A reference to a resource by kind and name (the name as written, `@@` included). */
export interface ResourceRef {
  kind: ResourceKind;
  name: string;
}

/** `from` must be converged before `to`. */
export interface Edge {
  name: string;
  from: ResourceRef;
  to: ResourceRef;
}

/** Pull resources of `kind` exported by other hosts; `pattern` is kind-specific (for file: the directory). */
export interface CollectSpec {
  kind: ResourceKind;
  pattern: string;
}

/** A validated resource graph. */
export interface Graph {
  name: string;
  comment?: string | undefined;
  resources: ResourceSpec[];
  edges: Edge[];
  collect: CollectSpec[];
}

/** The key of a resource in maps and reports: `kind[name]`, as mgmt prints it. */
export function resourceKey(ref: ResourceRef): string {
  return `${ref.kind}[${ref.name}]`;
}

/** Whether a resource is exported (name starts with `@@`) and so not applied locally. */
export function isExported(ref: { name: string }): boolean {
  return ref.name.startsWith('@@');
}

/** Minimal logger the engine writes to (pino's signature fits). */
export interface GraphLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
