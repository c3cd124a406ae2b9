import { existsSync } from "node:fs";
import { CHROMIUM } from "../../tools/headlessChromium.ts";

/**
 * Why browser tests cannot run here, or undefined when they can. Without Chromium they
 * skip with how to install it; under CI they never skip.
 */
export function browserSkipReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `Chromium not found at ${CHROMIUM}: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH)`;
  if (process.env.CI === "true") throw new Error(`${reason}; CI must run the browser tests`);
  return reason;
}
