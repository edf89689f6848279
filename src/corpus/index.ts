export type { ArticleDraft, ParsedFile } from "./article.js";
export { makeArticle, paragraphsFromText, titleFromBody } from "./article.js";
export { parseJsonl } from "./jsonl.js";
export { loadCorpus } from "./load.js";
export { parseMarkdown } from "./markdown.js";
export { parseNewspaperPage } from "./newspaper.js";
export { cleanText, endsSentence, joinLines, lineWidth, splitSentences } from "./text.js";
export type { Article, CorpusFile, CorpusProblem, LoadedCorpus, Paragraph } from "./types.js";
export { canonicalZone, findZones, getJieba, unknownZones, zoneCounts, zoneMentions } from "./zones.js";
