/**
 * The words of page furniture that main-text extraction (Readability) lets through on Chinese news
 * and government sites: it drops navigation, footers and link lists by their markup, but a share bar,
 * a view counter or a "print this page" line often sits inside the article's own block. Kept in one
 * place so a site with other furniture is one edit here.
 */

/**
 * A short line (see {@link FURNITURE_MAX_CHARS}) matching one of these is furniture, not news. Each
 * is anchored or specific enough that no sentence of an article matches it.
 */
export const FURNITURE: readonly RegExp[] = [
  // Metadata lines: publication time, origin, editors, view counts (the date is read before).
  /^(?:发布|发表|更新|上传)(?:时间|日期)\s*[:：]/u,
  /^(?:信息)?来源\s*[:：]/u,
  /^(?:作者|责任编辑|责编|编辑|审核|审校|校对|终审|初审|供稿|撰稿|摄影|通讯员)\s*[:：]/u,
  /(?:浏览|阅读|点击|访问)(?:次数|量|数)\s*[:：]?\s*\d*/u,
  /^(?:日期|时间)\s*[:：]\s*\d{4}/u,
  // Share bars, print/close/font-size controls, QR codes.
  /^(?:分享|分享到|分享至|转发到)\s*[:：]?/u,
  /[【[]\s*(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|收藏|返回顶部|字号|大|中|小|默认|我要纠错)\s*[】\]]/u,
  /^(?:打印本页|关闭窗口|返回顶部|返回列表|收藏本页|字号\s*[:：]?\s*[大中小]|字体\s*[:：]?\s*[大中小])/u,
  /扫一扫|微信扫|扫码|手机(?:打开|浏览|查看)|二维码/u,
  // Neighbours and related links that kept their heading.
  /^(?:上一篇|下一篇|上一条|下一条|相关(?:新闻|阅读|链接|文章|推荐)|推荐阅读|延伸阅读|热点推荐)\s*[:：]?/u,
  // Photo captions and credits (the newspaper reader drops them from pages too).
  /^图为/u,
  /^[（(]?(?:图片|照片|摄影|图)(?:来源|提供)?\s*[:：]/u,
  /^[（(][^（）()]{0,20}(?:摄|供图)[）)]$/u,
  // Copyright footers and registrations.
  /版权所有|Copyright|©|ICP\s*备|公网安备|网站标识码|技术支持\s*[:：]|主办单位\s*[:：]|承办单位\s*[:：]|联系我们/iu,
];

/** Furniture lines are short; an article's sentence quoting `来源：` is longer than this. */
export const FURNITURE_MAX_CHARS = 80;

/** True when `line` (at most `maxChars` long) is page furniture rather than article text. */
export function isFurniture(line: string, maxChars = FURNITURE_MAX_CHARS): boolean {
  return [...line].length <= maxChars && FURNITURE.some((re) => re.test(line));
}

/**
 * The tail a reposting site glues to a news text (`…责任编辑：翟晓晨审核：郭启迪转载是一种动力分享是一种美德返回搜狐，查看更多`,
 * `如遇作品内容、版权等问题，请…联系`, IT之家's `相关阅读：《…》广告声明：文内含有的对外跳转链接…`): a sentence holding one
 * of these is furniture, however long.
 */
const REPOST_TAIL =
  /返回搜狐|查看更多|责任编辑\s*[:：]|版权归原作者|版权侵权|转载是一种动力|如遇作品内容|点「\s*在看\s*」|优质公众号推荐|广告声明[:：]|文内含有的对外跳转链接|相关阅读[:：]/u;

/** The longest sentence read as furniture by {@link FURNITURE} alone: a caption's credit may open a long sentence of news (`图片来源：韩联社据悉，韩国警方…`). */
const FURNITURE_SENTENCE_MAX_CHARS = 30;

/** True when a sentence of an article's text is page furniture (a repost's tail, a short credit line), not news to quote. */
export function isFurnitureSentence(sentence: string): boolean {
  return REPOST_TAIL.test(sentence) || isFurniture(sentence, FURNITURE_SENTENCE_MAX_CHARS);
}
