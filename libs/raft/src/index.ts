/** Public API of @mgmt/raft. */
export {};
