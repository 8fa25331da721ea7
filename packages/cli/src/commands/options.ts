import { InvalidArgumentError } from "commander";

/** Parse a numeric option strictly: `4.5` yes, `4,5` or `abc` no (a usage error, exit 2). */
export function numberOption(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number))
    throw new InvalidArgumentError(`not a number: ${value} · 不是数字`);
  return number;
}
