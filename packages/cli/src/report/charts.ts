import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

/** Render a Vega-Lite specification to a standalone SVG string in Node (no browser, no canvas). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const FONT = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";
const CONFIG = {
  font: FONT,
  axis: { labelFont: FONT, titleFont: FONT },
  legend: { labelFont: FONT, titleFont: FONT },
  view: { stroke: null },
};

/** One bar of a grouped bar chart. */
export interface BarDatum {
  readonly label: string;
  readonly series: string;
  readonly value: number;
}

/** Horizontal grouped bars (e.g. existing and required slots per sub-district), sorted as given. */
export function groupedBarChart(input: {
  data: readonly BarDatum[];
  title: string;
  valueTitle: string;
  width?: number;
}): Promise<string> {
  const labels = [...new Set(input.data.map((d) => d.label))];
  return renderSvg({
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: input.title,
    width: input.width ?? 560,
    height: { step: 12 },
    config: CONFIG,
    data: { values: input.data.map((d) => ({ ...d })) },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "label", type: "nominal", sort: labels, title: null },
      yOffset: { field: "series" },
      x: { field: "value", type: "quantitative", title: input.valueTitle },
      color: { field: "series", type: "nominal", title: null, scale: { range: ["#0b6e4f", "#c8553d", "#f2a541"] } },
    },
  });
}

/** One indicator's progress: observed and expected as a share of the way from baseline to target. */
export interface ProgressDatum {
  readonly indicator: string;
  readonly status: string;
  readonly percentOfTarget: number;
}

/** Bars of observed value as a percentage of the target, coloured by status, with a 100 % rule. */
export function progressChart(input: { data: readonly ProgressDatum[]; title: string }): Promise<string> {
  return renderSvg({
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: input.title,
    width: 560,
    height: { step: 18 },
    config: CONFIG,
    data: { values: input.data.map((d) => ({ ...d })) },
    layer: [
      {
        mark: { type: "bar", tooltip: true },
        encoding: {
          y: { field: "indicator", type: "nominal", sort: null, title: null },
          x: { field: "percentOfTarget", type: "quantitative", title: "observed ÷ target (%) · 实际值占目标值" },
          color: {
            field: "status",
            type: "nominal",
            title: "status · 状态",
            scale: {
              domain: ["achieved", "on_track", "off_track", "no_baseline"],
              range: ["#0b6e4f", "#7fb069", "#c8553d", "#9e9e9e"],
            },
          },
        },
      },
      { mark: { type: "rule", color: "#333", strokeDash: [4, 3] }, encoding: { x: { datum: 100 } } },
    ],
  });
}
