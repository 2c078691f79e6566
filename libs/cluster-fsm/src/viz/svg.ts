/**
 * DOT to SVG with Graphviz compiled to WebAssembly (`@viz-js/viz`): no
 * network, no `dot` binary needed.
 */
import type { Viz } from '@viz-js/viz';

/** Graphviz (a few MB of wasm) is loaded on first use, not by every agent that imports this library. */
async function instance(): Promise<Viz> {
  return (await import('@viz-js/viz')).instance();
}

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /** A Graphviz instance to reuse (creating one costs a wasm instantiation). */
  viz?: Viz;
}

/** A Graphviz instance for {@link renderSvg}; create one and reuse it for many renders. */
export function createRenderer(): Promise<Viz> {
  return instance();
}

/** Renders DOT text as an SVG document. Throws {@link SvgRenderError} on a Graphviz error. */
export async function renderSvg(dot: string, options: RenderSvgOptions = {}): Promise<string> {
  const viz = options.viz ?? (await instance());
  const result = viz.render(dot, { format: 'svg', engine: 'dot' });
  if (result.status !== 'success') {
    const messages = result.errors.map((error) => error.message).join('; ');
    throw new SvgRenderError(messages === '' ? 'graphviz failed' : messages);
  }
  return result.output;
}

/** Graphviz could not render the DOT text. */
export class SvgRenderError extends Error {
  override readonly name = 'SvgRenderError';
}
