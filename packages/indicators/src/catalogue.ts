import { IsoDateSchema, LabelSchema, SourceSchema } from "@carekit/core";
import * as z from "zod";
import { IndicatorDefinitionSchema, IndicatorIdSchema } from "./definition.js";
import { DataRegionSchema } from "./source.js";

/**
 * Zod schema of a {@link IndicatorCatalogue} (指标目录) data module: `id`, `version`, `name`, `effectiveFrom`
 * (`effectiveTo`), `region` (six-digit GB/T 2260 code or `CN`), `source` and its `indicators`.
 *
 * @example
 * ```ts
 * import { catalogues, IndicatorCatalogueSchema } from "@carekit/indicators";
 *
 * // every bundled catalogue passes its schema
 * IndicatorCatalogueSchema.safeParse(catalogues.yilaoYixiao).success; // → true
 * IndicatorCatalogueSchema.safeParse(catalogues.countyMedicalCommunity).success; // → true
 * // a region is a six-digit GB/T 2260 code (500111) or CN, and a catalogue holds at least one indicator
 * IndicatorCatalogueSchema.safeParse({ ...catalogues.yilaoYixiao, region: "大足区" }).success; // → false
 * IndicatorCatalogueSchema.safeParse({ ...catalogues.yilaoYixiao, indicators: [] }).success; // → false
 * ```
 */
export const IndicatorCatalogueSchema = /* @__PURE__ */ z.strictObject({
  id: IndicatorIdSchema,
  version: z.string().min(1).max(40),
  name: LabelSchema,
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema.optional(),
  region: DataRegionSchema,
  source: SourceSchema,
  indicators: z.array(IndicatorDefinitionSchema).min(1).max(500),
});

/** A named, versioned set of indicator definitions (指标目录), such as the 一老一小 catalogue. */
export type IndicatorCatalogue = z.output<typeof IndicatorCatalogueSchema>;
