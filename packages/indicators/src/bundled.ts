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
 * {@includeCode ../test/catalogue.test.ts#catalogue}
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
 * {@includeCode ../test/dazu.test.ts#example}
 */
export const plans: {
  readonly dazu2023: Plan;
  readonly national14th: Plan;
  readonly national15th: Plan;
  readonly tieredCare2015: Plan;
} = { dazu2023, national14th, national15th, tieredCare2015 };
