import { DateTime } from "luxon";
import { ContentError, ENVIRONMENT } from "./problem.ts";

/** The last second of the year 9999: dates past it have no four-digit year. */
const LATEST_EPOCH = 253_402_300_799;

/**
 * The build's clock: `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
 * convention) when set, else now. It decides what is published and the copyright year,
 * so two builds with the same epoch give the same site. Throws ContentError naming the
 * variable when it is not whole seconds from 1970 to the end of 9999.
 */
export function buildClock(env: NodeJS.ProcessEnv = process.env): DateTime {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (!epoch) return DateTime.utc();
  if (!/^\d+$/.test(epoch) || Number(epoch) > LATEST_EPOCH) {
    throw new ContentError([
      {
        severity: "error",
        file: ENVIRONMENT,
        line: 0,
        field: "SOURCE_DATE_EPOCH",
        message: `must be whole seconds since 1970, from 0 to ${LATEST_EPOCH} (the end of 9999), not "${epoch}"; unset it to build at the current time`,
      },
    ]);
  }
  return DateTime.fromSeconds(Number(epoch), { zone: "utc" });
}
