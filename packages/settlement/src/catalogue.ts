import { IsoDateSchema, RateSchema, SourceSchema } from "@carekit/core";
import { RegionCodeSchema } from "@carekit/core/regions";
import * as z from "zod";
import { AmountSchema } from "./limits.js";
import { KeySchema, safeRecord } from "./source.js";

/**
 * ItemCatalogue classes (目录类别): 甲类 `A` (fully in scope), 乙类 `B` (in scope after a pre-self-pay share), 丙类 `C`.
 *
 * @example
 * ```ts
 * ITEM_CLASSES;
 * // → ["A", "B", "C"]
 * ```
 */
export const ITEM_CLASSES = ["A", "B", "C"] as const;
/** A catalogue class; see {@link ITEM_CLASSES}. */
export type ItemClass = (typeof ITEM_CLASSES)[number];

const ItemCatalogueEntrySchema = /* @__PURE__ */ z.strictObject({
  class: z.enum(ITEM_CLASSES),
  preSelfPayRate: RateSchema.optional(),
  priceCapFen: AmountSchema.optional(),
});

/** One entry of a {@link ItemCatalogue}: its class, an item-specific pre-self-pay rate, a unit price cap (限价). */
export type ItemCatalogueEntry = z.infer<typeof ItemCatalogueEntrySchema>;

/**
 * Zod schema of a treatment-place catalogue (就医地目录): item code → class `A` | `B` | `C`, an optional per-item
 * class-B pre-self-pay rate (先行自付比例) overriding the catalogue's `classBPreSelfPayRate`, and an optional unit
 * price cap in fen (定价上限, `pric_uplmt_amt`); versioned with effective dates and the region it applies to.
 *
 * @see 国家医保局 财政部《关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》(医保发〔2022〕22号, 2022-07-26): the payment scope comes with the 就医地目录; the 甲/乙/丙 class is an attribute of
 *   the catalogue entry (国家医疗保障信息平台 interface field `hilist_lv`: 01 甲类, 02 乙类, 03 丙类)
 * @example
 * ```ts
 * const catalogue = ItemCatalogueSchema.parse({
 *   id: "cq-2024", version: "2024", effectiveFrom: "2024-01-01", region: "500000",
 *   source: { title: "重庆市基本医疗保险药品和诊疗项目目录（你的副本）", number: "your copy", confidence: "SECONDARY" },
 *   classBPreSelfPayRate: 0.1,
 *   items: { "A-drug": { class: "A", priceCapFen: 2_000 }, "B-implant": { class: "B", preSelfPayRate: 0.3 } },
 * });
 * catalogue.items?.["B-implant"];
 * // → { class: "B", preSelfPayRate: 0.3 }
 * ItemCatalogueSchema.safeParse({ ...catalogue, items: { X: { class: "D" } } }).success;
 * // → false
 * ```
 */
export const ItemCatalogueSchema = /* @__PURE__ */ z
  .strictObject({
    id: KeySchema,
    version: z.string().min(1).max(40),
    effectiveFrom: IsoDateSchema,
    effectiveTo: IsoDateSchema.optional(),
    region: RegionCodeSchema,
    source: SourceSchema,
    classBPreSelfPayRate: RateSchema,
    items: safeRecord(KeySchema, ItemCatalogueEntrySchema)
      .refine((items) => Object.keys(items).length <= 200_000, {
        error: "at most 200000 items",
        params: { zh: "目录条目不能超过 200000 条" },
      })
      .optional(),
  })
  .refine((catalogue) => catalogue.effectiveTo === undefined || catalogue.effectiveTo >= catalogue.effectiveFrom, {
    error: "effectiveTo is before effectiveFrom",
    params: { zh: "失效日期早于生效日期" },
    path: ["effectiveTo"],
  });

/** A treatment-place catalogue (就医地目录); see {@link ItemCatalogueSchema}. */
export type ItemCatalogue = z.infer<typeof ItemCatalogueSchema>;
