import type { NoopSpec } from '../types.js';
import type { Resource } from './resource.js';

/** A resource that is always converged. */
export function createNoop(spec: NoopSpec): Resource {
  return {
    kind: 'noop',
    name: spec.name,
    check: async () => true,
    apply: async () => {},
  };
}
