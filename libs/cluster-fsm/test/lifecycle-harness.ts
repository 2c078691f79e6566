/**
 * Test harness for the lifecycle machine: provides every effect as a
 * recorder, runs the actor on a SimulatedClock, and lets a test play the
 * agent by sending facts.
 */
import { createActor, SimulatedClock } from 'xstate';
import type { Actor } from 'xstate';
import { lifecycleMachine } from '../src/lifecycle/machine.js';
import type { LifecycleInput } from '../src/lifecycle/types.js';

/** An effect the machine asked for. */
export interface EffectCall {
  type: string;
  params: unknown;
}

const EFFECTS = [
  'connectToSeed',
  'writeVolunteerKey',
  'revokeVolunteerKey',
  'bootstrapCluster',
  'restartMember',
  'startMember',
  'advertiseEndpoint',
  'withdrawEndpoint',
  'transferLeadership',
  'stopMember',
] as const;

/** A running lifecycle actor whose effects are recorded in `effects`. */
export interface LifecycleHarness {
  actor: Actor<typeof lifecycleMachine>;
  clock: SimulatedClock;
  effects: EffectCall[];
  /** Effect types recorded since the last call (and forgets them). */
  takeEffects(): string[];
  /** The active state as a dotted path, e.g. `peer.running`. */
  state(): string;
}

/** Starts a lifecycle actor with recording effects. */
export function startLifecycle(input: Partial<LifecycleInput> = {}): LifecycleHarness {
  const effects: EffectCall[] = [];
  const actions = Object.fromEntries(
    EFFECTS.map((type) => [type, (_args: unknown, params: unknown) => void effects.push({ type, params })]),
  );
  const clock = new SimulatedClock();
  const machine = lifecycleMachine.provide({ actions });
  const actor = createActor(machine, {
    clock,
    input: {
      hostname: 'h1',
      seeds: [],
      peerUrls: ['http://127.0.0.1:2380'],
      clientUrls: ['http://127.0.0.1:2379'],
      ...input,
    },
  });
  actor.start();
  let seen = 0;
  return {
    actor,
    clock,
    effects,
    takeEffects() {
      const fresh = effects.slice(seen).map((effect) => effect.type);
      seen = effects.length;
      return fresh;
    },
    state() {
      return stateId(actor.getSnapshot().value);
    },
  };
}

/** Flattens an XState state value to `a.b.c`. */
export function stateId(value: unknown): string {
  if (typeof value === 'string') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const first = entries[0];
  if (first === undefined) return '';
  return `${first[0]}.${stateId(first[1])}`;
}
