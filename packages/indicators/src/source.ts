import type { Source, TraceSource } from "@carekit/core";
import * as z from "zod";

/** Zod schema of a data module's region: a six-digit GB/T 2260 code (`500111` 大足区) or `CN` for national. */
export const DataRegionSchema = /* @__PURE__ */ z.string().refine((code) => /^(\d{6}|CN)$/.test(code), {
  error: "must be a six-digit GB/T 2260 code or CN",
  params: { zh: "必须是六位行政区划代码或 CN" },
});

/** The {@link TraceSource} a trace step cites for a data module's source: its title, 文号 and URL. */
export function traceSourceOf(source: Source): TraceSource {
  return { title: source.title, number: source.number ?? null, ...(source.url ? { url: source.url } : {}) };
}
