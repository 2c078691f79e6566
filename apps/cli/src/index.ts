/** Public API of @mgmt/cli. */
export {};
