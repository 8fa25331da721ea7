import * as z from "zod";

export {
  type Confidence,
  type Label as Text,
  LabelSchema as TextSchema,
  type Source,
  SourceSchema,
} from "@carekit/core";

/** Zod schema of a data module's region: a six-digit GB/T 2260 code (`500111` 大足区) or `CN` for national. */
export const DataRegionSchema = /* @__PURE__ */ z.string().refine((code) => /^(\d{6}|CN)$/.test(code), {
  error: "must be a six-digit GB/T 2260 code or CN",
  params: { zh: "必须是六位行政区划代码或 CN" },
});

export { deepFreeze } from "@carekit/core/internal";
