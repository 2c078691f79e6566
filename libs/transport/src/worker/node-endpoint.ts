/**
 * A comlink Endpoint over a Node MessagePort, Worker or parentPort. Written
 * here because comlink's own node adapter does not typecheck under NodeNext.
 */
import type { Endpoint } from 'comlink';

/** The part of MessagePort / Worker that comlink needs. */
export interface NodePortLike {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  on(event: 'message', listener: (data: unknown) => void): unknown;
  off(event: 'message', listener: (data: unknown) => void): unknown;
}

type ComlinkListener = ((event: { data: unknown }) => void) | { handleEvent(event: { data: unknown }): void };

/** Wraps a Node port so comlink's `wrap` and `expose` can use it. */
export function nodeEndpoint(port: NodePortLike): Endpoint {
  const installed = new WeakMap<object, (data: unknown) => void>();
  const endpoint = {
    postMessage(message: unknown, transfer?: unknown[]) {
      port.postMessage(message, transfer ?? []);
    },
    addEventListener(_type: string, listener: ComlinkListener) {
      const onMessage = (data: unknown): void => {
        if (typeof listener === 'function') listener({ data });
        else listener.handleEvent({ data });
      };
      installed.set(listener, onMessage);
      port.on('message', onMessage);
    },
    removeEventListener(_type: string, listener: ComlinkListener) {
      const onMessage = installed.get(listener);
      if (onMessage === undefined) return;
      installed.delete(listener);
      port.off('message', onMessage);
    },
  };
  return endpoint as unknown as Endpoint;
}
