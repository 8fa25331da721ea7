import type { TraceStep } from "@carekit/core";
import { fieldError } from "@carekit/core/internal";
import * as z from "zod";
import { complexStandards, resolveStandard, type StandardRef } from "./builtin.js";
import { traceSource, traceStep } from "./trace.js";
import { parse } from "./validate.js";

/**
 * Zod schema of the input of {@link checkEmbeddedComplex}. Functions are free-form ids; the core ones are
 * `elderCare`, `childcare`, `afterSchool` and `communityMeals`.
 *
 * @example
 * ```ts
 * import { CheckEmbeddedComplexInputSchema } from "@carekit/capacity";
 *
 * // 重庆高新区 虎溪街道学智社区 溪畔会客厅: about 2000 m² with six functions
 * const functions = ["childcare", "elderCare", "partyServices", "youthStartups", "counselling", "studyCentre"];
 * const xipan = { floorAreaM2: 2000, functions };
 * CheckEmbeddedComplexInputSchema.safeParse(xipan).success; // → true
 * // a function needs a name
 * CheckEmbeddedComplexInputSchema.safeParse({ floorAreaM2: 600, functions: [""] }).success; // → false
 * ```
 */
export const CheckEmbeddedComplexInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    floorAreaM2: z.number().positive().max(1_000_000),
    functions: z.array(z.string().min(1).max(100)).max(100),
    standard: z.unknown().optional(),
  }))();

/** Input of {@link checkEmbeddedComplex}: floor area in m² and the functions (services) the site offers. */
export type CheckEmbeddedComplexInput = Omit<z.input<typeof CheckEmbeddedComplexInputSchema>, "standard"> & {
  standard?: StandardRef<"embeddedComplex">;
};

/** One requirement a complex does not meet. */
export interface UnmetRequirement {
  /** `floorArea` (建筑面积), `functions` (功能数) or `coreFunctions` (核心功能数). */
  requirement: "floorArea" | "functions" | "coreFunctions";
  /** The minimum the guideline asks for. */
  required: number;
  /** What the site has. */
  actual: number;
  /** The requirement in words, Chinese and English. */
  label: { zh: string; en: string };
}

/** Result of {@link checkEmbeddedComplex}. */
export interface EmbeddedComplexCheck {
  /** Whether every requirement is met (达标). */
  compliant: boolean;
  /** The requirements not met, empty when compliant. */
  unmet: UnmetRequirement[];
  /** Whether the floor area also reaches the preferred size (有条件的不宜低于 800 ㎡). */
  meetsPreferredArea: boolean;
  /** The core functions found among `functions`. */
  coreFunctions: string[];
  /** How it was checked. */
  trace: TraceStep[];
}

/**
 * 社区嵌入式服务综合体达标核查 — check a community embedded service complex (for example a 老幼共托 site) against the
 * guideline: floor area ≥ `minFloorAreaM2` (600 m²), at least `minFunctions` (3) functions, of which at least
 * `minCoreFunctions` (2) core ones (elder care, childcare, after-school care, community meals). Returns compliant or
 * the list of unmet requirements, and whether the preferred area (800 m²) is reached.
 *
 * @param input - `{ floorAreaM2, functions, standard? }` (default `embeddedComplex`)
 * @returns `compliant`, the `unmet` requirements, `meetsPreferredArea` and the trace
 * @throws {CarekitError} OUT_OF_RANGE for an area ≤ 0; INVALID_INPUT for a repeated or empty function, `NaN`,
 *   unknown keys; UNKNOWN_STANDARD for an unknown standard id
 * @see 《城市社区嵌入式服务设施建设导则（试行）》(国家发展改革委、住房城乡建设部、自然资源部, 2023)
 * @example
 * ```ts
 * import { checkEmbeddedComplex } from "@carekit/capacity";
 *
 * // 学智社区 “溪畔会客厅”: about 2000 m² with childcare, elder care and three other functions
 * const xipan = checkEmbeddedComplex({
 *   floorAreaM2: 2000,
 *   functions: ["childcare", "elderCare", "partyServices", "counselling", "studyCentre"],
 * });
 * xipan.compliant; // → true
 * checkEmbeddedComplex({ floorAreaM2: 500, functions: ["elderCare"] }).compliant; // → false
 * ```
 */
export function checkEmbeddedComplex(input: CheckEmbeddedComplexInput): EmbeddedComplexCheck {
  const parsed = parse(CheckEmbeddedComplexInputSchema, input, { en: "embedded complex", zh: "嵌入式服务综合体输入" });
  const standard = resolveStandard(parsed.standard ?? "embeddedComplex", "embeddedComplex", complexStandards);
  const { floorAreaM2, functions } = parsed;
  functions.forEach((name, index) => {
    if (functions.indexOf(name) !== index) {
      throw fieldError("INVALID_INPUT", `functions[${index}]`, `${name} is listed twice`, `功能 ${name} 重复列出`);
    }
  });
  const core: readonly string[] = standard.coreFunctions;
  const coreFunctions = functions.filter((name) => core.includes(name));
  const checks: UnmetRequirement[] = [
    {
      requirement: "floorArea",
      required: standard.minFloorAreaM2,
      actual: floorAreaM2,
      label: { zh: "建筑面积不低于下限", en: "floor area at least the minimum" },
    },
    {
      requirement: "functions",
      required: standard.minFunctions,
      actual: functions.length,
      label: { zh: "服务功能数不少于下限", en: "number of functions at least the minimum" },
    },
    {
      requirement: "coreFunctions",
      required: standard.minCoreFunctions,
      actual: coreFunctions.length,
      label: {
        zh: "养老、托育、儿童托管、社区助餐功能数不少于下限",
        en: "elder care, childcare, after-school care and meal functions at least the minimum",
      },
    },
  ];
  const unmet = checks.filter((check) => check.actual < check.required);
  const meetsPreferredArea = floorAreaM2 >= standard.preferredFloorAreaM2;
  return {
    compliant: unmet.length === 0,
    unmet,
    meetsPreferredArea,
    coreFunctions,
    trace: [
      ...checks.map((check) =>
        traceStep(
          check.requirement,
          check.label.zh,
          check.label.en,
          "actual ≥ required",
          { actual: check.actual, required: check.required },
          check.actual >= check.required,
          traceSource(standard),
        ),
      ),
      traceStep(
        "preferredArea",
        "有条件的不宜低于的建筑面积",
        "preferred floor area where conditions allow",
        "floorAreaM2 ≥ preferredFloorAreaM2",
        { floorAreaM2, preferredFloorAreaM2: standard.preferredFloorAreaM2 },
        meetsPreferredArea,
        traceSource(standard),
      ),
    ],
  };
}
