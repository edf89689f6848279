import { DiscordjsErrorCodes } from "discord.js";

/** Network error codes that mean Discord's host was never reached (DNS, routing, refused, timed out). */
const UNREACHABLE = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
]);

/** The gateway closed the connection for good; `code` is Discord's close code. */
export class GatewayClosedError extends Error {
  constructor(readonly code: number) {
    super(`Discord gateway closed the connection (${code})`);
    this.name = "GatewayClosedError";
  }
}

/**
 * @discordjs/ws rejects login with a plain Error for the close codes it does not recover from; these
 * are its messages (dist/index.js, `GatewayCloseCodes` cases) and the codes they stand for.
 */
const WS_CLOSE_MESSAGES: Record<string, number> = {
  "Authentication failed": 4004,
  "Used disallowed intents": 4014,
};

/** Why the bot could not connect, as one line a person can act on; never contains the token. */
export function describeStartError(error: unknown, apiHost: string): string {
  const closeCode = error instanceof Error ? WS_CLOSE_MESSAGES[error.message] : undefined;
  if (closeCode !== undefined) return describeStartError(new GatewayClosedError(closeCode), apiHost);
  if (error instanceof GatewayClosedError) {
    if (error.code === 4014)
      return "Discord refused the connection: the Message Content intent is off (close 4014). Turn on Bot → Privileged Gateway Intents → Message Content Intent in the developer portal.";
    if (error.code === 4004) return tokenRejected;
    return `Discord closed the gateway connection with code ${error.code}; see https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-close-event-codes`;
  }
  if ((error as { code?: unknown })?.code === DiscordjsErrorCodes.TokenInvalid) return tokenRejected;
  const status = (error as { status?: unknown })?.status;
  if (status === 401) return tokenRejected;
  const code = networkCode(error);
  if (code !== null)
    return `cannot reach Discord at ${apiHost} (${code}): check the network, DNS, a proxy or firewall, and DISCORD_API_BASE`;
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return `could not connect to Discord: ${message}`;
}

const tokenRejected =
  "Discord rejected the bot token (401): check DISCORD_TOKEN — copy it again from the developer portal (Bot → Reset Token)";

/** The system error code somewhere in an error's cause chain (undici wraps it as `fetch failed`). */
function networkCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && UNREACHABLE.has(code)) return code;
    for (const inner of (e as { errors?: unknown[] }).errors ?? []) {
      const c = (inner as { code?: unknown })?.code;
      if (typeof c === "string" && UNREACHABLE.has(c)) return c;
    }
  }
  return null;
}
