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
    /** Runs every listener of an event (Eleventy's own emitter: plugins can have events of their own). */
    emit(event: string, ...args: unknown[]): Promise<unknown>;
    ignores: { add(glob: string): void };
    /** Resolved folders; `output` is where this run writes the site. */
    readonly directories: { readonly output: string };
    watchIgnores: { add(glob: string): void };
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: "build" | "serve" | "watch";
    /** Runs after the config file: what the caller adds for this run. */
    config?: (config: EleventyConfig) => void;
  }

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Reads the config; before watch(). */
    init(): Promise<void>;
    /** Builds, then rebuilds on every change to the watched files; resolves to "build again for this file". */
    watch(): Promise<(file: string) => Promise<void>>;
    /** The file watcher (chokidar), once watch() has started it. */
    readonly watcher?: { on(event: "unlink", listener: (file: string) => void): void };
    stopWatch(): Promise<void>;
    setIsVerbose(verbose: boolean): void;
    /** Eleventy prints nothing of its own (errors included): the caller reports. */
    disableLogger(): void;
  }
}

// The dev server Eleventy serves with, used directly by `npm start` to choose its address.
declare module "@11ty/eleventy-dev-server" {
  import type { IncomingMessage, Server, ServerResponse } from "node:http";

  export interface DevServerOptions {
    port?: number;
    liveReload?: boolean;
    domDiff?: boolean;
    showVersion?: boolean;
    messageOnStart?: (info: { hosts: string[]; localhostUrl: string }) => string | false;
    middleware?: ((request: IncomingMessage, response: ServerResponse, next: () => void) => void)[];
    logger?: { info(message: string): void; log(message: string): void; error(message: string): void };
  }

  export default class EleventyDevServer {
    constructor(name: string, dir: string, options?: DevServerOptions);
    readonly server: Server;
    /** Starts listening; newsdesk overrides it to choose the address. */
    protected _serverListen(port: number): void;
    serve(port: number): void;
    ready(): Promise<void>;
    reload(event: { files: string[] }): void;
    close(): Promise<void>;
  }
}
