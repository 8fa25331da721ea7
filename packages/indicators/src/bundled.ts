import type { IndicatorCatalogue } from "./catalogue.js";
import { countyMedicalCommunity, tieredCare2015 } from "./data/county-medical-community.js";
import { dazu2023 } from "./data/dazu-2023.js";
import { national14th, national15th } from "./data/national.js";
import { yilaoYixiao } from "./data/yilao-yixiao.js";
import type { Plan } from "./plan.js";

/**
 * The bundled indicator catalogues (内置指标目录): `yilaoYixiao` — the 21 indicators of the 大足区 表2-1;
 * `countyMedicalCommunity` — 医共体 indicators (基层诊疗量占比, 县域内就诊率, 医检互认率 …).
 *
 * @see 大足府办发〔2023〕37号; 国办发〔2015〕70号
 * @example
 * ```ts
 * import { catalogues } from "@carekit/indicators";
 *
 * // the 21 indicators of 大足区 表2-1, and the 医共体 set
 * catalogues.yilaoYixiao.indicators.length; // → 21
 * catalogues.countyMedicalCommunity.indicators.map((definition) => definition.name.zh);
 * // → ["基层医疗卫生机构诊疗量占比", "县域内就诊率", "医检互认率", "慢性病规范管理率", "家庭医生签约服务率"]
 * ```
 */
export const catalogues: {
  readonly yilaoYixiao: IndicatorCatalogue;
  readonly countyMedicalCommunity: IndicatorCatalogue;
} = {
  yilaoYixiao,
  countyMedicalCommunity,
};

/**
 * The bundled plans (内置规划): `dazu2023` — 大足区 表2-1 (2020 → 2025); `national14th` and `national15th` —
 * national anchors; `tieredCare2015` — the 2017 targets of 国办发〔2015〕70号.
 *
 * @see 大足府办发〔2023〕37号; 国办发〔2015〕70号; 《“十四五”公共服务规划》; 《“十四五”国家老龄事业发展和养老服务体系规划》
 *   (国务院, 2022-02, https://www.gov.cn/xinwen/2022-02/25/content_5675683.htm); 《“十四五”全民医疗保障规划》(国办发〔2021〕36号)
 * @example
 * ```ts
 * import { assessProgress, plans } from "@carekit/indicators";
 *
 * Object.keys(plans); // → ["dazu2023", "national14th", "national15th", "tieredCare2015"]
 * // 大足区 2023: 45 % nursing beds, behind the line from 32.30 % (2020) to 60 % (2025), which is at 48.92 %
 * const plan = plans.dazu2023;
 * assessProgress({ plan, indicatorId: "nursingBedShare", observed: { year: 2023, value: 45 } }).status; // → "off_track"
 * ```
 */
export const plans: {
  readonly dazu2023: Plan;
  readonly national14th: Plan;
  readonly national15th: Plan;
  readonly tieredCare2015: Plan;
} = { dazu2023, national14th, national15th, tieredCare2015 };
