import { stringify } from "yaml";
import { z } from "zod";
import { ARTICLE_FORMAT, ARTICLES_COLLECTION, DATE_WIDGET } from "../../../layouts/admin/editorNames.ts";
import { NEW_FILE_PATH } from "../../../layouts/admin/newFilePath.ts";
import {
  articleFrontMatterSchema,
  FIELD_HINTS,
  TEXT_KINDS,
  type TextKind,
} from "../../content/frontMatter.ts";
import { CONTROL_CHARACTERS, controlCharacterMessage } from "../../domain/plainText.ts";
import type { SectionTree } from "../../domain/section.ts";
import type { SiteConfig } from "../../domain/siteConfig.ts";
import { SLUG_PATTERN, SLUG_RULE } from "../../domain/slugs.ts";
import { ALIAS_PATTERN, ALIAS_RULE } from "../../domain/urls.ts";
import type { ArticleList } from "./articleLists.ts";

/**
 * The web editor's `config.yml` (Decap CMS), made from the article contract
 * (src/content/frontMatter.ts) and the section tree at every build, so the editor's form can
 * never disagree with `npm run check`: each field of the contract is a field of the form,
 * required where the contract requires it, with the contract's hint, and with the contract's
 * rules as Decap can say them (a choice of sections, patterns with the check's own words).
 * What Decap cannot say, the web editor checks before saving with the contract's own code
 * (layouts/admin/checksBeforeSaving.ts).
 */

/** A field of Decap's configuration: what it is, and its widget with the widget's options. */
export type DecapField = FieldBase & Widget;

interface FieldBase {
  readonly name: string;
  readonly label: string;
  readonly required: boolean;
  readonly hint?: string;
}

interface Widget {
  readonly widget: string;
  readonly pattern?: readonly [string, string];
  readonly options?: readonly { readonly label: string; readonly value: string }[];
  readonly field?: DecapField;
  readonly fields?: readonly DecapField[];
  readonly [option: string]: unknown;
}

/** Where the files are, as the backend the editor talks to sees them. */
export interface EditorRoot {
  /** The content folder from the backend's root: `content/` for the repository, `` when the backend stands in the content folder. */
  readonly content: string;
}

/** The Markdown body: not a front-matter field, the text below it. */
export const BODY_FIELD = "body";
/** The body comes after the fields every article has and the lead picture; the rest follow it. */
const BODY_AFTER = "image";

/** The form's fields: the contract's, in its order, with the body. */
function articleFields(tree: SectionTree, zone: string): DecapField[] {
  const fields = Object.entries(articleFrontMatterSchema.shape).map(([name, schema]) =>
    fieldOf(name, name, schema, { tree, zone }),
  );
  const body: DecapField = {
    name: BODY_FIELD,
    label: BODY_FIELD,
    widget: "markdown",
    required: true,
    // Raw mode only: Decap's rich-text mode rewrites Markdown it does not model (raw HTML,
    // embeds, tables), so an article opened and saved would not stay the same.
    modes: ["raw"],
    hint: "The text, in Markdown: a blank line between paragraphs, `## ` for a sub-heading, `![What it shows](images/x.jpg)` for a picture. The preview on the right shows it as readers will see it.",
  };
  const at = fields.findIndex((field) => field.name === BODY_AFTER) + 1;
  return [...fields.slice(0, at), body, ...fields.slice(at)];
}

interface FieldContext {
  readonly tree: SectionTree;
  readonly zone: string;
}

/** One contract field as a Decap field: its widget by its type, and for text by what it holds (TEXT_KINDS). */
function fieldOf(name: string, path: string, schema: z.ZodType, context: FieldContext): DecapField {
  const required = !(schema instanceof z.ZodOptional);
  const inner = schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  const hint = FIELD_HINTS[path];
  if (hint === undefined) throw new Error(`the contract's field ${path} has no hint in FIELD_HINTS`);
  const base = { name, label: name, required, hint };
  if (inner instanceof z.ZodBoolean) return { ...base, widget: "boolean" };
  if (inner instanceof z.ZodString) {
    const kind = TEXT_KINDS[path];
    // A new article's date starts at now (in the site's zone), as `npm run new` dates one.
    return {
      ...base,
      ...textWidget(kind, context),
      ...(kind === "date" && required ? { default_now: true } : {}),
    };
  }
  if (inner instanceof z.ZodObject) {
    // Decap checks an empty optional group's required fields all the same (an article
    // without a lead image could not be saved): in an optional group they are optional in
    // the form, and the check before saving (layouts/admin/checksBeforeSaving.ts) requires
    // them, in the same words, once the group has anything in it.
    const fields = fieldsOf(inner, path, context);
    return {
      ...base,
      widget: "object",
      fields: required ? fields : fields.map((field) => ({ ...field, required: false })),
    };
  }
  if (inner instanceof z.ZodArray)
    return { ...base, ...listWidget(name, path, inner.element as z.ZodType, context) };
  if (inner instanceof z.ZodUnion) return { ...base, ...textOrDatedList(path, inner, context) };
  throw new Error(`no web editor widget for the contract's field ${path} (${inner.def.type})`);
}

function fieldsOf(schema: z.ZodObject, path: string, context: FieldContext): DecapField[] {
  return Object.entries(schema.shape).map(([name, field]) =>
    fieldOf(name, `${path}.${name}`, field as z.ZodType, context),
  );
}

/** The widget for text, by what it holds. */
function textWidget(kind: TextKind | undefined, { tree, zone }: FieldContext): Widget {
  switch (kind) {
    case "date":
      return { widget: DATE_WIDGET, time_zone: zone };
    case "section":
      return { widget: "select", options: sectionOptions(tree) };
    case "picture":
      // Chosen from (or uploaded to) content/images/; never a picture from another site.
      return { widget: "image", choose_url: false };
    case "paragraph":
      return { widget: "text", pattern: PLAIN_TEXT };
    case "slug":
      return { widget: "string", pattern: [SLUG_PATTERN.source, SLUG_RULE] };
    case "address":
      return { widget: "string", pattern: [ALIAS_PATTERN.source, ALIAS_RULE] };
    case "article file":
    case undefined:
      return { widget: "string", pattern: PLAIN_TEXT };
  }
}

/** Plain text: anything but the control characters the contract refuses, said in its words. */
const PLAIN_TEXT: readonly [string, string] = [
  `^[^${CONTROL_CHARACTERS.slice(1, -1)}]*$`,
  controlCharacterMessage(),
];

/** A list: of words, one per line (tags); of texts each with its rule; of groups (a gallery). */
function listWidget(name: string, path: string, element: z.ZodType, context: FieldContext): Widget {
  if (element instanceof z.ZodObject)
    return {
      widget: "list",
      fields: fieldsOf(element, path, context),
      collapsed: false,
      summary: summaryOf(element),
    };
  if (!(element instanceof z.ZodString)) throw new Error(`no web editor widget for a list in ${path}`);
  const kind = TEXT_KINDS[path];
  // Words (tags): one box, separated by commas, as the guide writes them.
  if (kind === undefined) return { widget: "list" };
  return {
    widget: "list",
    field: { name, label: name, required: true, ...textWidget(kind, context) },
  };
}

/** A list item's one-line summary in the form: its first text field that is shown (a picture's file). */
function summaryOf(schema: z.ZodObject): string {
  const [first] = Object.keys(schema.shape);
  return `{{fields.${first}}}`;
}

/**
 * The one union in the contract: `correction` is text (one correction) or a list of
 * `{ date, text }` (several, each dated). Decap has no widget for "text or a list", so the
 * form shows the list, each correction with its date and text; one correction without a
 * date is the text form, and the file format writes it so (layouts/admin/articleFormat.ts).
 * A new union in the contract fails here until it is given its widget.
 */
function textOrDatedList(path: string, union: z.ZodUnion, context: FieldContext): Widget {
  const [text, list] = union.options as readonly z.ZodType[];
  const item = list instanceof z.ZodArray ? (list.element as z.ZodType) : undefined;
  if (!(text instanceof z.ZodString) || !(item instanceof z.ZodObject) || union.options.length !== 2)
    throw new Error(`no web editor widget for the union in ${path}`);
  const fields = fieldsOf(item, path, context).map((field) =>
    TEXT_KINDS[`${path}.${field.name}`] === "date" ? { ...field, required: false } : field,
  );
  return { widget: "list", fields, collapsed: false, summary: summaryOf(item) };
}

/** Every section an article may name, by its title under its top section's (`Travel › Food`). */
function sectionOptions(tree: SectionTree): { label: string; value: string }[] {
  return tree.tops.flatMap((top) =>
    (top.sections.length > 0 ? top.sections : [top])
      .filter((section) => tree.articleSlugs.includes(section.slug))
      .map((section) => ({
        label: section === top ? top.title : `${top.title} › ${section.title}`,
        value: section.slug,
      })),
  );
}

/** One article, as Decap's buttons name it ("New Article", and in "Quick add"). */
const ARTICLE = "Article";

/** A folder collection of articles, as Decap reads it. */
export interface ArticleCollection {
  readonly name: string;
  readonly label: string;
  readonly label_singular: string;
  readonly description: string;
  readonly folder: string;
  /** How deep Decap lists the folder (its parts), and a new file's place unless `slug` is that. */
  readonly path: string;
  readonly slug?: string;
  /** Not in the sidebar: reached only by its address. */
  readonly hide?: boolean;
  readonly create: boolean;
  readonly identifier_field: string;
  readonly summary: string;
  readonly sortable_fields: readonly (string | { field: string; label: string; default_sort: string })[];
  readonly fields: readonly DecapField[];
  readonly [option: string]: unknown;
}

/**
 * The articles' collections. A small archive is one collection, which lists the articles
 * and makes new ones. A large one (articleLists.ts) is listed by year or month, and new
 * articles are made in a hidden collection over all of articles/ whose `path` is one
 * placeholder, so Decap lists only the files at its top (none) and never reads the archive:
 * the new file's place is the `slug` template, with its slashes (newFilePath.ts). The lists
 * make no articles (their folder is a year's or a month's, the new article's date may not
 * be), so Decap's "Quick add" offers only that collection; and Decap's way back from it to
 * its (empty) list goes to the newest list (layouts/admin/collectionRoutes.ts).
 */
function articleCollections(
  root: EditorRoot,
  tree: SectionTree,
  config: SiteConfig,
  lists: readonly ArticleList[],
): ArticleCollection[] {
  const articles = `${root.content}articles`;
  const fields = articleFields(tree, config.timeZone);
  // Every collection of articles is this one with its own folder: in the order config.yml shows.
  const collection = (own: {
    name: string;
    label: string;
    description: string;
    folder: string;
    hide: boolean;
    create: boolean;
    slug?: string;
    path: string;
  }): ArticleCollection => ({
    name: own.name,
    label: own.label,
    label_singular: ARTICLE,
    description: own.description,
    folder: own.folder,
    ...(own.hide ? { hide: own.hide } : {}),
    // Pictures go to content/images/ and are written as the contract wants them
    // (`images/x.jpg`): said again here, as Decap otherwise keeps an article's uploads
    // beside the article, which the build does not publish.
    media_folder: `/${root.content}images`,
    public_folder: "images",
    extension: "md",
    format: ARTICLE_FORMAT,
    create: own.create,
    ...(own.slug ? { slug: own.slug } : {}),
    path: own.path,
    identifier_field: "headline",
    summary: "{{headline}} · {{date}} · {{section}}",
    sortable_fields: [{ field: "date", label: "date", default_sort: "desc" }, "headline", "section"],
    view_groups: [{ label: "section", field: "section" }],
    fields,
  });
  const dates = `Dates are ${config.timeZone} time, as the dateline shows them.`;
  if (lists.length === 0)
    return [
      collection({
        name: ARTICLES_COLLECTION,
        label: "Articles",
        description: `Every article of ${config.name}, newest first. ${dates}`,
        folder: articles,
        hide: false,
        create: true,
        path: NEW_FILE_PATH,
      }),
    ];
  return [
    collection({
      name: ARTICLES_COLLECTION,
      // Shown only while writing one: "Writing in Articles collection".
      label: "Articles",
      description: `A new article of ${config.name}. ${dates}`,
      folder: articles,
      hide: true,
      create: true,
      slug: NEW_FILE_PATH,
      path: "{{slug}}",
    }),
    ...lists.map((list) =>
      collection({
        name: list.name,
        label: list.label,
        description: `The articles of ${list.label}, newest first. ${dates} To write a new article: Quick add, then ${ARTICLE}.`,
        folder: `${articles}/${list.folder}`,
        hide: list.hidden,
        create: false,
        // How deep the files are: a year's folder has its months.
        path: list.depth === 1 ? "{{slug}}" : "{{month}}/{{slug}}",
      }),
    ),
  ];
}

export interface EditorOptions {
  readonly config: SiteConfig;
  readonly tree: SectionTree;
  readonly root: EditorRoot;
  /** The local backend's address: `npm start` runs it (src/eleventy/localBackend.ts). */
  readonly localBackend: string;
  /** A large archive's lists (articleLists.ts); none for one collection. */
  readonly lists: readonly ArticleList[];
}

/**
 * The whole configuration. On the published site, each save is a pull request on the
 * newsroom's GitHub repository (`webEditor` in site.json) through Decap's editorial
 * workflow (draft, in review, ready); without those settings, and on this computer, the
 * editor uses the local backend, which edits the working copy's files.
 */
export function decapConfig({ config, tree, root, localBackend, lists }: EditorOptions) {
  const { webEditor } = config;
  return {
    backend: webEditor
      ? { name: "github", repo: webEditor.repo, branch: webEditor.branch, base_url: webEditor.authUrl }
      : { name: "proxy", proxy_url: localBackend },
    publish_mode: "editorial_workflow",
    local_backend: { url: localBackend },
    media_folder: `${root.content}images`,
    public_folder: "images",
    site_url: config.baseUrl,
    display_url: config.baseUrl,
    collections: articleCollections(root, tree, config, lists),
  };
}

/** `config.yml`: the configuration as Decap reads it, saying where it comes from. */
export function decapConfigYaml(options: EditorOptions): string {
  const yaml = stringify(decapConfig(options), { aliasDuplicateObjects: false, lineWidth: 0 });
  return `# The web editor's configuration, made by newsdesk at every build from the article contract\n# (src/content/frontMatter.ts) and content/_data/sections.json: edit those, not this file.\n${yaml}`;
}
