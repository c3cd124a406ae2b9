import { DateTime, FixedOffsetZone, IANAZone, type Zone } from "luxon";

/**
 * Editors write dates as the dateline shows them. A time without an offset is wall-clock
 * time in the site's zone, so an article at 00:30 Beijing time is on that Beijing date
 * everywhere (URL, dateline, listings), whatever zone the build machine is in.
 */
export type DateParse =
  | { readonly ok: true; readonly date: DateTime }
  | { readonly ok: false; readonly message: string };

/** `2016-11-05`, `2016-11-05 12:36` or `2016-11-05 12:36:20`: wall-clock time in the site's zone. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
const SHAPE = /^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

export const DATE_EXAMPLE = "2016-11-05 12:36";
const EARLIEST_YEAR = 1901;

export function parseEditorDate(text: string, zone: string): DateParse {
  const value = text.trim();
  if (!SHAPE.test(value)) {
    return { ok: false, message: `"${value}" is not a date; write it as ${DATE_EXAMPLE} (site time)` };
  }
  let date: DateTime | undefined;
  if (value.includes("T") || HAS_OFFSET.test(value)) {
    // Full ISO 8601; with an offset it names an instant, without one it is site time.
    date = DateTime.fromISO(value.replace(" ", "T"), { zone, setZone: false }).setZone(zone);
  } else {
    // Read the parts directly: luxon's format parser is the slow part of checking 100,000 files.
    const [, year, month, day, hour = "0", minute = "0", second = "0"] = WALL_CLOCK.exec(value) ?? [];
    const parts = {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second),
    };
    const candidate = DateTime.fromObject(parts, { zone: steadyZone(zone, parts.year) });
    // luxon rolls 2016-02-30 over or marks it invalid; either way it is not the date written.
    if (candidate.isValid && candidate.day === parts.day && candidate.hour === parts.hour) date = candidate;
  }
  if (!date?.isValid) {
    return { ok: false, message: `"${value}" is not a real date or time; check the day, month and hour` };
  }
  // Earlier years are a typing mistake, and before time zones were standard a zone's offset
  // was local mean time (Shanghai +08:05:43), which no feed or sitemap can write.
  if (date.year < EARLIEST_YEAR) {
    return { ok: false, message: `"${value}" is before ${EARLIEST_YEAR}; check the year` };
  }
  return { ok: true, date };
}

/**
 * An instant (milliseconds, as the build state keeps dates) in the site's zone, as
 * `parseEditorDate` would have made it: the same zone object, so a kept article's dates are
 * the ones a fresh reading gives, and as cheap.
 */
export function instantInZone(millis: number, zone: string): DateTime {
  const year = new Date(millis).getUTCFullYear();
  const date = DateTime.fromMillis(millis, { zone: steadyZone(zone, year) });
  // Near New Year the site's year may be the next or the last one.
  return date.year === year ? date : DateTime.fromMillis(millis, { zone: steadyZone(zone, date.year) });
}

/**
 * For a year in which the zone's offset never changes (Asia/Shanghai since 1991), a fixed
 * offset zone gives the same instants as the named zone without asking Intl for every date,
 * which is most of the cost of reading 100,000 dates. Zones with daylight saving keep their name.
 */
function steadyZone(zone: string, year: number): Zone {
  const key = `${zone} ${year}`;
  let steady = steadyZones.get(key);
  if (!steady) {
    const named = IANAZone.create(zone);
    const offsets = [1, 4, 7, 10].map((month) => named.offset(Date.UTC(year, month - 1, 1)));
    steady = offsets.every((offset) => offset === offsets[0])
      ? FixedOffsetZone.instance(offsets[0] ?? 0)
      : named;
    steadyZones.set(key, steady);
  }
  return steady;
}

const steadyZones = new Map<string, Zone>();

/**
 * One formatted string per date and form, made once per build: an article's date is shown
 * on its page and in every list that holds it, and luxon's formatting was a tenth of the render.
 */
function remembered(format: (date: DateTime) => string): (date: DateTime) => string {
  const made = new WeakMap<DateTime, string>();
  return (date) => {
    let text = made.get(date);
    if (text === undefined) {
      text = format(date);
      made.set(date, text);
    }
    return text;
  };
}

/** The dateline form, `2016-11-05 12:36`, in the site's zone. */
export const formatDateline = remembered((date) => date.toFormat("yyyy-MM-dd HH:mm"));

/**
 * The date part of an article URL, `2016-11-05`, in the site's zone. `toISODate` gives the
 * same text for the four-digit years articles have, without parsing a format each time.
 */
export const formatUrlDate = remembered((date) => date.toISODate() ?? "");

/** ISO 8601 with the site's offset, e.g. `2016-11-05T12:36:00+08:00`, for `<time>` and metadata. */
export const formatIso = remembered((date) => date.toISO({ suppressMilliseconds: true }) ?? "");

/** A zone name of the IANA database (`Asia/Shanghai`): the only kind dates are read in. */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}
