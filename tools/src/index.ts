/** Public API of @mgmt/tools: the linearizability checker (benchmarks and launchers are scripts). */
export * from '@mgmt/testkit/linearizability';
