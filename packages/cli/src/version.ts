import { createRequire } from "node:module";

/** The installed version of `@carekit/cli`, read from its package.json (never hard-coded: changesets bumps it there). */
export const VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string }).version;
