/** Both sides of the differential check, as plain data: each input's decision (without the trace's labels) or its error code. */
import { compileRuleSet, type Decision, type RuleSet } from "../../src/index.js";
import { type ReferenceDecision, referenceEvaluate } from "./evaluate.js";

export type Outcome =
  | { readonly ok: true; readonly decision: ReferenceDecision; readonly trace: readonly (string | null)[] }
  | { readonly ok: false; readonly code: unknown };

function settle(run: () => Outcome): Outcome {
  try {
    return run();
  } catch (error) {
    return { ok: false, code: (error as { code?: unknown }).code ?? String(error) };
  }
}

/** The engine's side: one compiled engine evaluates every input in turn. */
export function engineOutcomes(ruleSet: RuleSet, inputs: readonly unknown[], compile = compileRuleSet): Outcome[] {
  const engine = compile(ruleSet);
  return inputs.map((input) =>
    settle(() => {
      const d: Decision = engine.evaluate(input as never);
      return {
        ok: true,
        decision: {
          action: d.action,
          targetLevel: d.targetLevel,
          urgency: d.urgency,
          followUpDays: d.followUpDays,
          winner: d.trace.at(-1)?.ruleId ?? null,
          fired: d.fired.map((f) => ({
            ruleId: f.ruleId,
            action: f.action,
            targetLevel: f.targetLevel,
            urgency: f.urgency,
            reason: f.reason,
            evidence: f.evidence.map((e) => ({ ...e })),
          })),
        },
        trace: d.trace.map((step) => step.ruleId),
      };
    }),
  );
}

/** The reference's side: the recursive reading, input by input; the trace is the fired rules, then the winner. */
export function referenceOutcomes(ruleSet: RuleSet, inputs: readonly unknown[]): Outcome[] {
  return inputs.map((input) =>
    settle(() => {
      const decision = referenceEvaluate(ruleSet, input);
      return { ok: true, decision, trace: [...decision.fired.map((f) => f.ruleId), decision.winner] };
    }),
  );
}
