/** Public API of @mgmt/cluster-fsm: the clustering algorithm as XState v5 machines, and their pictures. */

// Keys and values under /_mgmt/
export {
  MGMT_PREFIX,
  VOLUNTEERS_PREFIX,
  NOMINATED_PREFIX,
  ENDPOINTS_PREFIX,
  IDEAL_CLUSTER_SIZE_KEY,
  volunteerKey,
  nominatedKey,
  endpointKey,
  hostnameFromKey,
  encodeUrls,
  decodeUrls,
  isValidHostname,
  InvalidHostnameError,
} from './keys.js';
export type { IdealClusterSizeParse } from './ideal-cluster-size.js';
export { DEFAULT_IDEAL_CLUSTER_SIZE, MAX_IDEAL_CLUSTER_SIZE, parseIdealClusterSize } from './ideal-cluster-size.js';
export type { SettingParse } from './zone-settings.js';
export {
  ZONES_PREFIX,
  IDEAL_STANDBY_SIZE_KEY,
  FAILURE_TIMEOUT_KEY,
  MAX_ZONE_LENGTH,
  MAX_IDEAL_STANDBY_SIZE,
  DEFAULT_FAILURE_TIMEOUT_MS,
  zoneKey,
  zoneProblem,
  parseIdealStandbySize,
  parseFailureTimeout,
} from './zone-settings.js';
export type { HostileValue, UrlsParse } from './control-values.js';
export {
  CLUSTER_ID_KEY,
  MAX_CONTROL_VALUE_BYTES,
  MAX_URLS_PER_VALUE,
  urlProblem,
  parseUrlsValue,
  controlSizeProblem,
  findHostileValues,
  abbreviate,
} from './control-values.js';
export type { BackoffPolicy } from './backoff.js';
export { backoffDelayMs } from './backoff.js';
export {
  DuplicateHostnameError,
  MemberStartError,
  MemberFailedError,
  NothingToJoinError,
  ClusterFsmAssertionError,
} from './errors.js';
export { EffectNotProvidedError } from './not-provided.js';

// Agent lifecycle
export { lifecycleMachine } from './lifecycle/machine.js';
export { VOLUNTEER_WAITING_REASON, volunteerWaitingReason } from './lifecycle/reasons.js';
export { lifecycleInvariantViolation, lifecycleLeaf } from './lifecycle/invariants.js';
export type {
  LifecycleInput,
  LifecycleContext,
  LifecycleEvent,
  LifecycleOutput,
  LifecycleTiming,
  MemberStatus,
  ConnectToSeedParams,
  HostParams,
  StopMemberParams,
} from './lifecycle/types.js';
export { DEFAULT_LIFECYCLE_TIMING } from './lifecycle/types.js';
export type { NominationFacts } from './lifecycle/nomination-level.js';
export { isNominated, isNominationRecord } from './lifecycle/nomination-level.js';

// Nominator (leader only)
export type { ClusterView, MemberView, NominatorPolicy } from './nominator/view.js';
export {
  DEFAULT_NOMINATOR_POLICY,
  isAlive,
  isHealthy,
  isCaughtUp,
  isReadyForPromotion,
  majority,
  hasHealthyQuorum,
  hasFreshQuorum,
  isFresh,
  viewProblem,
} from './nominator/view.js';
export type {
  Decision,
  ChangeDecision,
  NoDecision,
  NominateDecision,
  UnnominateDecision,
  AddLearnerDecision,
  PromoteLearnerDecision,
  RemoveMemberDecision,
  TransferLeadershipDecision,
} from './nominator/decision.js';
export { isMembershipChange, describeDecision } from './nominator/decision.js';
export { decideNext, isRemovalSafe } from './nominator/decide.js';
export type { HealthySince } from './nominator/health.js';
export { trackHealth, withHealth } from './nominator/health.js';
export { isDecisionObserved } from './nominator/observed.js';
export type { VolunteerMissingSince } from './nominator/volunteer-grace.js';
export { trackMissingVolunteers, withVolunteerGrace } from './nominator/volunteer-grace.js';
export type { Census } from './nominator/census.js';
export { takeCensus, isFailed, failureTimeoutTicks } from './nominator/census.js';
export type { Candidate, Ranking } from './nominator/zones.js';
export { zoneOf, zoneCounts, rankCandidates, underservedZones } from './nominator/zones.js';
export type { VolunteerLeaseHistory } from './nominator/flap.js';
export { NO_LEASE_HISTORY, trackLeaseLosses, dampedVolunteers } from './nominator/flap.js';
export { nominatorMachine, DEFAULT_NOMINATOR_TIMING, errorText } from './nominator/machine.js';
export type {
  NominatorInput,
  NominatorContext,
  NominatorEvent,
  NominatorTiming,
  ApplyDecisionInput,
} from './nominator/machine.js';

// Visualization
export type { MachineChart, ChartNode, ChartEdge, ChartEdgeKind } from './viz/graph.js';
export { machineToJson, guardText } from './viz/graph.js';
export type { MermaidOptions } from './viz/mermaid.js';
export { machineToMermaid, chartToMermaid } from './viz/mermaid.js';
export type { DotOptions } from './viz/dot.js';
export { machineToDot, chartToDot } from './viz/dot.js';
export type { RenderSvgOptions } from './viz/svg.js';
export { renderSvg, createRenderer, SvgRenderError } from './viz/svg.js';
export { activeStateIds, normalizeStateIds } from './viz/active.js';
export type { MachineName } from './viz/registry.js';
export { machines, isMachineName } from './viz/registry.js';

// Status for `mgmt status` and the status page
export type { LifecycleStatus, NominatorStatus } from './status.js';
export { lifecycleStatus, nominatorStatus } from './status.js';
