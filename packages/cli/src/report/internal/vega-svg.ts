import type { TopLevelSpec } from 'vega-lite';

let counter = 0;

/**
 * Renders a Vega-Lite spec to an SVG string in Node (Vega's headless `toSVG`, no canvas),
 * loading `vega` and `vega-lite` on first use. The ids the SVG defines (clip paths,
 * gradients) get a prefix unique in this process, so several charts inline in one page do
 * not point at each other's definitions.
 *
 * @param spec A Vega-Lite spec with inline data (nothing is loaded).
 * @returns The `<svg>` element.
 */
export async function renderVegaLiteSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const { spec: compiled } = vegaLite.compile(spec);
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    return uniqueIds(await view.toSVG(), `c${++counter}-`);
  } finally {
    view.finalize();
  }
}

function uniqueIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] as string);
  let out = svg;
  for (const id of new Set(ids)) {
    out = out
      .replaceAll(`id="${id}"`, `id="${prefix}${id}"`)
      .replaceAll(`url(#${id})`, `url(#${prefix}${id})`)
      .replaceAll(`href="#${id}"`, `href="#${prefix}${id}"`);
  }
  return out;
}
