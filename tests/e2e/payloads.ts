import { type Emulator, type EmulatorUser, messageObject, snowflake } from "./emulator.js";

/** Gateway payloads shaped like Discord's, as the emulator dispatches them. */

export const alice: EmulatorUser = {
  id: "500000000000000001",
  username: "alice",
  discriminator: "0",
  avatar: null,
  global_name: "Alice",
};

export const otherBot: EmulatorUser = {
  id: "500000000000000099",
  username: "another-bot",
  discriminator: "0",
  avatar: null,
  global_name: null,
  bot: true,
};

/**
 * Fresh users, one per call, with ids counting up from `base`: each test its own user, so the per-user
 * rate limit bites only where a test wants it to.
 */
export function userFactory(base: bigint, prefix = "user"): () => EmulatorUser {
  let n = 0;
  return () => {
    n += 1;
    return {
      id: String(base + BigInt(n)),
      username: `${prefix}${n}`,
      discriminator: "0",
      avatar: null,
      global_name: null,
    };
  };
}

export interface CommandOption {
  name: string;
  type: number;
  value: string | number | boolean;
  focused?: boolean;
}

/** Permissions of an ordinary member: everything a member usually has, not Manage Server or Administrator. */
export const MEMBER_PERMISSIONS = "2248473465835073";

function base(emu: Emulator, user: EmulatorUser, permissions = MEMBER_PERMISSIONS) {
  return {
    id: snowflake(),
    application_id: emu.applicationId,
    token: `interaction-token-${snowflake()}`,
    guild_id: emu.guildId,
    channel_id: emu.channelId,
    channel: { id: emu.channelId, type: 0 },
    member: {
      user,
      roles: [],
      joined_at: new Date().toISOString(),
      permissions,
      nick: null,
    },
    app_permissions: "2248473465835073",
    locale: "zh-CN",
    guild_locale: "zh-CN",
    context: 0,
    version: 1,
    entitlements: [],
    authorizing_integration_owners: { "0": emu.guildId },
  };
}

/** A slash command (type 2); `permissions` are the member's (e.g. "32", Manage Server). */
export function slashCommand(
  emu: Emulator,
  name: string,
  options: CommandOption[] = [],
  user = alice,
  permissions = MEMBER_PERMISSIONS,
) {
  return { ...base(emu, user, permissions), type: 2, data: { id: snowflake(), name, type: 1, options } };
}

/** An interaction payload moved to another of the emulator's guilds (and that guild's channel). */
export function inGuild<T extends Record<string, unknown>>(emu: Emulator, payload: T, guildId: string): T {
  const channelId = emu.channelOf(guildId);
  return {
    ...payload,
    guild_id: guildId,
    channel_id: channelId,
    channel: { id: channelId, type: 0 },
    authorizing_integration_owners: { "0": guildId },
  };
}

/** An autocomplete request (type 4) with `focused` on the option being typed. */
export function autocomplete(emu: Emulator, name: string, options: CommandOption[], user = alice) {
  return { ...base(emu, user), type: 4, data: { id: snowflake(), name, type: 1, options } };
}

/** A button click (type 3) on a message the bot sent. */
export function buttonClick(emu: Emulator, customId: string, user = alice) {
  return {
    ...base(emu, user),
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message: messageObject(emu.channelId, emu.botUser),
  };
}

/** A pick in a string select menu (type 3, component type 3) on a message the bot sent. */
export function selectMenu(emu: Emulator, customId: string, values: string[], user = alice) {
  return {
    ...base(emu, user),
    type: 3,
    data: { custom_id: customId, component_type: 3, values },
    message: messageObject(emu.channelId, emu.botUser, { flags: 64 }),
  };
}

/**
 * A channel message (MESSAGE_CREATE); `mentionBot` adds the bot to `mentions`. With `replyTo` (a
 * message as the emulator stores it) it is a reply, as Discord sends one: type 19, a
 * `message_reference`, and the message replied to as `referenced_message`.
 */
export function channelMessage(
  emu: Emulator,
  content: string,
  {
    author = alice,
    mentionBot = true,
    replyTo,
  }: { author?: EmulatorUser; mentionBot?: boolean; replyTo?: Record<string, unknown> } = {},
) {
  const reply = replyTo
    ? {
        type: 19,
        message_reference: {
          type: 0,
          message_id: replyTo.id,
          channel_id: emu.channelId,
          guild_id: emu.guildId,
        },
        referenced_message: replyTo,
      }
    : { type: 0 };
  return {
    id: snowflake(),
    channel_id: emu.channelId,
    guild_id: emu.guildId,
    ...reply,
    content,
    author,
    member: { roles: [], joined_at: new Date().toISOString() },
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    pinned: false,
    mention_everyone: false,
    mentions: mentionBot ? [emu.botUser] : [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    flags: 0,
  };
}
