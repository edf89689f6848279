/**
 * Marks news text carries around its stories, shared by the sentence splitter (a headline run into its
 * story) and the headlines shown (a byline run onto a headline): the names of agencies and papers that
 * open a dateline, and the openings a story's first clause has.
 */

/** News agencies and papers whose names open a dateline or end a byline (`中新网重庆新闻8月17日电`). */
export const SOURCE_NAME =
  "(?:中新网|中国新闻网|新华社|新华网|人民网|央视网|央广网|光明网|参考消息网|澎湃新闻|红星新闻网?|极目新闻|本报|\\p{Script=Han}{2}(?:日报|晚报|都市报|(?<!本)报|新闻网|网|社|台))";

/** Where a story's first clause may begin: a date or time word, or `据…消息`, and a comma. */
export const STORY_OPENING =
  "(?:\\d{4}年)?(?:\\d{1,2}月\\d{1,2}日(?:[—\\-－~至]\\d{1,2}日)?|今年以来|近年来|近日|日前|近期|昨天|昨日|今天|今日)(?:凌晨|早上|上午|中午|下午|傍晚|晚上?)?[，,]|据[^，,。]{1,20}(?:报道|消息)[，,]";

/** A dateline: a source's name, maybe a place and date, then `讯`/`电`/`报道`/`消息` (`新京报讯（记者某某）`, `参考消息网8月6日报道`). */
export const DATELINE_OPENING = `${SOURCE_NAME}[\\p{Script=Han}A-Za-z\\-－]{0,10}?(?:\\d{1,2}月\\d{1,2}日)?(?:讯|电|报道|消息)`;

/** A republished story's `原标题：` label. */
export const ORIGINAL_TITLE = /^原标题\s*[:：]\s*/u;

/**
 * Where a headline's first words (its first five characters) come again at or after `from`: a
 * `原标题：` headline run into its story (`…破解农村党员管理难张家港高新区（塘桥镇）面对…`) ends there.
 * -1 when they do not, or the headline is shorter.
 */
export function openingAgain(headline: string, from: number): number {
  const words = [...headline].slice(0, 5).join("");
  return [...words].length === 5 ? headline.indexOf(words, from) : -1;
}
