/** Public API of @mgmt/kv. */
export {};
