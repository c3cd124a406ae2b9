import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatDateline, formatIso, formatUrlDate, parseEditorDate } from "../../src/domain/dates.ts";

const ZONE = "Asia/Shanghai";

function parsed(text: string) {
  const result = parseEditorDate(text, ZONE);
  assert.ok(result.ok, `expected "${text}" to parse`);
  return result.date;
}

describe("parseEditorDate", () => {
  const cases: [string, string][] = [
    ["2016-11-05 12:36", "2016-11-05T12:36:00+08:00"],
    ["2016-11-05 12:36:20", "2016-11-05T12:36:20+08:00"],
    ["2016-11-05", "2016-11-05T00:00:00+08:00"],
    ["2016-11-05T12:36", "2016-11-05T12:36:00+08:00"],
    ["2016-11-05T04:36:00Z", "2016-11-05T12:36:00+08:00"],
    ["2016-11-05T12:36:00+08:00", "2016-11-05T12:36:00+08:00"],
    ["2016-11-04T23:36:00-05:00", "2016-11-05T12:36:00+08:00"],
  ];
  for (const [input, iso] of cases) {
    test(`reads ${input} in the site zone`, () => assert.equal(formatIso(parsed(input)), iso));
  }

  test("00:30 Beijing time stays on its Beijing date in dateline and URL, whatever the machine's zone", () => {
    const date = parsed("2016-11-05 00:30");
    assert.equal(formatDateline(date), "2016-11-05 00:30");
    assert.equal(formatUrlDate(date), "2016-11-05");
    assert.equal(date.toUTC().toISODate(), "2016-11-04", "it is still the previous day in UTC");
  });

  test("an instant given with an offset is shown in site time", () => {
    assert.equal(formatDateline(parsed("2016-11-04T16:30:00Z")), "2016-11-05 00:30");
  });

  for (const impossible of ["2016-02-30 10:00", "2016-13-01", "2016-11-05 25:00", "2016-11-05 12:61"]) {
    test(`rejects the impossible date ${impossible}`, () => {
      const result = parseEditorDate(impossible, ZONE);
      assert.equal(result.ok, false);
      assert.match(result.ok ? "" : result.message, /not a real date/);
    });
  }

  for (const malformed of ["yesterday", "05/11/2016", "2016-11-5 12:36", "2016-11-05 12"]) {
    test(`rejects the malformed date "${malformed}" with the expected form`, () => {
      const result = parseEditorDate(malformed, ZONE);
      assert.equal(result.ok, false);
      assert.match(result.ok ? "" : result.message, /2016-11-05 12:36/);
    });
  }
});
