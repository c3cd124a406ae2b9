// s3rver ships no types: the part the upload test uses.
declare module "s3rver" {
  import type { AddressInfo } from "node:net";

  export interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    configureBuckets?: { name: string }[];
  }
  /** An S3 event notification, as S3 sends one per object changed. */
  export interface S3rverEvent {
    readonly Records: readonly {
      readonly eventName: string;
      readonly s3: { readonly object: { readonly key: string } };
    }[];
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    on(event: "event", listener: (event: S3rverEvent) => void): this;
  }
}
