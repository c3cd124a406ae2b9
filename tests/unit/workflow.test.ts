import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { parse } from "yaml";

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  id?: string;
}
interface Job {
  needs?: string | string[];
  container?: string;
  steps: Step[];
}

// The workflow cannot run here, so its shape is checked: what must happen, in what order.
const workflow = parse(readFileSync(".github/workflows/publish.yml", "utf8")) as {
  on: { push: { branches: string[] }; schedule: { cron: string }[]; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const { test: tests, build, deploy } = workflow.jobs;

describe("the publishing workflow", () => {
  test("runs on push to main, every hour, and by hand", () => {
    assert.deepEqual(workflow.on.push.branches, ["main"]);
    assert.match(workflow.on.schedule[0]?.cron ?? "", /^\d+ \* \* \* \*$/);
    assert.ok("workflow_dispatch" in workflow.on);
  });

  test("tests first, the way .ci/run does, in Debian with Node 20", () => {
    assert.ok(tests && build && deploy);
    assert.match(tests.container ?? "", /^node:20-bookworm/);
    assert.ok(tests.steps.some((s) => s.run === "bash .ci/run" && s.env?.CI === "true"));
  });

  test("builds only after the tests pass, and deploys only after the build", () => {
    assert.equal(build?.needs, "test");
    assert.equal(deploy?.needs, "build");
    const runs = build?.steps.map((s) => s.run ?? s.uses ?? "") ?? [];
    assert.ok(runs.indexOf("npm run build") > runs.findIndex((r) => r.startsWith("npm ci")));
    const upload = build?.steps.find((s) => s.uses?.startsWith("actions/upload-pages-artifact@"));
    assert.equal(upload?.with?.path, "_site");
    assert.ok(deploy?.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@")));
    assert.equal(workflow.permissions.pages, "write");
    assert.equal(workflow.permissions["id-token"], "write");
  });

  test("caches npm and the processed images", () => {
    const cached = build?.steps.filter((s) => s.uses?.startsWith("actions/cache@")).map((s) => s.with?.path);
    assert.deepEqual(cached, ["~/.npm", ".cache"]);
  });

  test("the build's clock is the run's time, never the commit's", () => {
    const buildStep = build?.steps.find((s) => s.run === "npm run build");
    assert.ok(buildStep);
    assert.equal(buildStep.env?.SOURCE_DATE_EPOCH, undefined);
    assert.doesNotMatch(readFileSync(".github/workflows/publish.yml", "utf8"), /SOURCE_DATE_EPOCH:/);
    assert.match(buildStep.env?.SITE_URL ?? "", /steps\.pages\.outputs\.base_url/);
  });
});
