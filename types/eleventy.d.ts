// Eleventy ships no types: the small part of its API that newsdesk uses.
declare module "@11ty/eleventy" {
  export interface EleventyConfig {
    addPlugin(plugin: (config: EleventyConfig, options?: never) => void): void;
    addExtension(extensions: string | string[], options: { key: string }): void;
    addTemplateFormats(formats: string): void;
    addGlobalData(name: string, value: unknown): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    setServerOptions(options: Record<string, unknown>): void;
    setQuietMode(quiet: boolean): void;
    on(event: string, callback: (...args: unknown[]) => unknown): void;
    ignores: { add(glob: string): void };
    /** Resolved folders; `output` is where this run writes the site. */
    readonly directories: { readonly output: string };
    watchIgnores: { add(glob: string): void };
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: "build" | "serve" | "watch";
  }

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    setIsVerbose(verbose: boolean): void;
  }
}
