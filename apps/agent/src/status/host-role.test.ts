// Proves the role every view shows (issue 22): a member is a voter or, as a
// learner, a standby; a host without a member volunteers unless it runs
// with --no-server (a client); mgmt status adds a member's Raft role.
import { describe, expect, it } from 'vitest';
import { hostRole, roleCell } from './host-role.js';

describe('host roles', () => {
  it('names voters, standbys, volunteers and clients', () => {
    expect(hostRole({ noServer: false, member: { isLearner: false } })).toBe('voter');
    expect(hostRole({ noServer: false, member: { isLearner: true } })).toBe('standby');
    expect(hostRole({ noServer: false, member: undefined })).toBe('volunteer');
    expect(hostRole({ noServer: true, member: undefined })).toBe('client');
  });

  it("shows a member's Raft role beside its role, and an older agent's Raft role alone", () => {
    expect(roleCell('voter', 'leader')).toBe('voter (leader)');
    expect(roleCell('standby', 'follower')).toBe('standby (follower)');
    expect(roleCell('volunteer', 'client')).toBe('volunteer');
    expect(roleCell(undefined, 'follower')).toBe('follower');
  });
});
