// Proves, on random histories, that the checker (1) accepts every history
// produced by running a sequential register with random real-time intervals
// around each operation's linearization point, unknown outcomes included;
// (2) rejects such a history once a read's output is changed to a value never
// written; (3) agrees with a brute-force reference on small arbitrary
// histories, and its anomaly reports are consistent; (4) its simple proofs
// (stale read, ...) never fire on a history the reference accepts. Seeds
// print on failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkHistory } from './check.js';
import { findProof, KeyFacts } from './diagnose.js';
import { isDropped } from './partition.js';
import { generateLinearizableHistory } from './generate.js';
import type { Operation, RegisterValue } from './history.js';
import { isLinearizableNaive } from './testing/naive-checker.js';
import { assertWithSeed } from './testing/property-runner.js';

const testFile = 'src/linearizability/property.test.ts';

const generatorOptions = fc.record({
  seed: fc.integer(),
  operations: fc.integer({ min: 1, max: 150 }),
  clients: fc.integer({ min: 1, max: 6 }),
  keys: fc.integer({ min: 1, max: 3 }),
  unknownProbability: fc.constantFrom(0, 0.05, 0.2),
  valueDomain: fc.constantFrom(0, 2, 4),
  maxDurationTicks: fc.constantFrom(1, 10, 40),
});

const value: fc.Arbitrary<RegisterValue> = fc.constantFrom('a', 'b', 'c', null);

/** Arbitrary operations; `crowded` puts them on one key, two values and a short span, where twins and overlaps abound. */
const smallOperation = (crowded: boolean): fc.Arbitrary<Operation> => fc
  .record({
    client: fc.integer({ min: 0, max: 3 }),
    kind: fc.constantFrom('read', 'write', 'cas'),
    key: crowded ? fc.constant('x') : fc.constantFrom('x', 'y'),
    value: crowded ? fc.constantFrom('a', 'b') : value,
    expected: crowded ? fc.constantFrom('a', 'b', null) : value,
    call: fc.integer({ min: 0, max: crowded ? 12 : 20 }),
    duration: fc.integer({ min: 0, max: 10 }),
    unknown: fc.boolean(),
    ok: fc.boolean(),
  })
  .map(({ client, kind, key, value: v, expected, call, duration, unknown, ok }): Operation => {
    const returned = unknown ? null : call + duration;
    if (kind === 'read') return { client, op: { kind, key }, call, return: returned, output: { value: v } };
    if (kind === 'write') return { client, op: { kind, key, value: v }, call, return: returned, output: {} };
    return { client, op: { kind, key, expected, value: v }, call, return: returned, output: unknown ? {} : { ok } };
  });

describe('random histories', () => {
  it('accepts every history generated from a sequential register', () => {
    assertWithSeed(
      fc.property(generatorOptions, (options) => {
        const { history } = generateLinearizableHistory(options);
        const result = checkHistory(history);
        expect(result.status, result.status === 'not-linearizable' ? result.explanation : result.status).toBe('linearizable');
      }),
      testFile, 100,
    );
  });

  it("rejects a generated history once a read's output becomes a value never written", () => {
    assertWithSeed(
      fc.property(generatorOptions, fc.nat(), (options, pick) => {
        const { history } = generateLinearizableHistory(options);
        const reads = history.map((operation, index) => ({ operation, index }))
          .filter(({ operation }) => operation.op.kind === 'read' && operation.return !== null);
        fc.pre(reads.length > 0);
        const victim = reads[pick % reads.length]!;
        victim.operation.output.value = 'never-written';
        const result = checkHistory(history);
        if (result.status !== 'not-linearizable') throw new Error(`expected an anomaly, got ${result.status}`);
        expect(result.key).toBe(victim.operation.op.key);
        expect(result.kind).toBe('read-of-unwritten-value');
      }),
      testFile, 100,
    );
  });

  it.each([false, true])('agrees with the brute-force reference on small arbitrary histories (crowded: %s)', (crowded) => {
    assertWithSeed(
      fc.property(fc.array(smallOperation(crowded), { maxLength: crowded ? 14 : 12 }), (history) => {
        const result = checkHistory(history);
        expect(result.ok).toBe(isLinearizableNaive(history));
        if (result.status !== 'not-linearizable') return;
        // The report is consistent: the prefix is a real partial
        // linearization and the blocked operation is among the candidates.
        expect(isLinearizableNaive(result.linearizedPrefix.map(({ operation }) => ({ ...operation, call: 0, return: 0 })).map(
          (operation, order) => ({ ...operation, call: order, return: order }),
        ))).toBe(true);
        expect(result.blockedOperation.operation.return).not.toBeNull();
        expect(result.candidates.map(({ index }) => index)).toContain(result.blockedOperation.index);
      }),
      testFile, 300,
    );
  });

  it.each([false, true])('finds simple proofs only in histories the reference rejects (crowded: %s)', (crowded) => {
    assertWithSeed(
      fc.property(fc.array(smallOperation(crowded), { maxLength: crowded ? 14 : 12 }), (history) => {
        for (const key of ['x', 'y']) {
          const operations = history.map((operation, index) => ({ index, operation }))
            .filter(({ operation }) => operation.op.key === key && !isDropped(operation));
          const proof = findProof(new KeyFacts(operations, null));
          if (proof !== undefined) expect(isLinearizableNaive(operations.map(({ operation }) => operation)), proof.sentence).toBe(false);
        }
      }),
      testFile, 300,
    );
  });

  it('agrees with the brute-force reference on generated histories with one output perturbed', () => {
    // Near-linearizable histories with many overlaps and unknown outcomes
    // are where the search's pruning rules matter most.
    const perturbed = fc.record({
      seed: fc.integer(),
      operations: fc.integer({ min: 4, max: 14 }),
      clients: fc.integer({ min: 2, max: 5 }),
      unknownProbability: fc.constantFrom(0.1, 0.3, 0.5),
      valueDomain: fc.constantFrom(0, 2, 3),
      pick: fc.nat(),
      replacement: fc.constantFrom('v0', 'v1', null),
      perturb: fc.boolean(),
    });
    assertWithSeed(
      fc.property(perturbed, ({ pick, replacement, perturb, ...options }) => {
        const { history } = generateLinearizableHistory({ ...options, keys: 1, maxDurationTicks: 12 });
        const completed = history.filter((operation) => operation.return !== null && operation.op.kind !== 'write');
        const victim = completed[pick % Math.max(1, completed.length)];
        if (perturb && victim !== undefined) {
          if (victim.op.kind === 'read') victim.output.value = replacement;
          else victim.output.ok = !victim.output.ok;
        }
        expect(checkHistory(history).ok).toBe(isLinearizableNaive(history));
      }),
      testFile, 300,
    );
  });
});
