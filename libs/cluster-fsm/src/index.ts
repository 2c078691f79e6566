/** Public API of @mgmt/cluster-fsm. */
export {};
