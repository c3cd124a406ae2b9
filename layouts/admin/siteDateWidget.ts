import { DateTime } from "luxon";
import { parseEditorDate } from "../../src/domain/dates.ts";
import type { ControlSpec, CreateElement, ImmutableValue } from "./decap.ts";

/**
 * The date widget of the web editor: dates as the dateline shows them (`2016-11-05 12:36`),
 * in the site's zone whatever the browser's.
 *
 * Decap's own date widget knows only the browser's zone or UTC: its "Now" is the browser's
 * time, and it turns what it shows into a date in the browser's zone and back, which moves a
 * time that does not exist there (a daylight-saving gap) by an hour. This one works on the
 * text alone: the browser's `datetime-local` box shows and takes wall-clock time with no zone
 * at all, "Now" is the site zone's time (luxon, the build's date library), and a date is
 * written back only when the editor changes it, so a date written with an offset
 * (`2016-11-05T04:36:00Z`) stays as it was. Its check is the contract's own (parseEditorDate).
 */
export function siteDateControl(h: CreateElement): ControlSpec {
  return {
    displayName: "SiteDateControl",
    componentDidMount() {
      // A new article's date starts at now, in the site's zone, as `npm run new` dates one.
      const { value, field, onChange } = this.props;
      if (!value && field.get("default_now") === true) onChange(nowIn(zoneOf(field)));
    },
    isValid() {
      const { value, field } = this.props;
      if (typeof value !== "string" || value === "") return true;
      const parsed = parseEditorDate(value, zoneOf(field));
      return parsed.ok ? true : { error: { message: `${String(field.get("label"))}: ${parsed.message}` } };
    },
    render() {
      const { value, field, onChange, forID, classNameWrapper, setActiveStyle, setInactiveStyle } =
        this.props;
      const zone = zoneOf(field);
      const text = typeof value === "string" ? value : "";
      const shown = inputValue(text, zone);
      return h(
        "div",
        { className: "site-date" },
        h("input", {
          type: "datetime-local",
          id: forID,
          className: `${classNameWrapper} site-date-input`,
          value: shown,
          // Seconds show only for a date written with them.
          step: shown.length > 16 ? 1 : 60,
          onChange: (event: { target: { value: string } }) => onChange(fromInput(event.target.value)),
          onFocus: setActiveStyle,
          onBlur: setInactiveStyle,
        }),
        h(
          "div",
          { className: "site-date-tools" },
          h(
            "button",
            { type: "button", className: "site-date-button", onClick: () => onChange(nowIn(zone)) },
            "Now",
          ),
          h(
            "button",
            { type: "button", className: "site-date-button", onClick: () => onChange("") },
            "Clear",
          ),
          h(
            "span",
            { className: "site-date-zone" },
            `${zone} time${text && !shown ? `; the file has "${text}"` : ""}`,
          ),
        ),
      );
    },
  };
}

function zoneOf(field: ImmutableValue): string {
  return String(field.get("time_zone"));
}

/** Now, in the site's zone, as the dateline shows it. */
export function nowIn(zone: string): string {
  return DateTime.now().setZone(zone).toFormat("yyyy-MM-dd HH:mm");
}

/**
 * The box's value for a date as written: its wall-clock time in the site's zone
 * (`2016-11-05T12:36`, with seconds when written with them), or empty when it is not a date.
 */
export function inputValue(text: string, zone: string): string {
  const parsed = parseEditorDate(text, zone);
  if (!parsed.ok) return "";
  const { date } = parsed;
  return date.toFormat(date.second === 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss");
}

/** What the box gives (`2016-11-05T12:36`), as the dateline writes it (`2016-11-05 12:36`). */
export function fromInput(value: string): string {
  return value.replace("T", " ");
}
