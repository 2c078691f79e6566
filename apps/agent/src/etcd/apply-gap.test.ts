// Proves etcd's apply-gap rule: proposals are refused with "too many
// requests" only once more than 5,000 committed entries wait to be applied.
import { describe, expect, it } from 'vitest';
import { MAX_GAP_BETWEEN_APPLY_AND_COMMIT_INDEX, applyGapRefusal } from './apply-gap.js';

describe('applyGapRefusal', () => {
  it('lets proposals through up to the gap and refuses past it with etcd\'s error', () => {
    expect(applyGapRefusal(100, 100)).toBeUndefined();
    expect(applyGapRefusal(100 + MAX_GAP_BETWEEN_APPLY_AND_COMMIT_INDEX, 100)).toBeUndefined();
    const refused = applyGapRefusal(101 + MAX_GAP_BETWEEN_APPLY_AND_COMMIT_INDEX, 100);
    expect(refused?.message).toBe('etcdserver: too many requests');
    expect(refused?.code).toBe(8);
  });
});
