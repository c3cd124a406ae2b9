import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import { stringify } from "yaml";
import { sectionTreeSchema } from "../../src/domain/section.ts";
import { seededRandom } from "../seededRandom.ts";

/**
 * A deterministic synthetic newsroom for the bench: N articles with realistic front
 * matter and ~500-word bodies over the real section tree, dated over the five years before
 * the bench's clock. The same N and seed give the same bytes.
 */

const PLACES =
  "Beijing Shanghai Guangzhou Shenzhen Chengdu Chongqing Wuhan Hangzhou Nanjing Tianjin Harbin Kunming Lhasa Urumqi Baotou Xiamen Qingdao Sanya Suzhou Dalian".split(
    " ",
  );
const SUBJECTS = [
  "rare earths",
  "high-speed rail",
  "lunar probe",
  "flood relief",
  "table tennis",
  "museum",
  "exports",
  "property market",
  "electric vehicles",
  "tea harvest",
  "ice festival",
  "wind power",
  "semiconductors",
  "panda reserve",
  "film festival",
  "marathon",
  "trade fair",
  "pension reform",
  "space station",
  "smart farming",
  "river cleanup",
  "5G network",
  "airport",
  "heritage site",
  "night market",
  "robotics",
  "solar farm",
  "vaccine research",
  "tourism",
  "startup fund",
];
const ACTIONS = [
  "opens",
  "expands",
  "launches",
  "reports record",
  "plans",
  "upgrades",
  "welcomes",
  "tests",
  "unveils",
  "reviews",
  "doubles",
  "approves",
];
const WORDS = (
  "the of and to in a for on with that by as at from is was will has have its their this more than after over into " +
  "about government officials report city year percent development market people new local national growth plan " +
  "province country policy project public industry international global major first record according ministry data " +
  "since including million billion residents support efforts measures cooperation region system services further " +
  "increase expected launched announced showed improve promote expand boost continue recent key central regional " +
  "annual rapid steady strong quarter month week statement agency group companies program investment environment " +
  "standards quality visitors citizens experts authorities sector network capacity demand supply rules changes " +
  "progress results opportunities challenges future history community held opened signed visited received released"
).split(" ");
const SOURCES = [
  "China Daily",
  "Xinhua",
  "Eastbridge News",
  "Global Times",
  "CGTN",
  "China News Service",
  "Shanghai Daily",
];
const EDITORS = [
  "Mo Hong'e",
  "Wang Fan",
  "Li Yan",
  "Gu Liping",
  "Xu Lin",
  "Zhang Dan",
  "Huang Mingrui",
  "Chen Jing",
];

/**
 * Writes `<outDir>/articles/<yyyy>/<MM>/<slug>.md` for each article, and copies the
 * project's site data and pages, so the folder is a complete content folder.
 */
export function generateNewsroom(
  count: number,
  outDir: string,
  seed: number,
  clock: DateTime,
  projectRoot: string,
): void {
  const rand = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const tree = sectionTreeSchema.parse(
    JSON.parse(readFileSync(path.join(projectRoot, "content/_data/sections.json"), "utf8")),
  );
  const sections = tree.flatMap((top) =>
    top.sections.length > 0 ? top.sections.map((s) => s.slug) : [top.slug],
  );

  mkdirSync(path.join(outDir, "_data"), { recursive: true });
  cpSync(path.join(projectRoot, "content/_data/site.json"), path.join(outDir, "_data/site.json"));
  cpSync(path.join(projectRoot, "content/_data/sections.json"), path.join(outDir, "_data/sections.json"));
  cpSync(path.join(projectRoot, "content/pages"), path.join(outDir, "pages"), { recursive: true });

  const sentence = (topic: string, place: string) => {
    const words = Array.from({ length: 12 + Math.floor(rand() * 10) }, () =>
      rand() < 0.12 ? topic : rand() < 0.05 ? place : pick(WORDS),
    );
    const text = words.join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const fiveYears = 5 * 365 * 24 * 60;
  for (let i = 0; i < count; i++) {
    const subject = pick(SUBJECTS);
    const place = pick(PLACES);
    const date = clock.minus({ minutes: Math.floor(rand() * fiveYears) + 60 });
    const headline = `${place} ${pick(ACTIONS)} ${subject} ${i % 7 === 0 ? "programme" : "project"} ${i}`;
    const front = {
      headline,
      date: date.toFormat("yyyy-MM-dd HH:mm"),
      section: pick(sections),
      source: pick(SOURCES),
      editor: pick(EDITORS),
      tags: [subject, place, pick(SUBJECTS)].filter((tag, index, all) => all.indexOf(tag) === index),
      ...(i % 25 === 0 ? { top: true } : {}),
    };
    const paragraphs = Array.from({ length: 6 }, () =>
      Array.from({ length: 4 }, () => sentence(subject, place)).join(" "),
    );
    const slug = headline
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    const file = path.join(outDir, "articles", date.toFormat("yyyy"), date.toFormat("MM"), `${slug}.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(
      file,
      `---\n${stringify(front, { flowCollectionPadding: false })}---\n${paragraphs.join("\n\n")}\n`,
    );
  }
}
