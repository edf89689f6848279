import { err, ok, type Result } from "../result.js";
import { GOODS_AND_CASES, PERSON_ROLE } from "./question-words.js";

/** Longest question accepted, in characters; longer ones are refused with a clear message. */
export const MAX_QUESTION_CHARS = 500;

export type QuestionError =
  | { code: "empty"; message: string }
  | { code: "too-long"; message: string; length: number };

// Control and format characters: C0/C1 controls, zero-width, soft hyphen, bidi overrides, BOM.
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;

// Discord mentions (`@everyone`, `@here`, `<@123>`, `<@&123>`, `<#123>`) address people, not the corpus.
const MENTION = /@(?:everyone|here)\b|<(?:@[!&]?|#)\d+>/g;

/** Whether a text has any Chinese in it: the corpus and the matching are Chinese. */
export function hasChinese(q: string): boolean {
  return /\p{Script=Han}/u.test(q);
}

/** Cleans a user's question: mentions and invisible characters out, lone surrogates mended, whitespace folded. */
export function cleanQuestion(raw: string): string {
  return raw
    .toWellFormed()
    .replace(/\s/g, " ")
    .replace(INVISIBLE, "")
    .replace(MENTION, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Cleans and checks a question; an empty or over-long one is an expected failure with a Chinese message. */
export function validateQuestion(raw: string): Result<string, QuestionError> {
  const q = cleanQuestion(raw);
  if (q === "") return err({ code: "empty", message: "请输入问题，例如：珠海高新区工业投资增速多少" });
  const length = [...q].length;
  if (length > MAX_QUESTION_CHARS) {
    return err({
      code: "too-long",
      length,
      message: `问题太长（${length} 字），请控制在 ${MAX_QUESTION_CHARS} 字以内。`,
    });
  }
  return ok(q);
}

/** The kind of fact a question asks for; decides which sentence and which part of it answers. */
export type QuestionType = "number" | "date" | "person" | "place" | "entity" | "other";

/** Unit a number question expects, from `多少个`/`几家`/`增速多少` …; null when any unit will do. */
export interface QuestionShape {
  type: QuestionType;
  unit: string | null;
  /**
   * A growth question (`同比增长了多少`, `涨了多少`, `比春节前多了多少人`): it is answered by the clause
   * stating the change (`同比增长15.6%`), never by another number of the sentence.
   */
  change?: boolean;
  /**
   * What `第几` asks for (`ORDINAL_UNIT` questions): the measure word after it (`届` in `第几届`), or ""
   * for a rank (`排第几`, `名列第几`, `第几名`), which an ordinal of rounds or sessions (`第二轮`) does not answer.
   */
  ordinal?: string;
  /**
   * What a `NAME_UNIT` question names (`游戏` of `玩了什么游戏`, `app` of `APP叫什么名字`; alternatives as `片|电影`):
   * its quoted name stands by it.
   */
  named?: string;
}

const MEASURE_WORDS = `个|家|人|名|位|座|辆|台|套|项|笔|份|次|批|所|条|只|头|张|部|架|艘|吨|亩|公里|千米|米|平方米|平方公里|公顷|公斤|千克|万|亿|元|美元|年|天|倍|届|期|种|篇|首|款|栋|层|户|间|${GOODS_AND_CASES}`;
const UNIT_AFTER = new RegExp(`(?:多少|几)(${MEASURE_WORDS})`);

/** People of one kind, as a question counts them and a report says them (`员工`, `志愿者`, `青少年`). */
export const PEOPLE = `员工|职工|工人|学生|居民|村民|党员|干部|游客|农民工|民警|志愿者|医生|教师|老师|专家|院士|儿童|孩子|青少年|青年|老人|患者|病人|观众|听众|运动员|选手|嘉宾`;

/** People a question counts: `多少名员工`, `几个年轻干部` (up to two characters saying which ones). */
const PERSON_COUNTED = new RegExp(
  `(?:多少|几)(?:个|名|位)?(?:(?![比率例])\\p{Script=Han}){0,2}?(?:${PEOPLE}|人员|人才|人口|会员|用户|成员|企业家)`,
  "u",
);

/** What follows people named before the question word: `一共有多少`, `有几`. */
const ASKED_AFTER = "(?:一共|总共|共|总计)?(?:有|是)?(?:多少|几)";

/**
 * People named before the question word (`彝族儿童有几个`, `志愿者一共多少个`): the count asked is of them,
 * and reports count them in 名 or 人 (`六名…彝族小朋友`).
 */
const PERSON_BEFORE = new RegExp(`(?:${PEOPLE})${ASKED_AFTER}个?(?:人)?(?:[?？]|$|[了呢啊呀吗])`, "u");
/**
 * A count among people (`文艺人士里有几个当过兵`, `嘉宾中有多少个是院士`): those counted are people, and reports
 * count them in 名, 位 or 人 (`有六位都曾身穿戎装`).
 */
const PEOPLE_AMONG = new RegExp(
  `(?:${PEOPLE}|人士|人员|成员|代表|群众|的人)(?:里|中|当中|之中|里面)${ASKED_AFTER}个`,
  "u",
);
/** The people of one kind a question counts (`志愿者` of `宣讲团有多少个志愿者`), or null. */
export function peopleAsked(q: string): string | null {
  const m = PEOPLE_ASKED.exec(q);
  return m?.[1] ?? m?.[2] ?? null;
}
const PEOPLE_ASKED = new RegExp(`(?:多少|几)(?:个|名|位)?(${PEOPLE})|(${PEOPLE})${ASKED_AFTER}`, "u");

/** `转移了几个人`: people counted with 个 (not `个人所得税`, `个人信息`). */
const PEOPLE_BY_GE = /(?:多少|几)个人(?![员才口民次均工所信账名])/u;

/**
 * People a question counts by a longer name whose head is a person (现代汉语词典: -员, 指工作或学习的人;
 * -者, 指人): `多少个复工复产联络专员`, `几个参与者` — reports count them in 名 or 人 (`31名…联络专员`).
 */
const PERSON_HEADED =
  /(?:多少|几)(?:个|名|位)?\p{Script=Han}{0,8}?[员者](?=$|[^\p{Script=Han}]|[了呢啊呀吗])/u;

// What is counted decides the unit: `多少员工` is counted in 人, `多少企业` in 家.
const COUNTED_NOUNS: [RegExp, string][] = [
  [PERSON_COUNTED, "人"],
  [PERSON_HEADED, "人"],
  [PERSON_BEFORE, "人"],
  [/(?:多少|几)(?:企业|公司|机构|银行|医院|学校|高校|工厂|门店|孵化器)/, "家"],
  [/(?:多少|几)(?:项目|产业|园区|平台|基地|中心)/, "个"],
  [/多少钱|多少资金|多少经费/, "元"],
];

function unitOfCountedNoun(q: string): string | null {
  for (const [re, unit] of COUNTED_NOUNS) if (re.test(q)) return unit;
  return null;
}

/**
 * Asked what is done or by what means (`利用抵达后的几天时间做什么`, `通过什么办法提高了过闸效率`): the question word
 * is `什么`, and a `几天` or an `效率` elsewhere in it names no amount asked.
 */
const ASKS_ACT_OR_MEANS = /(?:做|干|搞)了?什么|什么(?:办法|方式|措施|方法|手段|途径)/u;

// A question that ends on an amount word asks for a number even without 多少: `项目投资额`, `新增就业人数`.
const ASKS_FOR_AMOUNT =
  /(?:额|金额|数量|人数|总数|规模|产值|总值|营收|收入|增速|增幅|比例|比重|占比|率)(?:是|为|有)?[?？。]?$/;

/**
 * A growth question: a change word right before the question word, or a measure of change asked for.
 * Not `新增了多少`: what was newly added is an amount (`两批共新增电动车停车位1018个`), not a change.
 */
const ASKS_CHANGE =
  /(?:增长|下降|上涨|下跌|增加|减少|提高|降低|回落|回升|上升|下滑|攀升|扩大|缩小|(?<!新)[涨跌增降多少高低])了?(?:百分之)?(?:多少|几)|(?:增速|增幅|降幅|涨幅|跌幅|增长率|增长幅度)(?:是|为|有|达|达到)?(?:多少|几)/;

/** A growth question asking for a rate (`增速`, `百分之多少`, `百分点`). */
const ASKS_RATE = /百分之|百分点|增速|增幅|降幅|涨幅|跌幅|增长率|幅度/;

/** The `unit` of a date question that asks for a year (`哪一年`): a month and day alone do not answer it. */
export const YEAR_UNIT = "年";

const ASKS_YEAR = /哪一?年|何年|年份|哪个年代|什么年代|几几年/;

/** The `unit` of a number question that asks for a rank (`第几`). */
export const ORDINAL_UNIT = "第";

/**
 * Measure words after an ordinal that count a sequence — rounds, sessions, batches, volumes (`第二轮`,
 * `第三届`, `第一批`) — rather than a place in a ranking (`第一名`, `位列第三`).
 */
export const SEQUENCE_MEASURES = "轮届次期批季代任版章集场部张架班对";
const ORDINAL_ASKED = new RegExp(`第(?:几|多少)([${SEQUENCE_MEASURES}])?`, "u");

/** The `unit` of a number question asking how long (`多久`, `多长时间`): a length of time answers it. */
export const DURATION_UNIT = "时长";

const ASKS_DURATION = /多久|多长时间|多长的时间|多少时间/;

/** A prison sentence asked in years (`判了几年`, `判处几年`, `被判多少年`). */
const SENTENCED_YEARS = /判(?:处|决)?了?(?:有期徒刑)?(?:几|多少)年/u;

// `徐某某多大了`: asked of a person with `了` at the end, `多大` is an age (`面积多大` has no `了`).
const ASKS_AGE = /年龄|年纪|岁数|(?:几|多少)岁|多大了(?:[?？吗呢]|$)/;

/** The `unit` of an entity question asking which zone (`哪个高新区`, `哪些园区`). */
export const ZONE_UNIT = "高新区";

const ASKS_ZONE = /哪(?:个|些|家|几个|一个)?(?:国家级)?(?:高新区|园区|开发区|高新技术产业开发区)/;

/** The `unit` of an entity question asking a thing's name (`那个APP叫什么名字`): a report quotes it (`名为“浦发银贷”的APP`). */
export const NAME_UNIT = "名称";

/** A thing (not a person) whose name is asked: `APP叫什么名字`, `节目叫啥`, `项目名称是什么`, `玩了什么游戏`. */
const THING_NAME_ASKED =
  /(app|软件|平台|网站|公众号|小程序|公司|企业|项目|节目|活动|乐队|品牌|产品|小区|楼盘|路|桥|工程|文件|政策|计划|行动|群|店|馆|展览|比赛|大赛|影片|电影|歌曲?|书|游戏|系统|车型)(?:的)?(?:叫(?:什么|啥)(?:名字)?|名字(?:是|叫)|名称)|(?:什么|哪些|哪个|哪部|哪首|哪款|哪几个)(游戏|节目|歌曲?|电影|影片|片子|书|口号|主题|剧目|作品|app|软件|模式)(?![\p{Script=Han}])/u;

/**
 * Whether a number question asks for an amount outright (`有多少低保户`, `几栋楼`), not a thing, a way or
 * a rank that a number word in it only qualifies (`哪几种`, `什么比例`, `如何…提高分辨率`, `第几`).
 */
export function asksAmount(q: string): boolean {
  return /多少|(?<![哪第])几(?![乎何])/.test(q) && !/什么|哪|如何|怎么|为什么|为何/.test(q);
}

/** Whether a question asks for several things (`哪些`, `哪几个`): the answer gathers them from every supporting article. */
export function asksForSeveral(q: string): boolean {
  return /哪些|哪几/.test(q);
}

/**
 * Whether a thing question asks for several things in a list: `哪些`, `哪几个`, or `送了些什么`, `画了些啥`
 * (`些` before `什么` is plural: 现代汉语词典，些，量词，表示不定的数量).
 */
export function asksForList(q: string): boolean {
  return asksForSeveral(q) || /些(?:什么|啥)/u.test(q);
}

/**
 * The role of the person a which-person question asks for (`人大代表` of `是哪个人大代表讲的`, `老师` of `哪位老师`),
 * or null: a report names that person right after the role (`相城区人大代表沈伟通过…`).
 */
export function askedRole(q: string): string | null {
  return ASKED_ROLE.exec(q)?.[1] ?? WHO_IS_ROLE.exec(q)?.[1] ?? null;
}
const ROLES =
  "(?:代表|委员|老师|教师|民警|警官|医生|律师|法官|书记|主任|局长|队长|专家|志愿者|教练|院士|教授)";
const ASKED_ROLE = new RegExp(`(?:哪个|哪位|哪一位|哪名|哪一名)(\\p{Script=Han}{0,4}?${ROLES})`, "u");
/** `谁是阿根廷代表团的队长`: the role ends the question, the one holding it is asked. */
const WHO_IS_ROLE = new RegExp(`^谁是[^，,。？?]{0,16}的(\\p{Script=Han}{0,2}?${ROLES})[?？]?$`, "u");

/** Whether a question asks who wrote or reported an article: its byline answers. */
export function asksForByline(q: string): boolean {
  return /(?:记者|作者|撰稿人?|通讯员)(?:是|为|叫)?(?:谁|哪位|什么名字)|谁(?:写|报道|撰写|采写)/.test(q);
}

/** `妇联主席叫什么`, `宣防民警叫啥`: a person asked for by office or role, the name being what is asked. */
const ROLE_NAME_ASKED = new RegExp(
  `(?:${PERSON_ROLE.source}|民警|警官|法官|检察官)(?:叫|是)(?:什么|啥)(?:名字)?(?:[?？]|$)`,
  "u",
);

/** Classifies a (simplified, cleaned) question by what it asks for. */
export function questionShape(q: string): QuestionShape {
  if (
    /什么时候|何时|哪一?年|哪一?天|哪一?月|哪个(?:月|日期|季度)|几月|几号|几日|什么时间|哪个时间|何年|何日|多久以前|年份/.test(
      q,
    )
  ) {
    return { type: "date", unit: ASKS_YEAR.test(q) ? YEAR_UNIT : null };
  }
  const thing = THING_NAME_ASKED.exec(q);
  if (thing !== null && !/谁|哪位|姓名|何人/.test(q))
    return {
      type: "entity",
      unit: NAME_UNIT,
      named: (thing[1] ?? thing[2] ?? "")
        .replace(/^(?:片子|电影|影片)$/u, "片|电影")
        .replace(/^歌曲?$/u, "歌|曲"),
    };
  // `哪一位作家`, `哪一人`, `哪一名球员`: `哪` with `一` before its measure word asks the same (Taiwanese usage).
  if (
    /谁|哪一?位(?!置|于)|哪一名(?!称|字|次)|叫什么名字|名字是|姓名|哪一?个?人(?![口民员才数类])|何人/.test(
      q,
    ) ||
    ROLE_NAME_ASKED.test(q)
  )
    return { type: "person", unit: null };
  // `第几大港口`, `名列第几`: an ordinal (`第二`, `第5`), not an amount.
  const ordinal = ORDINAL_ASKED.exec(q);
  if (ordinal !== null) return { type: "number", unit: ORDINAL_UNIT, ordinal: ordinal[1] ?? "" };
  const unitMatch = UNIT_AFTER.exec(q);
  if (
    !ASKS_ACT_OR_MEANS.test(q) &&
    (/多少|(?<!哪)几(?![乎何])|百分之|比例|比重|占比|多大|多高|多长|多远|多重|多久|多[细粗厚薄宽深]|增速|增幅|增长率|率是|率为|率达/.test(
      q,
    ) ||
      ASKS_FOR_AMOUNT.test(q))
  ) {
    let unit = unitMatch?.[1] ?? null;
    // `多少个年轻干部`: 个 before people counts people (reports say `60名优秀年轻干部`); `几个人`: people.
    if (
      unit === "个" &&
      (PERSON_COUNTED.test(q) ||
        PERSON_HEADED.test(q) ||
        PERSON_BEFORE.test(q) ||
        PEOPLE_BY_GE.test(q) ||
        PEOPLE_AMONG.test(q))
    )
      unit = "人";
    if (ASKS_CHANGE.test(q)) {
      // The change is counted in the question's own measure word (`多了多少人`) or as a rate; what
      // changed (`收入`, `投资`) says nothing of its unit: `收入同比下降了多少` is answered in %.
      if (unit === null && ASKS_RATE.test(q)) unit = "%";
      return { type: "number", unit, change: true };
    }
    if (unit === null && ASKS_DURATION.test(q)) return { type: "number", unit: DURATION_UNIT };
    // `被判了几年`: a sentence is a length of time (`判处有期徒刑四年`), not the year of a date.
    if (SENTENCED_YEARS.test(q)) return { type: "number", unit: DURATION_UNIT };
    // `钻针能做到多细`, `充电要跑多远`: a size or a distance, in a unit of length (`0.05毫米`, `1公里`).
    if (unit === null && /多[细粗厚薄宽深远]/u.test(q)) return { type: "number", unit: "米" };
    // `年龄是多少`, `几岁`: an age, counted in 岁.
    if (unit === null && ASKS_AGE.test(q)) return { type: "number", unit: "岁" };
    if (unit === null) unit = unitOfCountedNoun(q);
    if (unit === null) {
      if (/增速|增幅|增长率|比例|比重|占比|百分|率/.test(q)) unit = "%";
      else if (
        /钱|资金|金额|投资|收入|补贴|营收|产值|总值|税收|贷款|融资|价格|成本|费用|基金|估值|市值/.test(q)
      )
        unit = "元";
    }
    return { type: "number", unit };
  }
  // `哪个高新区…` (`在哪个高新区投产的` too): the answer names a zone, from the sentence or the article's zone.
  if (ASKS_ZONE.test(q)) return { type: "entity", unit: ZONE_UNIT };
  if (/哪里|哪儿|何处|什么地方|哪个(?:国家|城市|省|地区|地方)|位于|在哪/.test(q))
    return { type: "place", unit: null };
  if (/哪个|哪些|哪家|哪项|哪种|什么|何种|哪(?:两|三|几)/.test(q)) return { type: "entity", unit: null };
  return { type: "other", unit: null };
}

/**
 * Conversational wrappers that carry no evidence (`想问一下`, `我在看…的报道`, `那边`, `打算`, a closing
 * `啊`): a question worded as people talk must not look worse supported than the same question worded
 * tersely. Each is replaced by what it keeps (`$1`) or by nothing.
 */
const COLLOQUIAL: readonly [RegExp, string][] = [
  [/^(?:你好|您好)?[，,]?(?:我)?(?:想|要)?(?:请问|问一下|问下|问问|知道|了解一下)[，,：:]?/u, ""],
  [/^(?:请|麻烦)?(?:告诉我|说一下|讲一下)[，,：:]?/u, ""],
  [/我(?:在|正在)?(?:看|读)(?:到)?(?:了)?(.{0,20}?)(?:的|那篇|这篇)(?:报道|新闻|文章)[，,]?/u, "$1"],
  [/(?:那|这)篇(?:报道|新闻|文章)(?:里|中)?(?:的)?/u, ""],
  [/(?<=\p{Script=Han})(?:那边|这边|那里|这里(?!面)|那儿|这儿)(?:的)?/u, ""],
  // `克拉玛依高新区就是哪个区`: `就是` before the question word is the asker's `是`.
  [/就是(?=哪|什么|谁|多少|几)/u, "是"],
  // `那场暴雨`, `这次活动`, `那个项目`: the asker points at something the corpus names without the
  // pointing; jieba glues the measure word to the noun (`场暴雨`), a word no report says. Not `这些年`, a time.
  [/(?<![哪])(?:那|这)(?:场|次|个(?![月星礼季])|件|起|位|家|些(?!年)|项|届|批)(?=\p{Script=Han})/gu, ""],
  // `高薪区` is the usual slip of a pinyin keyboard for `高新区` (gāoxīn: the same syllables).
  [/高薪(?=区|技术产业开发区)/gu, "高新"],
  [/打算/u, ""],
  // `那个男的想在网上贷多少钱`: the man pointed at is the report's `男子`; wanting to (`想在…`) is the asker's frame.
  [/(?<=\p{Script=Han})(?:那个|这个)?男的/u, "男子"],
  [/(?<=\p{Script=Han})(?<![思理感梦幻构联回猜设预妄空遐冥畅])想(?=在|要|去|从|向|把|通过)/u, ""],
  // Not the `嘛` of `干嘛` (`what for`), a question word of speech.
  [/(?<!干)[啊呀吧哈嘛哦啦]+(?=[?？!！。]*$)/u, ""],
  [/[，,]?(?:可以|行|好)(?:么|吗|幺|不)(?=[?？!！。]*$)/u, ""],
  // Other spellings of question words (`甚麼` is usual in Taiwan and Hong Kong, `啥`/`咋` in speech):
  // left as they are, they would count as words of the question the corpus lacks.
  [/甚[麼么]|啥/gu, "什么"],
  [/咋/gu, "怎么"],
  // `腾讯 Q2 营收多少`, `2023Q1`, `H1`: the abbreviations of financial reports in English for a quarter or
  // half-year; Chinese reports write `第二季度`, `一季度`, `上半年` (left in, `Q2` matches no sentence,
  // and the half-year's figure of the same report answered). A four-digit year before one gains its `年`.
  ...(
    [
      ["[Qq]1", "第一季度"],
      ["[Qq]2", "第二季度"],
      ["[Qq]3", "第三季度"],
      ["[Qq]4", "第四季度"],
      ["[Hh]1", "上半年"],
      ["[Hh]2", "下半年"],
    ] as const
  ).flatMap(([abbr, zh]): [RegExp, string][] => [
    [new RegExp(`(\\d{4})\\s*${abbr}(?![A-Za-z0-9])\\s*`, "gu"), `$1年${zh}`],
    [new RegExp(`\\s*(?<![A-Za-z0-9])${abbr}(?![A-Za-z0-9])\\s*`, "gu"), zh],
  ]),
  // `宝 山 高 新 区 在 建 项 目`: spaces between Chinese characters split no words (Chinese is written
  // without them); left in, every character reads as a word of its own.
  [/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, ""],
  // `几栋楼`, `几辆车`: `几` with a measure word asks what `多少` asks; jieba glues the measure word to
  // the noun after it (`栋楼`), a word no report says (`16栋楼宇`). Not `第几` (an ordinal), `哪几`,
  // `几乎`, `几十万`; the measure words `几` already takes in QUESTION_PHRASE (`几个`, `几家`) stay.
  [
    /(?<![哪第])[几幾](?![乎何十百千万])(?=[栋棟层層户戶辆輛台臺套项項座所条條只隻头頭张張部架艘吨噸亩畝笔筆份批篇首款间間棵株件起])/gu,
    "多少",
  ],
  // A question begun in English (`what is 宝山高新区…的建筑面积`): the English question word is read as
  // the Chinese one, so that the words left are the corpus's. Only before Chinese text.
  [
    /^(?:(?:hi|hello|hey|please|pls|plz)\b[\s,，!！]*)*(?:what(?:'s|\s+(?:is|are|was|were))?|tell\s+me(?:\s+about)?)\s+(?=\p{Script=Han})/iu,
    "",
  ],
  [/^how\s+(?:many|much)\s+(?=\p{Script=Han})(.+?)[?？]*$/iu, "$1多少"],
  [/^who(?:'s|\s+(?:is|was))?\s+(?=\p{Script=Han})(.+?)[?？]*$/iu, "$1是谁"],
  [/^when\s+(?:is|was|did|will)?\s*(?=\p{Script=Han})(.+?)[?？]*$/iu, "$1是什么时候"],
  [/^where\s+(?:is|was)?\s*(?=\p{Script=Han})(.+?)[?？]*$/iu, "$1在哪里"],
];

/**
 * The question without its conversational wrappers and with question words in their usual spelling
 * (see {@link COLLOQUIAL}); the question itself when nothing is left.
 */
export function plainQuestion(q: string): string {
  let out = q;
  for (const [re, by] of COLLOQUIAL) out = out.replace(re, by);
  out = out.trim();
  return out === "" ? q : out;
}
