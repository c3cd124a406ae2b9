/**
 * Where `npm start` runs the web editor's local backend (src/eleventy/localBackend.ts), and
 * where the editor's page looks for it: on this computer only, at Decap's own default port
 * unless `NEWSDESK_BACKEND_PORT` says another (`npm start -- --backend-port N` sets it for
 * its builds, so the page and the backend agree).
 */
const DEFAULT_LOCAL_BACKEND_PORT = 8081;

export interface LocalBackendAddress {
  readonly port: number;
  /** The two names of this computer a browser may reach it by. */
  readonly origins: readonly string[];
  /** Its API, as Decap's `local_backend.url` names it. */
  readonly url: string;
}

export function localBackendAddress(env: NodeJS.ProcessEnv = process.env): LocalBackendAddress {
  const set = Number(env.NEWSDESK_BACKEND_PORT);
  const port = Number.isInteger(set) && set > 0 && set < 65_536 ? set : DEFAULT_LOCAL_BACKEND_PORT;
  const origins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  return { port, origins, url: `${origins[0]}/api/v1` };
}

/**
 * The content folder as the repository (GitHub) and the local backend see it: editors' files
 * are in `content/`, whatever folder a build reads them from, so /admin/ is the same file
 * for every build of the same content.
 */
export const EDITOR_CONTENT_FOLDER = "content/";
