import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { type LocalBackend, startLocalBackend } from "../../src/eleventy/localBackend.ts";
import { PROJECT, runCheck } from "../helpers/build.ts";
import { articleText, validFields } from "../helpers/fixtureSite.ts";
import { freePort } from "../helpers/network.ts";

/**
 * Decap's editorial workflow, offline: decap-server's git mode on a local clone stands in for
 * GitHub (a branch per article where GitHub has a pull request, its status where GitHub has
 * a label), behind the same guard as `npm start`'s backend. An article goes draft → in
 * review → ready → published (merged into main), as on the published site.
 */
const work = mkdtempSync(path.join(tmpdir(), "newsdesk-workflow-"));
const origin = path.join(work, "origin");
const clone = path.join(work, "clone");
const ARTICLE = "content/articles/2026/11/harbour-cranes.md";
const SLUG = "2026/11/harbour-cranes";
const TEXT = articleText({
  fields: validFields({ headline: "Harbour cranes arrive", date: "2026-11-20 09:00" }),
});
let backend: LocalBackend;
let port: number;

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

before(async () => {
  cpSync(path.join(PROJECT, "content/_data"), path.join(origin, "content/_data"), { recursive: true });
  cpSync(path.join(PROJECT, "content/pages"), path.join(origin, "content/pages"), { recursive: true });
  writeFileSync(path.join(origin, "README.md"), "newsroom\n");
  git(origin, "init", "-q", "-b", "main");
  git(origin, "-c", "user.name=Desk", "-c", "user.email=desk@example.org", "add", ".");
  git(origin, "-c", "user.name=Desk", "-c", "user.email=desk@example.org", "commit", "-q", "-m", "Newsroom");
  git(work, "clone", "-q", origin, clone);
  git(clone, "config", "user.name", "Wang Fan");
  git(clone, "config", "user.email", "wang.fan@example.org");
  port = await freePort();
  const started = await startLocalBackend({ contentDir: path.join(clone, "content"), port, mode: "git" });
  assert.ok(started);
  backend = started;
});
after(() => backend?.close());

/** One call of Decap's backend API, as the editor's page makes it. */
async function call(action: string, params: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1`, {
    method: "POST",
    headers: { "content-type": "application/json", host: `localhost:${port}` },
    body: JSON.stringify({ action, params: { branch: "main", ...params } }),
  });
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  return body;
}

const statusOf = async () =>
  ((await call("unpublishedEntry", { collection: "articles", slug: SLUG })) as { status: string }).status;

describe("the editorial workflow (decap-server's git mode on a clone)", () => {
  test("draft → in review → ready → published: a branch per article, merged into main at the end", async () => {
    await call("persistEntry", {
      entry: { slug: SLUG, path: ARTICLE, raw: TEXT },
      assets: [],
      options: {
        collectionName: "articles",
        commitMessage: "Create Article “harbour-cranes”",
        useWorkflow: true,
        status: "draft",
      },
    });
    const branch = "cms/articles/2026/11/harbour-cranes";
    // Saved on its own branch, not on main: on GitHub, a pull request.
    assert.equal(git(clone, "show", `${branch}:${ARTICLE}`), TEXT.trimEnd());
    assert.throws(() => git(clone, "show", `main:${ARTICLE}`));
    assert.equal(await statusOf(), "draft");

    for (const status of ["pending_review", "pending_publish"]) {
      await call("updateUnpublishedEntryStatus", { collection: "articles", slug: SLUG, newStatus: status });
      assert.equal(await statusOf(), status);
    }

    await call("publishUnpublishedEntry", { collection: "articles", slug: SLUG });
    assert.equal(git(clone, "show", `main:${ARTICLE}`), TEXT.trimEnd());
    assert.equal(git(clone, "branch", "--list", branch), "");
    const check = runCheck(path.join(clone, "content"));
    assert.equal(check.status, 0, check.stdout + check.stderr);
  });

  test("the guard holds in git mode too: nothing outside content/", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/v1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        action: "persistEntry",
        params: {
          branch: "main",
          entry: { slug: "x", path: ".github/workflows/publish.yml", raw: "on: push\n" },
          assets: [],
          options: { collectionName: "articles", commitMessage: "x", useWorkflow: true, status: "draft" },
        },
      }),
    });
    assert.equal(response.status, 403);
  });
});
