export { GraphError, ExecError, DependencyFailedError } from './errors.js';
export { AssertionError } from './assert.js';
export { parseGraph, loadGraphFile } from './parse.js';
export { topoOrder, findCycle } from './topo.js';
export {
  createEngine,
  type Engine,
  type EngineOptions,
  type ConvergeReport,
  type ResourceOutcome,
} from './engine.js';
export {
  exportedResources,
  applyCollected,
  collectResources,
  exportedKey,
  exportedKeyPrefix,
  type ExportedResource,
  type CollectedResource,
} from './collect.js';
export { createResource, type Resource, type ResourceDeps } from './resources/index.js';
export { writeFileAtomic } from './resources/file.js';
export { watchGraphFile } from './watch-graph-file.js';
export {
  resourceKey,
  isExported,
  RESOURCE_KINDS,
  type Graph,
  type GraphLogger,
  type ResourceSpec,
  type ResourceKind,
  type ResourceRef,
  type Edge,
  type CollectSpec,
  type NoopSpec,
  type FileSpec,
  type ExecSpec,
  type MsgSpec,
} from './types.js';
