import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/** A port nobody listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

/**
 * The local addresses of the sockets listening on `port`, as the kernel reports them
 * (`/proc/net/tcp`): what a server actually bound, whatever it printed.
 */
export function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const addresses: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [hexAddress, portPart] = (local ?? "").split(":");
      // 0A: LISTEN.
      if (state !== "0A" || portPart !== hexPort || !hexAddress) continue;
      addresses.push(table.endsWith("6") ? `ipv6:${hexAddress}` : ipv4(hexAddress));
    }
  }
  return addresses;
}

/** `0100007F` (little-endian, as the kernel writes it) → `127.0.0.1`. */
function ipv4(hex: string): string {
  return [6, 4, 2, 0].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)).join(".");
}
