import type { TopLevelSpec } from "vega-lite";
import type { Label, ReportLang } from "./model.js";
import { pick } from "./text.js";

/**
 * Render a Vega-Lite specification to a standalone SVG string in Node (no browser, no canvas). vega and vega-lite
 * are imported here, when a chart is drawn, so that the rest of the CLI (`carekit --help`) never loads them.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: "none" });
  try {
    return fitToWidth(await view.toSVG());
  } finally {
    view.finalize();
  }
}

/**
 * Make a Vega SVG scale to its container: keep the `viewBox`, drop the fixed pixel width and height, so the chart
 * shrinks to the page width (no scrollbar, nothing cut off) and keeps its aspect ratio.
 */
export function fitToWidth(svg: string): string {
  return svg.replace(/^<svg([^>]*?) width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/, (_m, attrs, w, h) => {
    return `<svg${attrs} width="100%" data-width="${w}" data-height="${h}" style="max-width:${w}px;height:auto" preserveAspectRatio="xMinYMin meet"`;
  });
}

const FONT = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif";
const LABEL_SIZE = 11;

/**
 * Room for the longest category label. Vega measures text in Node by estimate, which is too narrow for CJK
 * characters (each is a full em), so the first character of a long name (龙滩子街道) was cut off; reserving the
 * label's full-width extent keeps every label inside the picture.
 */
function labelExtent(labels: readonly string[]): number {
  const width = (text: string) => [...text].reduce((sum, c) => sum + (c.charCodeAt(0) > 0x2e80 ? 1 : 0.62), 0);
  return Math.ceil(Math.max(0, ...labels.map(width)) * LABEL_SIZE) + 12;
}

function config(labels: readonly string[]) {
  return {
    font: FONT,
    axis: { labelFont: FONT, titleFont: FONT, labelFontSize: LABEL_SIZE },
    axisY: { minExtent: labelExtent(labels), labelLimit: 0 },
    legend: { labelFont: FONT, titleFont: FONT, orient: "bottom" as const, direction: "horizontal" as const },
    title: { font: FONT, fontSize: 13, anchor: "start" as const },
    view: { stroke: null },
    padding: 8,
  };
}

/** Chart width in CSS px: the text width of an A4 page with 18 mm margins (174 mm at 96 dpi ≈ 657 px) less labels. */
export const CHART_WIDTH = 440;

/** Bars at most 12 px, and the plot at most ~560 px tall, so a chart always fits on an A4 page with its heading. */
function barStep(bars: number): number {
  return Math.max(4, Math.min(12, Math.floor(560 / Math.max(1, bars))));
}

/** One bar of a grouped bar chart. */
export interface BarDatum {
  readonly label: string;
  readonly series: Label;
  readonly value: number;
}

/** Horizontal grouped bars (e.g. existing and required slots per sub-district), in the order given. */
export function groupedBarChart(input: {
  data: readonly BarDatum[];
  title: Label;
  valueTitle: Label;
  lang: ReportLang;
}): Promise<string> {
  const labels = [...new Set(input.data.map((d) => d.label))];
  const series = new Set(input.data.map((d) => d.series.zh)).size;
  return renderSvg({
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: pick(input.title, input.lang),
    width: CHART_WIDTH,
    height: { step: barStep(labels.length * Math.max(1, series)) },
    config: config(labels),
    data: { values: input.data.map((d) => ({ label: d.label, series: pick(d.series, input.lang), value: d.value })) },
    mark: { type: "bar" },
    encoding: {
      y: { field: "label", type: "nominal", sort: labels, title: null },
      yOffset: { field: "series" },
      x: { field: "value", type: "quantitative", title: pick(input.valueTitle, input.lang) },
      color: { field: "series", type: "nominal", title: null, scale: { range: ["#0b6e4f", "#c8553d", "#f2a541"] } },
    },
  });
}

/** One indicator's progress: the observed value as a percentage of the target. */
export interface ProgressDatum {
  readonly indicator: string;
  readonly status: string;
  readonly percentOfTarget: number;
}

/** Bars of observed value as a percentage of the target, coloured by status, with a 100 % rule. */
export function progressChart(input: {
  data: readonly ProgressDatum[];
  title: Label;
  lang: ReportLang;
  statusNames: Readonly<Record<string, Label>>;
}): Promise<string> {
  const statuses = ["achieved", "on_track", "off_track", "no_baseline"];
  return renderSvg({
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: pick(input.title, input.lang),
    width: CHART_WIDTH,
    height: { step: 18 },
    config: config(input.data.map((d) => d.indicator)),
    data: {
      values: input.data.map((d) => ({
        ...d,
        statusName: pick(input.statusNames[d.status] ?? { zh: d.status, en: d.status }, input.lang),
      })),
    },
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          y: { field: "indicator", type: "nominal", sort: null, title: null },
          x: {
            field: "percentOfTarget",
            type: "quantitative",
            title: pick({ zh: "实际值占目标值（%）", en: "observed ÷ target (%)" }, input.lang),
          },
          color: {
            field: "statusName",
            type: "nominal",
            title: null,
            scale: {
              domain: statuses.map((s) => pick(input.statusNames[s] ?? { zh: s, en: s }, input.lang)),
              range: ["#0b6e4f", "#7fb069", "#c8553d", "#9e9e9e"],
            },
          },
        },
      },
      { mark: { type: "rule", color: "#333", strokeDash: [4, 3] }, encoding: { x: { datum: 100 } } },
    ],
  });
}
