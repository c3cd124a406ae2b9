import { DateTime } from "luxon";

/**
 * The build's clock: `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
 * convention) when set, else now. It decides what is published and the copyright year,
 * so two builds with the same epoch give the same site.
 */
export function buildClock(env: NodeJS.ProcessEnv = process.env): DateTime {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch)) {
      throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
    }
    return DateTime.fromSeconds(Number(epoch), { zone: "utc" });
  }
  return DateTime.utc();
}
