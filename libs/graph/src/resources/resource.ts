import type { GraphLogger } from '../types.js';

/** A resource instance the engine converges: check, then apply when check says no. */
export interface Resource {
  readonly kind: string;
  readonly name: string;
  /** Whether the resource is already in its desired state (no side effects). */
  check(): Promise<boolean>;
  /** Makes the resource reach its desired state. */
  apply(): Promise<void>;
}

/** What resources get from the engine. */
export interface ResourceDeps {
  logger: GraphLogger;
}
