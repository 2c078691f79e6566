/**
 * One agent of the demo, inside its worker thread: a full Agent whose Raft
 * messages travel over the worker transport (MessagePorts wired by the main
 * thread's hub) and whose etcd API listens on its own loopback port. The
 * main thread drives it over comlink (`DemoAgentControl`).
 */
import { agentWorkerContext, createWorkerTransport, exposeAgentControl } from '@mgmt/transport';
import { Agent, type AgentConfig } from '../agent.js';
import type { AgentStatus, ClusterView } from '../status/agent-status.js';
import { createLogger } from '../log.js';

/** What the main thread passes to each agent thread. */
export interface DemoAgentData {
  config: AgentConfig;
  logLevel: string;
}

const ctx = agentWorkerContext();
const data = ctx.data as DemoAgentData;
const agent = new Agent(
  {
    ...data.config,
    // Each nomination brings a new member id; the hub routes by the id the transport joins with.
    transportFor: (memberId) => createWorkerTransport({ localId: memberId, hubPort: ctx.transportPort }),
  },
  createLogger(data.config.hostname, data.logLevel),
);
let running: Promise<{ reason: string; error?: string }> | undefined;
let finished = false;

const control = {
  /** Starts the agent's lifecycle (once). */
  start(): Promise<void> {
    running ??= agent.run().then((out) => {
      finished = true;
      return { reason: out.reason, error: out.error?.message };
    });
    return Promise.resolve();
  },
  status(): Promise<AgentStatus> {
    return Promise.resolve(agent.status());
  },
  clusterView(): Promise<ClusterView> {
    return agent.clusterView();
  },
  metricsJson(): Promise<unknown> {
    return agent.metrics.renderJson();
  },
  /** The first call leaves cleanly; a second forces the member down. */
  shutdown(): Promise<void> {
    if (running && !finished) agent.requestShutdown();
    return Promise.resolve();
  },
  /** Resolves when the agent has stopped, with why. */
  stopped(): Promise<{ reason: string; error?: string }> {
    return running ?? Promise.resolve({ reason: 'never started' });
  },
};

export type DemoAgentControl = typeof control;
exposeAgentControl(control);
