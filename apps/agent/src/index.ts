/** Public API of @mgmt/agent: one mgmt agent, composed from the libs. */
export { Agent, type AgentConfig } from './agent.js';
export { STATUS_PREFIX, statusKey, type AgentStatus, type ClusterView, type Transition } from './status/agent-status.js';
export { startStatusServer, type StatusServer, type StatusSource } from './status/status-server.js';
export { DemoCluster, type DemoOptions } from './demo/demo-cluster.js';
export { runDemo, type RunDemoOptions } from './demo/run-demo.js';
export { ClusterClient, ClusterUnavailableError, ClusterRequestError } from './cluster/cluster-client.js';
export { createLogger, silentLogger, type Logger } from './log.js';
export { Peer, type PeerOptions } from './peer.js';
export { Member, type MemberOptions, readMemberIdentity } from './raft/member.js';
export { RaftServer } from './raft/raft-server.js';
export { agentName } from './name.js';
export { GraphRunner, type GraphStore } from './graph/graph-runner.js';
export { CONVERGED_PREFIX, EXPORTED_PREFIX, convergedKey } from './graph/exports.js';
export type { AgentTls, DialTls, TlsIdentity } from './security/agent-tls.js';
export { prepareTokenPki, readToken, saveToken, tlsFiles, type TokenPkiOptions } from './security/token-pki.js';
export { JOIN_TOKEN_KEY, openTokenRecord, sealTokenRecord } from './security/token-record.js';
export { JoinRefusedError, JoinUnavailableError } from './security/join-client.js';
