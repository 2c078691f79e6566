/**
 * Test helpers of @mgmt/transport (import from `@mgmt/transport/testing`):
 * the conformance suite, real nats-server launchers, loggers and waits.
 */
export type { ConformanceCluster, ConformanceHarness, MemberOptions } from './conformance.js';
export { Collector, describeTransportConformance, numbered, seqOf } from './conformance.js';
export { freePort } from './free-port.js';
export type { NatsCluster, NatsServerOptions } from './nats-server.js';
export { NATS_SERVER_BINARY, NatsServerHandle, startNatsCluster, startNatsServer } from './nats-server.js';
export type { LogRecord } from './recording-logger.js';
export { RecordingLogger } from './recording-logger.js';
export { sleep, waitFor, waitForAsync } from './wait.js';
export type { CertFiles, TestCa } from './openssl-pki.js';
export { makeTestCa } from './openssl-pki.js';
export type { TestNatsCreds, TestNatsOperator } from './nats-creds.js';
export { makeNatsCreds, natsOperator } from './nats-creds.js';
