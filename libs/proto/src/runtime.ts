// The one place that decides how protobufjs represents 64-bit integers:
// plain JS numbers. Without Long, protobufjs reads uint64 as a number
// (exact up to 2^53 - 1; our terms, indexes and ids stay below that).
// This module must be evaluated before any generated code, so every
// generated module is reached through src/index.ts, which imports it first.
import $protobuf from 'protobufjs/minimal.js';

$protobuf.util.Long = undefined as unknown as typeof $protobuf.util.Long;
$protobuf.configure();

export const protobufRuntime = $protobuf;
