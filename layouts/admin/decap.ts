/**
 * The part of Decap CMS's browser API the web editor uses, typed. Decap's own bundle
 * (decap-cms.js, from npm) sets these globals: `CMS`, and React's `createElement` as `h`
 * with `createClass`, for widgets and preview templates made without a build of React.
 */

/** Decap's entries and their data are Immutable.js values; the editor reads them as plain data. */
export interface ImmutableValue {
  toJS(): unknown;
  get(key: string): unknown;
  set(key: string, value: unknown): ImmutableValue;
}

/** A value the editor holds for a file: `data` (the fields and the body), where it is, whether it is new. */
export interface Entry extends ImmutableValue {
  get(key: "data"): ImmutableValue;
  get(key: "path"): string | undefined;
  get(key: "newRecord"): boolean | undefined;
  /** The name of the collection it is in. */
  get(key: "collection"): string;
  get(key: string): unknown;
}

/** A file's fields and body as the editor holds them; its format turns them into the file and back. */
export type EntryData = Record<string, unknown>;

export interface FileFormat {
  fromFile(text: string): EntryData;
  toFile(data: EntryData): string;
}

/** A React element, made with `h`; the editor never looks inside. */
export type ReactElement = object;
export type CreateElement = (
  type: string,
  props?: Record<string, unknown> | null,
  ...children: unknown[]
) => ReactElement;

/** What Decap hands a preview template. */
export interface PreviewProps {
  readonly entry: Entry;
  /** A picture of the site (`images/x.jpg`) as the browser can show it now (a blob: URL once loaded). */
  readonly getAsset: (path: string) => { toString(): string } | undefined;
  /** The preview's own document (an iframe). */
  readonly document?: Document;
}

/** What Decap hands a widget's control. */
export interface ControlProps {
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  readonly forID: string;
  readonly classNameWrapper: string;
  readonly setActiveStyle: () => void;
  readonly setInactiveStyle: () => void;
  readonly field: ImmutableValue;
}

/** A class component for `createClass`: Decap asks a control's `isValid()` before saving. */
export interface ControlSpec {
  readonly displayName: string;
  render(this: { props: ControlProps }): ReactElement;
  isValid?(this: { props: ControlProps }): true | { readonly error: { readonly message: string } };
  componentDidMount?(this: { props: ControlProps }): void;
}

/** A preview template made with `createClass`: it draws itself again when told to (`forceUpdate`). */
export interface PreviewSpec {
  readonly displayName: string;
  render(this: PreviewInstance): ReactElement;
  componentWillUnmount?(this: PreviewInstance): void;
}

export interface PreviewInstance {
  readonly props: PreviewProps;
  forceUpdate(): void;
}

/** A preview template as `createClass` makes it, for `registerPreviewTemplate`. */
export type PreviewComponent = unknown;

export type Phrases = { readonly [key: string]: string | Phrases };

export interface DecapCms {
  registerCustomFormat(name: string, extension: string, format: FileFormat): void;
  registerWidget(name: string, control: unknown): void;
  registerPreviewTemplate(collection: string, template: PreviewComponent): void;
  registerPreviewStyle(url: string): void;
  registerEventListener(listener: {
    readonly name: "preSave";
    readonly handler: (event: { readonly entry: Entry }) => ImmutableValue | undefined;
  }): void;
  getLocale(locale: string): Phrases | undefined;
  registerLocale(locale: string, phrases: Phrases): void;
  init(): void;
}

/** The globals Decap's bundle sets, and the flag that stops it starting before the editor's parts are registered. */
export interface DecapWindow {
  CMS?: DecapCms;
  CMS_MANUAL_INIT?: boolean;
  h?: CreateElement;
  createClass?: (spec: ControlSpec | PreviewSpec) => unknown;
}
