/**
 * The comparison as a chart: one horizontal bar per metric with mgmt's
 * advantage over etcd (the ratio, inverted for lower-is-better metrics, so
 * right of 1 is always "mgmt better"), on a log scale. vega-lite compiles
 * the spec, vega renders SVG headlessly, resvg rasterizes it to PNG; no
 * network, no browser.
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { ratio, type Row } from './report.js';

/** A chart datum: metric and mgmt's advantage (>1 is better). */
export interface AdvantagePoint {
  metric: string;
  advantage: number;
  status: 'target met' | 'target not met' | 'no target';
}

/** Points for the rows that have both figures. */
export function advantagePoints(rows: readonly Row[]): AdvantagePoint[] {
  const out: AdvantagePoint[] = [];
  for (const row of rows) {
    const r = ratio(row);
    if (r === undefined || r <= 0) continue;
    const status = row.met === undefined ? 'no target' : row.met ? 'target met' : 'target not met';
    out.push({ metric: row.metric, advantage: row.higherIsBetter ? r : 1 / r, status });
  }
  return out;
}

/** The chart as SVG text. */
export async function renderChartSvg(rows: readonly Row[], title: string): Promise<string> {
  const values = advantagePoints(rows);
  const spec: vl.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: 'mgmt advantage over etcd: ratio, inverted where lower is better (right of 1 = mgmt better)' },
    width: 560,
    height: { step: 18 },
    background: 'white',
    data: { values },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          y: { field: 'metric', type: 'nominal', sort: null, title: null, axis: { labelLimit: 400 } },
          x: { field: 'advantage', type: 'quantitative', scale: { type: 'log', domain: [0.02, 50], clamp: true }, title: 'mgmt advantage (x, log scale)' },
          // Bars grow from 1 (parity) to the advantage: a log scale has no zero to start from.
          x2: { datum: 1 },
          color: {
            field: 'status',
            type: 'nominal',
            scale: { domain: ['target met', 'target not met', 'no target'], range: ['#2e7d32', '#c62828', '#78909c'] },
            title: null,
          },
        },
      },
      { mark: { type: 'rule', color: 'black' }, encoding: { x: { datum: 1 } } },
    ],
  };
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Rasterizes SVG text to PNG bytes. */
export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, { background: 'white', fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true } });
  return resvg.render().asPng();
}
