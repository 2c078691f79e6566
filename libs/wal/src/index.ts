/** Public API of @mgmt/wal. */
export {};
