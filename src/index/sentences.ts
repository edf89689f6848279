/** Sentence splitting lives with the corpus reader, which needs it first; re-exported for the index. */
export { charLength, splitSentences } from "../corpus/sentences.js";
