import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { pathOutside } from "../../src/eleventy/localBackend.ts";

/**
 * The local backend's guard finds every file or folder a request to decap-server names, in
 * each kind of request Decap sends, and refuses any outside content/.
 */
const body = (request: unknown) => Buffer.from(JSON.stringify(request));

describe("the local backend's guard", () => {
  const requests: [string, unknown, string | undefined][] = [
    [
      "an entry saved",
      { action: "persistEntry", params: { entry: { path: "../package.json" } } },
      "../package.json",
    ],
    ["files deleted", { action: "deleteFiles", params: { paths: ["content/a.md", "../x"] } }, "../x"],
    [
      "a file moved",
      { action: "persistEntry", params: { entry: { path: "content/a.md", newPath: "/etc/x" } } },
      "/etc/x",
    ],
    [
      "a picture uploaded",
      { action: "persistEntry", params: { assets: [{ path: "src/x.ts" }] } },
      "src/x.ts",
    ],
    [
      "a folder listed",
      { action: "entriesByFolder", params: { folder: "content/../layouts" } },
      "content/../layouts",
    ],
    ["the media listed", { action: "getMedia", params: { mediaFolder: "." } }, "."],
    [
      "a backslash",
      { action: "getEntry", params: { path: "content\\..\\src\\x.ts" } },
      "content\\..\\src\\x.ts",
    ],
    [
      "everything inside",
      { action: "deleteFiles", params: { paths: ["content/a.md", "content/images/b.jpg"] } },
      undefined,
    ],
  ];
  for (const [what, request, outside] of requests)
    test(`${what}: ${outside === undefined ? "let through" : `refuses ${outside}`}`, () => {
      assert.equal(pathOutside(body(request), "content/"), outside);
    });

  test("a request that is not JSON is refused", () => {
    assert.equal(pathOutside(Buffer.from("{not json"), "content/"), "(a request that is not JSON)");
  });
});
