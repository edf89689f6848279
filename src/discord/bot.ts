import { type Client, Events } from "discord.js";
import type { BotContext, Command } from "./command.js";
import type { Component } from "./component.js";
import { createInFlight } from "./gate.js";
import { onInteractionCreate, onMessageCreate } from "./handlers.js";
import { renderShuttingDown } from "./render.js";
import { privately } from "./respond.js";

export interface Bot {
  /** False once shutdown has begun: new questions get a polite “restarting” reply. */
  readonly accepting: boolean;
  /** Handlers still running. */
  readonly inFlight: number;
  /**
   * Stops taking new work, waits up to `timeoutMs` for replies in flight, then destroys the client.
   * Resolves true when everything in flight finished in time.
   */
  stop(timeoutMs: number): Promise<boolean>;
}

/** Wires the handlers and the client's error events onto `client`. Call before `login()`. */
export function attachBot(
  client: Client,
  ctx: BotContext,
  commands: ReadonlyMap<string, Command>,
  components: readonly Component[],
): Bot {
  const inFlight = createInFlight();
  let accepting = true;
  const { logger } = ctx;

  client.on(Events.InteractionCreate, (interaction) => {
    if (!accepting) {
      if (interaction.isRepliable()) {
        void interaction.reply(privately(renderShuttingDown())).catch(() => undefined);
      }
      return;
    }
    void inFlight.track(onInteractionCreate(interaction, ctx, commands, components));
  });

  client.on(Events.MessageCreate, (message) => {
    if (!accepting || client.user === null) return;
    void inFlight.track(onMessageCreate(message, ctx, client.user.id));
  });

  client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));
  client.on(Events.Warn, (message) => logger.warn({ discord: message }, "discord client warning"));
  client.on(Events.ShardError, (error, shardId) => logger.error({ err: error, shardId }, "gateway error"));
  client.on(Events.ShardDisconnect, (event, shardId) =>
    logger.warn({ code: event.code, shardId }, "gateway disconnected"),
  );
  // A dropped or closed gateway is resumed (missed events replayed) or, if the session is gone, identified anew.
  // While stopping, destroying the client closes the gateway: not a reconnect worth a warning.
  client.on(Events.ShardReconnecting, (shardId) => {
    if (accepting) logger.warn({ shardId }, "gateway reconnecting");
  });
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, "gateway resumed"));
  client.on(Events.ShardReady, (shardId) => logger.info({ shardId }, "gateway ready"));

  return {
    get accepting() {
      return accepting;
    },
    get inFlight() {
      return inFlight.size;
    },
    async stop(timeoutMs) {
      accepting = false;
      const drained = await inFlight.drain(timeoutMs);
      if (!drained)
        logger.warn(
          { inFlight: inFlight.size, timeoutMs },
          "shutdown: replies still in flight, stopping anyway",
        );
      await client.destroy();
      // After the replies in flight: their records are queued by now, and are written before closing.
      await ctx.state?.close();
      return drained;
    },
  };
}
