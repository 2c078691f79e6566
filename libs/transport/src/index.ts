/** Public API of @mgmt/transport. */
export {};
