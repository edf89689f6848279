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

// The short answer (`short-question.ts`, `short-spans.ts`): where a question asks, what the noun after
// its question word says about the kind of answer, and the words around a span that tell its kind.

/** The question word a short answer stands in for (the first one in the question). */
export const SHORT_ASKING =
  /为什么|为何|怎么样|怎么|怎样|如何|多少|多(?:久|长|远|大|高|深|宽|重)|几(?!乎)|哪|什么|谁|何(?:时|处|种|地|人|年|者)|是否|是不是|有没有|可不可以|能不能|会不会/;

/** What follows a question word before the noun it asks about: `哪一部`, `哪两个`, `几家`, `多少名`. */
export const ASK_HEAD_MEASURE =
  /^(?:一|两|三|四|五|几)?(?:个|位|家|部|所|种|项|条|座|本|首|次|名|件|支|只|张|间|届|场|类|些|样|款|份|年|月|天|日)?/;

/** A noun after the question word asking for an organisation (`哪个机构`, `哪家公司`). */
export const ORG_HEAD =
  /(?:机构|公司|单位|组织|团体|部门|大学|学校|学院|政府|球队|俱乐部|银行|集团|企业|协会|机关|厂商|媒体|报社|电视台|军队|部队|政党|党派|队|社|局|委员会|联盟)$/;

/** A noun after the question word asking for a place (`哪个国家`, `什么地方`). */
export const PLACE_HEAD =
  /(?:国家|城市|省份?|地区|地方|地点|区域|位置|港口|车站|机场|国|州|县|市|镇|村|岛)$/;

/** A noun after the question word asking for a work (`哪一部影片`, `什么书`): it is written in `《》`. */
export const WORK_HEAD =
  /(?:作品|电影|影片|书|书籍|著作|小说|专辑|歌曲|歌|游戏|节目|电视剧|剧|杂志|报纸|刊物|诗|文章|漫画|动画|片)$/;

/** A question asking why: its answer is a clause, not a fact of a few characters. */
export const ASKS_REASON = /为什么|为何|原因|何故|怎么会/;

/** A question asking how. */
export const ASKS_MANNER = /怎么|怎样|如何/;

/** A question asking yes or no. */
export const ASKS_YES_NO = /是否|是不是|有没有|可不可以|能不能|会不会|可否/;

/** Endings of an organisation's name (`三茂铁路股份有限公司`, `行政院新闻局`). */
export const ORG_SUFFIX =
  /(?:公司|集团|大学|学院|学校|银行|协会|委员会|政府|基金会|联盟|组织|机构|俱乐部|中心|研究所|研究院|部|局|厅|署|院|会|社|台|队|党)$/;

/** Endings of a place's name (`河南省固始县段集镇`, `金巴利街`). */
export const PLACE_SUFFIX =
  /(?:省|市|县|区|镇|乡|村|州|国|岛|山|河|江|湖|海|港|湾|街|路|道|站|城|洲|半岛|群岛|地区|盆地|平原|高原)$/;

/** Words before a span that introduce what something is or is called (`是`, `为`, `名为`, `由`). */
export const SHORT_COPULA = /(?:是|为|叫|叫做|称|称为|名为|即|乃|由|被|在|于|到|达|约|有|包括|如)$/;

/** Endings of a word for a person by role (`主裁判`, `音乐家`, `球童`): `谁` is answered so too. */
export const ROLE_END = /(?:家|者|人|员|师|长|官|手|生|王|帝|士|童|判|将|相|后|妃|主|父|母|子|女|兄|弟|姐|妹)$/;

/** A question asking for another name (`又叫什么`, `简称`). */
export const ASKS_ALIAS = /又(?:可以)?(?:叫|称|名)|也(?:叫|称)|别(?:名|称)|简称|俗称|全称|原名|本名|称为|叫做|外号|绰号|昵称/;

/** Words right before another name in a sentence (`又称`, `简称`, `俗名为`). */
export const ALIAS_CUE =
  /(?:又(?:叫|称|名|作)|也(?:叫|称)|别(?:名|称)|简称|俗称|俗名|全称|原名|本名|称为|亦称|或称|通称|昵称|外号|绰号|叫做|名为)[为作是]?[“「『"]?$/;

/** Words right before a place in a sentence (`位于`, `坐落于`, `出生于`). */
export const PLACE_CUE = /(?:位于|坐落于|座落于|地处|设于|设在|来自|生于|出生于|迁至|迁往|前往)$/;
