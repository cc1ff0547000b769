import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { useEmbeddedFontMetrics } from './textMetrics.ts';

useEmbeddedFontMetrics();

/** Data is inlined in every spec: a loader that refuses to fetch keeps renders offline and repeatable. */
const offlineLoader = vega.loader();
offlineLoader.load = async (uri: string) => {
  throw new Error(`chart specs carry their data inline; refusing to load ${uri}`);
};

/** vega-lite → vega → SVG, headless. Deterministic: SVG ids restart for every chart. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = compile(spec).spec;
  vega.resetSVGDefIds();
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: offlineLoader });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
