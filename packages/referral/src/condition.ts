import type { Operator } from "./model.js";

/**
 * One piece of evidence (证据) behind a fired rule: the leaf condition, the value it expected, the patient's actual
 * value (`null` when the fact was absent) and whether the leaf held. Under a `not`, the leaves that did *not* hold
 * are the evidence, with `result: false`.
 */
export interface Evidence {
  /** The fact the leaf reads (事实). */
  readonly fact: string;
  /** The leaf's operator. */
  readonly op: Operator;
  /** The value the rule compares with (规则取值). */
  readonly expected: unknown;
  /** The patient's value (患者取值); `null` when the fact was absent. */
  readonly actual: unknown;
  /** Whether the leaf held. */
  readonly result: boolean;
}
