import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from "discord.js";

/**
 * What the bot asks for when it is added to a server: `bot` to join, `applications.commands` for the
 * slash commands; Send Messages and Embed Links to answer, Read Message History to reply to a
 * message and read a reply chain back for follow-ups, Use Application Commands for the commands.
 */
export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

export const BOT_PERMISSIONS = new PermissionsBitField([
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.UseApplicationCommands,
]);

/** The OAuth2 URL that adds the bot with application id `clientId` to a server the user picks. */
export function inviteUrl(clientId: string): string {
  const url = new URL("https://discord.com/oauth2/authorize");
  url.searchParams.set("client_id", clientId);
  url.searchParams.set("scope", INVITE_SCOPES.join(" "));
  url.searchParams.set("permissions", BOT_PERMISSIONS.bitfield.toString());
  return url.toString();
}
