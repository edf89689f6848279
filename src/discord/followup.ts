import type { Message } from "discord.js";
import type { ConversationTurn } from "../answer/types.js";

/**
 * Follow-ups in model mode: a reply to one of the bot's answers is answered with the earlier turns of
 * that reply chain as context. The chain is read back from Discord (each answer replies to its
 * question, each follow-up to an answer), so nothing is stored. Free of discord.js but for the adapter.
 */

/** A message in a reply chain, as far as follow-ups need it. */
export interface ChainMessage {
  authorId: string;
  content: string;
  /** The message this one replies to, or null (none, deleted, or not readable). */
  parent(): Promise<ChainMessage | null>;
}

export interface FollowUpOptions {
  /** Earlier turns kept, most recent last. */
  maxTurns: number;
}

export const DEFAULT_FOLLOW_UP: FollowUpOptions = { maxTurns: 3 };

const ECHO = /^\*\*问：\*\*(.*)\n?/u;

/** Undoes the markdown escaping of rendered answers (`\*` → `*`), for text given back to the model. */
function unescapeMarkdown(text: string): string {
  return text.replace(/\\([\\*_~`|[\]<#>.-])/g, "$1");
}

/** The user's question in a message: mentions of anyone taken out. */
export function questionText(content: string): string {
  return content
    .replace(/<@!?\d+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * One turn from a bot answer: the answer text (without an echoed question or the closing source-list
 * line) and the question — the echoed `**问：**` line of a slash-command answer, or else the message
 * the answer replies to.
 */
async function turnOf(
  answer: ChainMessage,
): Promise<{ turn: ConversationTurn; before: ChainMessage | null } | null> {
  const echo = ECHO.exec(answer.content);
  const text = unescapeMarkdown(
    answer.content.replace(ECHO, "").replace(/\n以下是最接近的来源，供参考：$/u, ""),
  ).trim();
  if (echo) return { turn: { question: unescapeMarkdown(echo[1] ?? "").trim(), answer: text }, before: null };
  const asked = await answer.parent();
  if (asked === null) return null;
  return { turn: { question: questionText(asked.content), answer: text }, before: asked };
}

/**
 * The conversation before `message`, oldest first, when it replies to one of the bot's answers;
 * null when it does not (then it is not a follow-up). Bounded: at most `maxTurns` turns are read.
 */
export async function conversationBefore(
  message: ChainMessage,
  botId: string,
  opts: FollowUpOptions = DEFAULT_FOLLOW_UP,
): Promise<ConversationTurn[] | null> {
  let answer = await message.parent();
  if (answer === null || answer.authorId !== botId) return null;
  const turns: ConversationTurn[] = [];
  while (answer !== null && answer.authorId === botId && turns.length < opts.maxTurns) {
    const t = await turnOf(answer);
    if (t === null || t.turn.question === "") break;
    turns.unshift(t.turn);
    answer = t.before ? await t.before.parent() : null;
  }
  return turns;
}

/** A discord.js message as a chain message; a reference that cannot be fetched ends the chain. */
export function chainMessage(message: Message): ChainMessage {
  return {
    authorId: message.author.id,
    content: message.content,
    parent: async () => {
      if (!message.reference?.messageId) return null;
      try {
        return chainMessage(await message.fetchReference());
      } catch {
        return null;
      }
    },
  };
}
