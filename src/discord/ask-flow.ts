import { validateQuestion } from "../answer/question.js";
import type { AnswerStage, ConversationTurn } from "../answer/types.js";
import { err, ok, type Result } from "../result.js";
import type { BotContext } from "./command.js";
import { type Asker, recordAnswer } from "./feedback.js";
import { createProgress } from "./progress.js";
import { type Payload, renderAnswer, renderProgress, renderRateLimited, textPayload } from "./render.js";

/**
 * The question path shared by `/ask` and @mentions, free of discord.js: check the question and the
 * asker's rate limit, then compute the answer under the global concurrency cap, reporting progress.
 */

/** Cleans and checks a question and takes one from the user's rate limit; a refusal comes rendered. */
export function admitQuestion(raw: string, userId: string, ctx: BotContext): Result<string, Payload> {
  const question = validateQuestion(raw);
  if (!question.ok) return err(textPayload(question.error.message));
  const decision = ctx.limiter.take(userId);
  if (!decision.ok) return err(renderRateLimited(decision.retryAfterMs));
  return ok(question.value);
}

/**
 * Answers `question` and renders it. `showProgress` edits the pending message; it is called only
 * when the answer is slow, throttled, and never after this resolves. `history` makes it a follow-up
 * (earlier turns, oldest first; used in model mode). With `asker`, the question is recorded (when the
 * state store is on) and the answer gets 👍/👎 buttons.
 */
export async function answerPayload(
  question: string,
  ctx: BotContext,
  opts: {
    echoQuestion: boolean;
    showProgress?: (payload: Payload) => Promise<unknown>;
    history?: readonly ConversationTurn[];
    asker?: Asker;
  },
): Promise<Payload> {
  const { showProgress, history } = opts;
  const progress = showProgress
    ? createProgress(
        (stage: AnswerStage) => showProgress(renderProgress(stage)),
        ctx.progress,
        (error) => ctx.logger.warn({ err: error }, "progress edit failed"),
      )
    : null;
  try {
    const queuedAt = performance.now();
    let startedAt = queuedAt;
    const answer = await ctx.gate.run(() => {
      startedAt = performance.now();
      return ctx.service.ask(question, {
        ...(progress ? { onProgress: (stage: AnswerStage) => progress.report(stage) } : {}),
        ...(history ? { history } : {}),
      });
    });
    ctx.logger.info(
      {
        queuedMs: Math.round(startedAt - queuedAt),
        answerMs: Math.round(performance.now() - startedAt),
        abstained: answer.abstained,
        citations: answer.citations.length,
        mode: answer.mode,
        ...(history ? { followUpTurns: history.length } : {}),
      },
      "answered",
    );
    const payload = renderAnswer(answer, { echoQuestion: opts.echoQuestion });
    return opts.asker
      ? recordAnswer(ctx, opts.asker, answer, performance.now() - queuedAt, payload)
      : payload;
  } finally {
    await progress?.finish();
  }
}
