/**
 * gRPC channel options of the agent's own client (seeds and members).
 *
 * grpc-js waits out a reconnect backoff of its own after a failed connect
 * (1 s, then x1.6 up to 120 s), and meanwhile every call on the channel
 * fails at once. Agents started together retry their seed every 100-250 ms
 * (the lifecycle's connectRetry), but those retries all failed for up to
 * 1.5 s after the seed was serving: measured in the 5-member formation
 * (tools/src/bench/README.md). A connect to loopback or a LAN costs
 * little, so the channel retries on the lifecycle's own scale.
 */
import type { ChannelOptions } from '@grpc/grpc-js';

/** Reconnect backoff of the agent's client channels: 100 ms doubling to at most 1 s. */
export const AGENT_CHANNEL_OPTIONS: ChannelOptions = {
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 1_000,
};

/**
 * Each ClusterClient dials its own connection to each endpoint. grpc-js
 * otherwise shares one connection between every channel of the process
 * with the same target (its global subchannel pool): harmless for one
 * agent per host, but the fleet harness runs 250 agents in a process, and
 * they all shared one connection per member. The members then served a
 * fleet of 1,000 hosts as four clients (one fair-queue share, one
 * connection budget, one socket write for 250 watch responses) and the
 * harness measured a fleet that does not exist.
 */
export const OWN_CONNECTION: ChannelOptions = { 'grpc.use_local_subchannel_pool': 1 };
