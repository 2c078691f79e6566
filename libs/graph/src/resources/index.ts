import type { ResourceSpec } from '../types.js';
import { createExec } from './exec.js';
import { createFile } from './file.js';
import { createMsg } from './msg.js';
import { createNoop } from './noop.js';
import type { Resource, ResourceDeps } from './resource.js';

export type { Resource, ResourceDeps } from './resource.js';

/** Builds the resource instance for a validated spec. */
export function createResource(spec: ResourceSpec, deps: ResourceDeps): Resource {
  switch (spec.kind) {
    case 'noop':
      return createNoop(spec);
    case 'file':
      return createFile(spec);
    case 'exec':
      return createExec(spec);
    case 'msg':
      return createMsg(spec, deps);
  }
}
