import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { parse } from "yaml";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  id?: string;
  if?: string;
}
interface Job {
  needs?: string | string[];
  if?: string;
  container?: string;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

// The workflows cannot run here, so their shape is checked (what must happen, in what
// order), and the shell of the steps that decide something is run on its own.
const read = (name: string) => parse(readFileSync(`.github/workflows/${name}`, "utf8")) as Workflow;
const testing = read("test.yml");
const publishing = read("publish.yml");
const { commit, build, deploy, forget } = publishing.jobs;

function step(job: Job | undefined, which: (s: Step) => boolean): Step {
  const found = job?.steps.find(which);
  assert.ok(found, "no such step");
  return found;
}
const uses = (action: string) => (s: Step) => s.uses?.startsWith(`${action}@`) ?? false;
const byId = (id: string) => (s: Step) => s.id === id;
/** The run's own cache key, as the cache steps name it. */
const RUN_KEY = /^\$\{\{ env\.SITE_CACHE_KEY \}\}$/;

/** Runs a step's shell in a fresh folder; returns what it printed and wrote to $GITHUB_OUTPUT. */
function runStep(
  script: string,
  prepare: (dir: string) => void,
  env: Record<string, string> = {},
): { stdout: string; outputs: Record<string, string> } {
  const dir = mkdtempSync(path.join(tmpdir(), "newsdesk-step-"));
  prepare(dir);
  const outputFile = path.join(dir, "github-output");
  writeFileSync(outputFile, "");
  const result = spawnSync("bash", ["-e", "-c", script], {
    cwd: dir,
    encoding: "utf8",
    env: {
      ...process.env,
      ...publishing.env,
      GITHUB_OUTPUT: outputFile,
      GITHUB_REPOSITORY: "eb/news",
      ...env,
    },
  });
  assert.equal(result.status, 0, result.stderr);
  const outputs = Object.fromEntries(
    readFileSync(outputFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => line.split("=") as [string, string]),
  );
  return { stdout: result.stdout, outputs };
}

describe("the test workflow", () => {
  test("runs on every push to main and on pull requests, never on a schedule", () => {
    assert.deepEqual(Object.keys(testing.on).sort(), ["pull_request", "push"]);
    // Every push to main, content alone included: publish.yml builds only a tested commit of main.
    assert.deepEqual(testing.on.push, { branches: ["main"] });
  });

  test("skips a pull request that changes only content/, which check-pull-request.yml checks", () => {
    // The web editor opens one for each article it saves: the suite would run for each save.
    assert.deepEqual(testing.on.pull_request, { "paths-ignore": ["content/**"] });
    const checking = read("check-pull-request.yml");
    assert.ok("pull_request" in checking.on);
    assert.ok(step(checking.jobs.check, (s) => /npm run check\b.*--format github/.test(s.run ?? "")));
  });

  test("runs the suite the way .ci/run does, in Debian with Node 20", () => {
    const job = testing.jobs.test;
    assert.match(job?.container ?? "", /^node:20-bookworm/);
    assert.ok(job?.steps.some((s) => s.run === "bash .ci/run" && s.env?.CI === "true"));
  });
});

describe("the publishing workflow", () => {
  test("runs every hour, by hand, and after a test run of main; never on a push itself", () => {
    assert.match((publishing.on.schedule as { cron: string }[])[0]?.cron ?? "", /^\d+ \* \* \* \*$/);
    assert.ok("workflow_dispatch" in publishing.on);
    assert.deepEqual(publishing.on.workflow_run, {
      workflows: [testing.name],
      types: ["completed"],
      branches: ["main"],
    });
    assert.ok(!("push" in publishing.on) && !("pull_request" in publishing.on));
  });

  test("builds only the newest commit of main whose tests passed", () => {
    // After a test run: only a successful one, of a push (a pull request from a fork's main is not main).
    assert.match(commit?.if ?? "", /workflow_run\.conclusion == 'success'/);
    assert.match(commit?.if ?? "", /workflow_run\.event == 'push'/);
    assert.equal(commit?.permissions?.actions, "read");
    assert.deepEqual(build?.needs, "commit");
    assert.match(
      step(build, uses("actions/checkout")).with?.ref ?? "",
      /^\$\{\{ needs\.commit\.outputs\.sha \}\}$/,
    );
  });

  test("asks the Actions API for that commit, and fails when there is none", () => {
    const script = step(commit, byId("tested")).run ?? "";
    /** A stand-in for `gh` first on PATH: it notes its arguments and answers as the real one would after --jq. */
    const fakeGh = (answer: string) => {
      const folder = mkdtempSync(path.join(tmpdir(), "newsdesk-gh-"));
      writeFileSync(path.join(folder, "gh"), `#!/bin/sh\necho "$@" > "${folder}/args"\necho "${answer}"\n`);
      chmodSync(path.join(folder, "gh"), 0o755);
      return { args: path.join(folder, "args"), env: { PATH: `${folder}:${process.env.PATH}` } };
    };
    const tested = fakeGh("0123abc");
    assert.equal(runStep(script, () => {}, tested.env).outputs.sha, "0123abc");
    const args = readFileSync(tested.args, "utf8");
    for (const flag of [
      "run list",
      "--workflow test.yml",
      "--branch main",
      "--event push",
      "--status success",
    ])
      assert.ok(args.includes(flag), `gh ${args} lacks ${flag}`);

    const none = fakeGh("");
    const failed = spawnSync("bash", ["-e", "-c", script], {
      encoding: "utf8",
      env: { ...process.env, ...none.env, GITHUB_OUTPUT: "/dev/null", GITHUB_REPOSITORY: "eb/news" },
    });
    assert.notEqual(failed.status, 0);
    assert.match(failed.stdout, /^::error::No commit of main has passed the Test workflow/m);
  });

  test("restores .cache/ and _site/ together under a key of its own run, by a prefix of it, before building", () => {
    const key = publishing.env?.SITE_CACHE_KEY ?? "";
    assert.match(key, /\$\{\{ github\.run_id \}\}/);
    assert.match(key, /\$\{\{ github\.run_attempt \}\}/);
    const restore = step(build, uses("actions/cache/restore"));
    assert.match(restore.with?.key ?? "", RUN_KEY);
    assert.ok(
      key.startsWith(restore.with?.["restore-keys"] ?? "-"),
      "the restore prefix is the start of every run's key",
    );
    assert.deepEqual(restore.with?.path?.trim().split("\n"), [".cache", "_site"]);
    const order = build?.steps ?? [];
    assert.ok(order.indexOf(restore) < order.findIndex((s) => s.run?.includes("npm run build")));
  });

  test("builds with the run's time as the clock and the Pages address", () => {
    const buildStep = step(build, (s) => s.run?.includes("npm run build") ?? false);
    assert.equal(buildStep.env?.SOURCE_DATE_EPOCH, undefined);
    assert.doesNotMatch(readFileSync(".github/workflows/publish.yml", "utf8"), /SOURCE_DATE_EPOCH:/);
    assert.match(buildStep.env?.SITE_URL ?? "", /steps\.pages\.outputs\.base_url/);
    // A changes list restored with the cache is never taken for this build's.
    assert.match(buildStep.run ?? "", /rm -f \.cache\/last-build-changes\.txt\n/);
  });

  test("deploys only when the build changed something", () => {
    const script = step(build, byId("changes")).run ?? "";
    const changedWith = (list: string | undefined) =>
      runStep(script, (dir) => {
        if (list === undefined) return;
        mkdirSync(path.join(dir, ".cache"));
        writeFileSync(path.join(dir, ".cache/last-build-changes.txt"), list);
      }).outputs.changed;
    assert.equal(changedWith("kind\tincremental\n"), "false");
    assert.equal(changedWith("kind\tincremental\nwritten\teconomy/2026-11-28/a/index.html\n"), "true");
    assert.equal(changedWith("kind\tincremental\nremoved\teconomy/2026-11-20/b/index.html\n"), "true");
    assert.equal(changedWith("kind\tfull\nwritten\tindex.html\n"), "true");
    assert.equal(changedWith(undefined), "true", "a build that lists nothing may have changed anything");

    const upload = step(build, uses("actions/upload-pages-artifact"));
    assert.equal(upload.with?.path, "_site");
    assert.equal(upload.if, "steps.changes.outputs.changed == 'true'");
    assert.equal(deploy?.needs, "build");
    assert.equal(deploy?.if, "needs.build.outputs.changed == 'true'");
    assert.equal(deploy?.environment?.name, "github-pages");
    assert.ok(deploy?.steps.some(uses("actions/deploy-pages")));
    assert.equal(publishing.permissions.pages, "write");
    assert.equal(publishing.permissions["id-token"], "write");
  });

  test("saves .cache/ and _site/ under the run's key only below the size limit, and says so above it", () => {
    const script = step(build, byId("size")).run ?? "";
    const twoFolders = (dir: string) => {
      mkdirSync(path.join(dir, ".cache"));
      mkdirSync(path.join(dir, "_site"));
      writeFileSync(path.join(dir, ".cache/state"), "x".repeat(60_000));
      writeFileSync(path.join(dir, "_site/index.html"), "x".repeat(60_000));
    };
    const small = runStep(script, twoFolders);
    assert.equal(small.outputs.save, "true");
    const large = runStep(script, twoFolders, { SITE_CACHE_LIMIT_BYTES: "100000" });
    assert.equal(large.outputs.save, "false");
    assert.match(large.stdout, /^::warning::.*not saved, so the next run builds from scratch/m);
    // A hard link (the standby copy's unchanged files) is stored once, so it is counted once.
    const linked = runStep(
      script,
      (dir) => {
        twoFolders(dir);
        linkSync(path.join(dir, "_site/index.html"), path.join(dir, ".cache/standby-index.html"));
      },
      { SITE_CACHE_LIMIT_BYTES: "130000" },
    );
    assert.equal(linked.outputs.save, "true", linked.stdout);
    assert.match(linked.stdout, /come to 120000 bytes/);
    assert.ok(Number(publishing.env?.SITE_CACHE_LIMIT_BYTES) <= 5e9, "room for two entries in 10 GB");

    const save = step(build, uses("actions/cache/save"));
    assert.equal(save.id, "save");
    assert.equal(save.if, "steps.size.outputs.save == 'true'");
    assert.match(save.with?.key ?? "", RUN_KEY);
    assert.deepEqual(save.with?.path?.trim().split("\n"), [".cache", "_site"]);
    const order = build?.steps ?? [];
    assert.ok(order.indexOf(step(build, byId("size"))) < order.indexOf(save));
    assert.ok(order.indexOf(step(build, uses("actions/upload-pages-artifact"))) < order.indexOf(save));
  });

  test("forgets the saved build when its deploy fails, so the next run deploys the same changes", () => {
    assert.deepEqual(forget?.needs, ["build", "deploy"]);
    assert.equal(forget?.if, "failure() && needs.build.outputs.saved == 'true'");
    assert.match(build?.outputs?.saved ?? "", /^\$\{\{ steps\.save\.outcome == 'success' \}\}$/);
    assert.equal(forget?.permissions?.actions, "write");
    assert.ok(
      forget?.steps.some((s) => s.run === 'gh cache delete "$SITE_CACHE_KEY" --repo "$GITHUB_REPOSITORY"'),
    );
  });

  test("caches npm's downloads in both workflows", () => {
    for (const job of [testing.jobs.test, build])
      assert.equal(step(job, uses("actions/cache")).with?.path, "~/.npm");
  });
});
