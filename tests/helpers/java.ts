import { spawnSync } from "node:child_process";
import path from "node:path";

export const JAVA = process.env.JAVA_PATH ?? "java";
export const VNU_JAR = path.resolve(import.meta.dirname, "../../node_modules/vnu-jar/build/dist/vnu.jar");

/**
 * Why the Nu HTML Checker cannot run here, or undefined when it can. Without Java it skips
 * with how to install it; under CI it never skips.
 */
export function javaSkipReason(): string | undefined {
  const probe = spawnSync(JAVA, ["-version"], { encoding: "utf8" });
  if (probe.status === 0) return undefined;
  const reason = `Java not found (${JAVA} -version failed): install it with 'apt-get install -y default-jre-headless' (or set JAVA_PATH)`;
  if (process.env.CI === "true") throw new Error(`${reason}; CI must run the HTML checks`);
  return reason;
}
