/**
 * Keeps a response that can no longer be sent from throwing out of grpc-js.
 *
 * grpc-js answers a call past its deadline from its own timer, with the
 * stream's `respond()`. Under a flood of expiring calls on a connection that
 * nghttp2 is tearing down (a client that resets too many streams gets a
 * GOAWAY), an earlier `respond()` on the same stream can fail part-way
 * (after Node has marked the headers sent); the timer's `respond()` then
 * throws ERR_HTTP2_HEADERS_SENT from a timer, where nobody catches it, and
 * the member process dies: one client with short deadlines could take a
 * member down (seen in libs/kv/test/connection-floods.test.ts under load).
 *
 * Guarded, a `respond()` on a stream that is closed, destroyed or already
 * answered does nothing, and one that throws destroys the stream instead:
 * its 'close' tells grpc-js (and the connection's budget) that the call is
 * over, which is all an unanswerable call can still do.
 */

/** The part of an HTTP/2 server stream the guard needs. */
export interface RespondingStream {
  respond(headers?: unknown, options?: unknown): void;
  destroy(error?: Error): void;
  readonly headersSent: boolean;
  readonly destroyed: boolean;
  readonly closed: boolean;
}

const GUARDED = Symbol('respond guarded');

/** Guards `stream.respond` (once per stream); see the file comment. */
export function guardRespond(stream: RespondingStream): void {
  const s = stream as RespondingStream & { [GUARDED]?: true };
  if (s[GUARDED]) return;
  s[GUARDED] = true;
  const respond = stream.respond;
  stream.respond = function guardedRespond(this: RespondingStream, headers?: unknown, options?: unknown): void {
    if (this.destroyed || this.closed || this.headersSent) return;
    try {
      respond.call(this, headers, options);
    } catch {
      this.destroy();
    }
  };
}
