/**
 * Git's rules for a branch name (git check-ref-format --branch), and the web editor's own,
 * each with what an editor is told when a name breaks it. The web editor saves to this
 * branch through GitHub's API, which refuses what git refuses: the mistake is caught in
 * site.json rather than at the first save of an article.
 */
const RULES: readonly { breaks: (name: string) => boolean; why: string }[] = [
  { breaks: (name) => name === "", why: "it is empty" },
  { breaks: (name) => name.startsWith("-"), why: "it starts with -" },
  { breaks: (name) => name.startsWith("/"), why: "it starts with /" },
  { breaks: (name) => name.endsWith("/"), why: "it ends with /" },
  { breaks: (name) => name.endsWith("."), why: "it ends with ." },
  { breaks: (name) => name.includes("//"), why: "it holds // (an empty part between slashes)" },
  { breaks: (name) => name.includes(".."), why: "it holds .." },
  { breaks: (name) => name.includes("@{"), why: "it holds @{" },
  { breaks: (name) => name === "@", why: "@ alone is git's short name for HEAD" },
  { breaks: (name) => name === "HEAD", why: "HEAD is git's name for the commit checked out" },
  {
    breaks: (name) => name.split("/").some((part) => part.startsWith(".")),
    why: "a part of it (between slashes) starts with .",
  },
  {
    breaks: (name) => name.split("/").some((part) => part.endsWith(".lock")),
    why: "a part of it (between slashes) ends with .lock",
  },
  // Control characters (below space, and DEL) and the characters git gives a meaning in refs.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
  { breaks: (name) => /[\x00-\x20\x7f]/.test(name), why: "it holds a space or a control character" },
  { breaks: (name) => /[~^:?*[\\]/.test(name), why: "it holds one of ~ ^ : ? * [ \\" },
  // Decap CMS puts the name into GitHub's API addresses as it is (decap-cms-backend-github).
  { breaks: (name) => /[#%]/.test(name), why: "it holds # or %, which the web editor cannot send to GitHub" },
  // Decap keeps each article under review in a branch `cms/<collection>/<slug>`: git cannot
  // have those beside a branch `cms`, nor tell them from branches in `cms/`.
  {
    breaks: (name) => name === "cms" || name.startsWith("cms/"),
    why: "the web editor keeps its own branches in cms/",
  },
];

/** What is wrong with `name` as a branch name, or undefined when git accepts it. */
export function branchNameProblem(name: string): string | undefined {
  const broken = RULES.find((rule) => rule.breaks(name));
  return broken && `"${name}" cannot be the web editor's branch: ${broken.why}; write one like main`;
}
