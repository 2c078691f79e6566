import type { MsgSpec } from '../types.js';
import type { Resource, ResourceDeps } from './resource.js';

/** Logs `body` once per resource instance (a new graph makes new instances, so it logs again). */
export function createMsg(spec: MsgSpec, deps: ResourceDeps): Resource {
  let logged = false;
  return {
    kind: 'msg',
    name: spec.name,
    check: async () => logged,
    apply: async () => {
      deps.logger.info({ resource: `msg[${spec.name}]` }, spec.body);
      logged = true;
    },
  };
}
