import { CarekitError } from "./error.js";

/**
 * Freeze a value and everything inside it (深度冻结), so that validated data — a compiled rule set, a plan, an
 * indicator definition — cannot change afterwards. Already-frozen parts are left as they are. Returns the value.
 *
 * @example
 * ```ts
 * const plan = deepFreeze({ targets: [{ year: 2025, targetPer1000: 4.5 }] });
 * Object.isFrozen(plan.targets[0]); // → true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  // an explicit stack, not recursion: a 10,000-deep value must not overflow the call stack
  const stack: unknown[] = [value];
  try {
    while (stack.length > 0) {
      const next = stack.pop();
      if (typeof next === "object" && next !== null && !Object.isFrozen(next)) {
        Object.freeze(next);
        for (const child of Object.values(next)) stack.push(child);
      }
    }
  } catch (cause) {
    throw new CarekitError({
      code: "UNREADABLE_INPUT",
      message: "the value could not be read to freeze it",
      messageZh: "无法读取该值，不能冻结",
      issues: [{ path: "", message: "could not be read", messageZh: "无法读取" }],
      cause,
    });
  }
  return value;
}
