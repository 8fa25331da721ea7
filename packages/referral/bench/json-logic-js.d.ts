declare module "json-logic-js" {
  /** A json-logic rule: `{ "op": [args] }`. */
  export type RulesLogic = unknown;
  const jsonLogic: { apply(logic: RulesLogic, data?: unknown): unknown };
  export default jsonLogic;
}
