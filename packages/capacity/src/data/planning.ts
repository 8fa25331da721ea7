import type { EmbeddedComplexStandard, ResidentialLandStandard } from "../standard.js";
import { dazuPlanSource } from "./childcare.js";

/**
 * New urban land provision rule (新建城区居住用地配建): for every 300 亩 of residential land, one kindergarten of at
 * least 9 classes and one community elder-care facility of at least 750 m² floor area. How to count a part of
 * 300 亩 is not stated, so {@link planResidentialLand} takes it as a parameter.
 *
 * @see 重庆市大足区人民政府办公室《重庆市大足区"一老一小"整体解决方案》（大足府办发〔2023〕37号，2023-03-31） 四(五) 完善土地住房支持政策
 * @example
 * ```ts
 * import { planResidentialLand, standards } from "@carekit/capacity";
 *
 * // per 300 亩 of new residential land: a kindergarten of at least 9 classes and an elder facility of at least 750 m²
 * standards.newUrbanLand.landMuPerSet; // → 300
 * standards.newUrbanLand.kindergartenMinClasses; // → 9
 * standards.newUrbanLand.elderFacilityMinFloorAreaM2; // → 750
 * planResidentialLand({ residentialLandMu: 900 }).kindergartens; // → 3
 * ```
 */
export const newUrbanLand: ResidentialLandStandard = {
  kind: "residentialLand",
  id: "newUrbanLand",
  version: "2023",
  effectiveFrom: "2023-04-10",
  effectiveTo: null,
  region: "500111",
  regionName: "大足区",
  source: {
    ...dazuPlanSource,
    note: "四(五): 新建城区原则上每300亩居住用地布局1处不小于9个班的幼儿园和1处建筑面积不小于750平方米的社区养老服务设施. Read on the 大足区 government site. Counting of part-sets is not stated.",
  },
  landMuPerSet: 300,
  kindergartensPerSet: 1,
  kindergartenMinClasses: 9,
  elderFacilitiesPerSet: 1,
  elderFacilityMinFloorAreaM2: 750,
};

/**
 * Community embedded service complex guideline (社区嵌入式服务综合体): floor area generally at least 600 m² (not
 * below 800 m² where conditions allow), at least 3 functions of which at least 2 from elder care, childcare,
 * after-school care and community meals. One secondary source: an overridable default.
 *
 * @see 《城市社区嵌入式服务设施建设导则（试行）》(国家发展改革委、住房城乡建设部、自然资源部, 2023)
 * @example
 * ```ts
 * import { checkEmbeddedComplex, standards } from "@carekit/capacity";
 *
 * // at least 600 m² (800 preferred), 3 functions, 2 of them core functions
 * standards.embeddedComplex.minFloorAreaM2; // → 600
 * standards.embeddedComplex.preferredFloorAreaM2; // → 800
 * standards.embeddedComplex.minFunctions; // → 3
 * // 500 m² with elder care and a canteen misses the area and the functions
 * checkEmbeddedComplex({ floorAreaM2: 500, functions: ["elderCare", "communityMeals"] }).compliant; // → false
 * ```
 */
export const embeddedComplex: EmbeddedComplexStandard = {
  kind: "embeddedComplex",
  id: "embeddedComplex",
  version: "2023 试行",
  effectiveFrom: null,
  effectiveTo: null,
  region: "CN",
  regionName: "全国",
  source: {
    title: "城市社区嵌入式服务设施建设导则（试行）（国家发展改革委、住房城乡建设部、自然资源部）",
    number: null,
    note: "2023; read in one repost of the 国家发改委 website news : an overridable default. Document number and effective date not confirmed. 建筑面积一般不低于600平方米, 有条件的不宜低于800平方米; 功能不少于3项, 其中养老服务、婴幼儿托育、儿童托管、社区助餐不少于2项.",
    confidence: "SECONDARY",
  },
  minFloorAreaM2: 600,
  preferredFloorAreaM2: 800,
  minFunctions: 3,
  minCoreFunctions: 2,
  coreFunctions: ["elderCare", "childcare", "afterSchool", "communityMeals"],
};
