/** Public API of @mgmt/agent. */
export {};
