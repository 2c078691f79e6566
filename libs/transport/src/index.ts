/**
 * Public API of @mgmt/transport: carriers for encoded Raft messages (worker
 * threads, NATS, direct TCP), a fault-injection wrapper, and the URL parser
 * that picks a carrier. Test helpers live in `@mgmt/transport/testing`.
 */
export type {
  InboundMessage,
  MessageHandler,
  PeerStats,
  SendResult,
  Transport,
  TransportStats,
  UnreachableHandler,
} from './core/transport.js';
export type { CommonTransportOptions, TransportLogger } from './core/options.js';
export { DEFAULT_MAX_MESSAGE_BYTES, silentLogger, stderrLogger } from './core/options.js';
export {
  AssertionError,
  FrameError,
  HandshakeError,
  MessageTooLargeError,
  PeerUrlError,
  TransportError,
  TransportStartError,
} from './core/errors.js';
export type { PeerUrl, UrlTransportKind } from './core/peer-url.js';
export { parsePeerUrl, parsePeerUrls, splitUrlList } from './core/peer-url.js';
export type { TcpTransportOptions } from './tcp/tcp-transport.js';
export { createTcpTransport, TcpTransport } from './tcp/tcp-transport.js';
export type { TcpTlsOptions } from './tcp/tls.js';
export { certificateNames } from './tcp/tls.js';
export { encodeFrame, FrameDecoder, FRAME_HEADER_BYTES } from './tcp/frame.js';
export type { NatsTransportOptions } from './nats/nats-transport.js';
export { createNatsTransport, NatsTransport, raftSubject } from './nats/nats-transport.js';
export type { MemberAuthOptions } from './nats/member-auth.js';
export type { PeerCertificateInfo } from './nats/member-hello.js';
export type { WorkerTransportOptions } from './worker/worker-transport.js';
export { createWorkerTransport, WorkerTransport } from './worker/worker-transport.js';
export { createWorkerHub, WorkerHub } from './worker/hub.js';
export type { AgentControl, AgentWorkerContext, AgentWorkerHandle, SpawnAgentWorkerOptions } from './worker/agent-worker.js';
export {
  AgentWorkerExitedError,
  agentWorkerContext,
  createAgentWorkerTransport,
  exposeAgentControl,
  spawnAgentWorker,
} from './worker/agent-worker.js';
export { nodeEndpoint } from './worker/node-endpoint.js';
export type { TransportForUrlsOptions } from './core/transport-for-urls.js';
export { transportForUrls } from './core/transport-for-urls.js';
export type { DelayRange, FaultStats, LinkSelector } from './fault/network-faults.js';
export { NetworkFaults } from './fault/network-faults.js';
export type { FaultyTransportOptions } from './fault/faulty-transport.js';
export { FaultyTransport, withFaults } from './fault/faulty-transport.js';
export { seededRandom } from './fault/random.js';
