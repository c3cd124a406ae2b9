import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DateTime } from "luxon";
import { fromInput, inputValue, nowIn } from "../../layouts/admin/siteDateWidget.ts";
import { parseEditorDate } from "../../src/domain/dates.ts";

/**
 * The web editor's date box works on the site's wall-clock time, never the browser's zone:
 * what the file holds is what the box shows, and what the box gives is written as the
 * dateline shows it. (The browser test runs it in a browser 16 hours behind Beijing.)
 */
const ZONE = "Asia/Shanghai";

describe("the web editor's date box", () => {
  test("shows a date as written, in the site's zone; an offset date as its Beijing time", () => {
    assert.equal(inputValue("2016-11-05 12:36", ZONE), "2016-11-05T12:36");
    assert.equal(inputValue("2016-11-05", ZONE), "2016-11-05T00:00");
    assert.equal(inputValue("2016-11-05 12:36:20", ZONE), "2016-11-05T12:36:20");
    assert.equal(inputValue("2016-11-05T04:36:00Z", ZONE), "2016-11-05T12:36");
    assert.equal(inputValue("05/11/2016", ZONE), "");
  });

  test("writes what the box gives as the dateline shows it, which the contract reads back", () => {
    assert.equal(fromInput("2016-11-05T12:36"), "2016-11-05 12:36");
    const read = parseEditorDate(fromInput(inputValue("2016-11-05 12:36", ZONE)), ZONE);
    assert.ok(read.ok);
    assert.equal(read.date.toISO(), "2016-11-05T12:36:00.000+08:00");
  });

  test("now is the site's time, whatever zone the process runs in", () => {
    const now = nowIn(ZONE);
    assert.match(now, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const read = parseEditorDate(now, ZONE);
    assert.ok(read.ok);
    assert.ok(Math.abs(read.date.diff(DateTime.now(), "minutes").minutes) < 2);
    assert.notEqual(nowIn("America/Los_Angeles"), now);
  });
});
