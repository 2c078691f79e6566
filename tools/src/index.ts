/** Public API of @mgmt/tools. */
export {};
