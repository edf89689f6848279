/**
 * The question-word lists of the extractive answerer, in one place: what only shapes a question (and
 * so proves nothing when a sentence repeats it), where a question asks, and the cue words that
 * sentences answering some kinds of question carry. The index's stop words (`index/tokenize.ts`)
 * are a separate matter: they decide what is indexed.
 */

// Words that only shape the question (`多少钱`, `一共`, `哪几个`): matching them proves nothing.
export const QUESTION_WORD =
  /^(?:多少|多(?:久|长|远|大|高|深|宽)|几|哪|什么|怎么|怎样|如何|为何|为什么|是否|是不是|一共|总共|共计|大概|大约|请问|到底|究竟|呢|吗)|^何(?:时|处|种|地|人|年|事|者)?$/;

/** Whole question phrases, measure word and all: `哪一年`, `几个月`, `什么时候`, `多少钱`. */
export const QUESTION_PHRASE =
  /哪一?(?:年|天|月|日|个|些|里|儿|种|家|位|条|所|座|国|项|次|本|部|场)?|什么(?:时候|时间|地方|样的?)?|多少(?:钱|年|个|次|人|天)?|几(?!乎)(?:个月|个|年|月|日|天|次|家|种|位|名|岁)?|多(?:久|长|远|大|高|深|宽)|何(?:时|处|种|地|人|年|事|者)|谁|怎么样?|如何|为什么|为何/g;

// Single-character function words: bigrams across them (`推的`, `收要`) match nothing meaningful.
export const FUNCTION_CHARS = /[的了是在和与及要把被将会能对为从向于也都又还就吗呢吧啊]/g;

/** Question words removed before taking character bigrams of a question: they match nothing meaningful. */
export const QUESTION_NOISE =
  /多少|多(?:久|长|远|大|高|深|宽)|几个|几家|几年|什么|哪个|哪些|哪里|是否|是不是|怎么|如何|为什么|谁|吗|呢|请问|一共|总共|共计/g;

/** Where a question asks: the answer stands in this slot of the sentence that answers. */
export const ASKING =
  /什么|哪[一个些里儿种家位条所座国年]?|谁|多少|多(?:久|长|远|大|高|深|宽)|几|何[时处种地人]?|怎么|怎样|如何/g;

/** Cue words a sentence answering a why / alias question usually carries. */
export const CUES: [RegExp, RegExp][] = [
  [/为什么|为何|原因|何故|怎么会/, /因为|由于|因此|所以|原因|导致|为了|因而|以致|因/],
  [
    /又(?:叫|称|名)|别(?:名|称)|简称|俗称|全称|原名|本名|称为|叫做|外号|绰号/,
    /又(?:叫|称|名|作)|别(?:名|称)|简称|俗称|全称|原名|本名|称为|亦称|或称|通称|昵称|外号|绰号/,
  ],
];

/** Verbs that introduce what someone said: a person is often named right before one (`刘怀信表示`). */
export const SPEECH_VERBS = "表示|说|介绍|指出|认为|强调|称|透露|提出";

/**
 * Words stating a change (`同比增长15.6%`, `增40.7%`, `较春节前增加了360人`, `较暑期上涨近四成`): a growth
 * question is answered by a clause holding one.
 */
export const CHANGE_WORDS =
  /增长|下降|上涨|下跌|增加|减少|提高|降低|回落|回升|上升|下滑|攀升|扩大|缩小|增速|增幅|降幅|涨幅|跌幅|翻番|翻了|[增降涨跌升](?=了|\d|[一二三四五六七八九十两近超逾约达])|多了|少了|高出|低了/;

/** Comparisons and directions of change a growth question may name, and how a clause states them. */
export const CHANGE_CUES: [RegExp, RegExp][] = [
  [/同比/, /同比|比上年|比去年|较上年|较去年|上年同期|去年同期/],
  [/环比/, /环比|比上月|较上月|比上季|较上季/],
  [/(?:增长|增加|上涨|上升|提高|增|涨|升|多)了?(?:百分之)?(?:多少|几)/, /增|涨|升|提高|多|高出|扩大|翻/],
  [/(?:下降|减少|下跌|降低|回落|下滑|降|跌|少)了?(?:百分之)?(?:多少|几)/, /降|减|跌|回落|下滑|少|缩小/],
];
