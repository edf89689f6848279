/**
 * The question-word lists of the extractive answerer, in one place: what only shapes a question (and
 * so proves nothing when a sentence repeats it), where a question asks, and the cue words that
 * sentences answering some kinds of question carry. The index's stop words (`index/tokenize.ts`)
 * are a separate matter: they decide what is indexed.
 */

// Words that only shape the question (`多少钱`, `一共`, `哪几个`): matching them proves nothing.
export const QUESTION_WORD =
  /^(?:多少|多(?:久|长|远|大|高|深|宽)|几|哪|什么|怎么|怎样|如何|为何|为什么|是否|是不是|一共|总共|共计|大概|大约|请问|到底|究竟|呢|吗)|^何(?:时|处|种|地|人|年|事|者)?$/;

/**
 * Whole question phrases, measure word and all: `哪一年`, `几个月`, `什么时候`, `多少钱`, and the kind
 * of place asked (`哪个城市`: the answer names the city, `成都`, never the word `城市`), and the name asked
 * (`叫什么名字`: a report names it, `理财经理曾若竹`, seldom saying `叫`).
 */
export const QUESTION_PHRASE =
  /叫(?:什么|啥)(?:名字)?|哪一?(?:个|座)?城市|哪一?(?:年|天|月|日|个|些|里|儿|种|家|位|条|所|座|国|项|次|本|部|场)?|什么(?:时候|时间|地方|样的?)?|多少(?:钱|年|个|次|人|天)?|几(?!乎)(?:个月|个|年|月|日|天|次|家|种|位|名|岁)?|多(?:久|长|远|大|高|深|宽)|何(?:时|处|种|地|人|年|事|者)|谁|怎么样?|如何|为什么|为何/g;

// Single-character function words: bigrams across them (`推的`, `收要`) match nothing meaningful.
export const FUNCTION_CHARS = /[的了是在和与及要把被将会能对为从向于也都又还就吗呢吧啊]/g;

/** Question words removed before taking character bigrams of a question: they match nothing meaningful. */
export const QUESTION_NOISE =
  /多少|多(?:久|长|远|大|高|深|宽)|几个|几家|几年|什么|哪个|哪些|哪里|是否|是不是|怎么|如何|为什么|谁|吗|呢|请问|一共|总共|共计/g;

/** Where a question asks: the answer stands in this slot of the sentence that answers. */
export const ASKING =
  /什么|哪[一个些里儿种家位条所座国年]?|谁|多少|多(?:久|长|远|大|高|深|宽)|几|何[时处种地人]?|怎么|怎样|如何/g;

/** A question asking what a term means (`什么是代位注销`, `X是什么意思`). */
export const DEFINITION_ASKED =
  /什么是|什么叫|是什么意思|指的?是什么|是指什么|(?:的|是)(?:含义|定义)|意思是什么/;

/** How a sentence defining a term says so (`“代位注销”指的是…`, `是指`, `所谓…`). */
export const DEFINITION_STATED = /指的是|是指|意为|意思是|意指|定义为|所谓/;

/** Cue words a sentence answering a why / alias / definition question usually carries. */
export const CUES: [RegExp, RegExp][] = [
  [/为什么|为何|原因|何故|怎么会/, /因为|由于|因此|所以|原因|导致|为了|因而|以致|因/],
  [
    /又(?:叫|称|名)|别(?:名|称)|简称|俗称|全称|原名|本名|称为|叫做|外号|绰号/,
    /又(?:叫|称|名|作)|别(?:名|称)|简称|俗称|全称|原名|本名|称为|亦称|或称|通称|昵称|外号|绰号/,
  ],
  [DEFINITION_ASKED, DEFINITION_STATED],
];

/** Words for a person by office or role (`书记`, `局长`, `民警`): a sentence with one may name the person. */
export const PERSON_ROLE =
  /(?:书记|主任|局长|处长|部长|厅长|省长|市长|县长|区长|主席|总统|总理|首相|负责人|院长|校长|所长|董事长|总经理|总裁|经理|创始人|创办人|发明人|作者|导演|编剧|主演|演员|歌手|教授|博士|记者|队长|教练|会长|理事长|行长|委员)/;

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

/**
 * An everyday way of asking and the word news reports state the same fact with: the question's
 * phrase is read as `term` (`$1` standing for what its first group matched), and a sentence stating
 * any of `stated` states it.
 */
export interface EverydayTerm {
  /** The phrase as people ask it (over simplified text); what it matches is replaced by `term`. */
  asked: RegExp;
  term: string;
  /** Words that state it in a report (the term itself included). */
  stated: readonly string[];
  /** Where the equivalence comes from. */
  source: string;
}

/**
 * Everyday phrasing ↔ the corpus's terms, curated. Sources: definitions of the 《现代汉语词典》 (7th
 * edition, 商务印书馆 2016) and the names of indicators in the National Bureau of Statistics' releases
 * (国家统计局《统计公报》: 城镇新增就业, 营业收入, 同比增长). Only the asking verb is replaced: `捐了多少钱`
 * becomes `捐款多少钱`, keeping `多少钱`, which says the fact is counted in 元.
 */
export const EVERYDAY_TERMS: readonly EverydayTerm[] = [
  {
    // `跟哪个学院一起办的活动`: reports say `联合…开展`, `携手…举办`, `与…共同主办`.
    asked: /(?<=(?:跟|和|与|同).{1,12}?)一起(?=办|搞|弄|做|举办|开展|组织)/u,
    term: "联合",
    stated: ["联合", "携手", "共同", "合作", "一同", "一起"],
    source: "现代汉语词典：联合，联系使不分散；结合；携手，比喻合作",
  },
  {
    // `一起办的` is a report's `开展`, `举办`, `主办`.
    asked: /(?<=联合)(?:办|搞|弄)(?!法|公|学|理|事|案)/u,
    term: "举办",
    stated: ["举办", "开展", "组织", "主办", "承办", "举行"],
    source: "现代汉语词典：举办，举行（活动）；办理（事业）",
  },
  {
    // `滑坡有人受伤吗`: reports say `未造成人员伤亡`, or count the hurt (`造成2人受伤`).
    asked: /(?<=有(?:没有)?人)(?:受伤|伤亡|死亡|遇难)(?=(?:了|过)?(?:吗|没有?)?[?？!！。]*$)/u,
    term: "伤亡",
    stated: ["伤亡", "受伤", "死亡", "遇难", "伤者"],
    source: "现代汉语词典：伤亡，受伤和死亡；新闻常用语“未造成人员伤亡”",
  },
  {
    // `积水有多深`: a flood's depth is stated as the water's height (`积水超过了40厘米`, `水深1.2米`).
    asked: /(?<=积水|水位|洪水|雨水|水)有?多深/u,
    term: "多少",
    stated: [],
    source: "现代汉语词典：深，从上到下的距离；报道写“积水超过40厘米”“水深1米”",
  },
  {
    // `城门有多高`: reports state a size after its word (`城门高5.33米，宽3.5米`), so the question asks
    // `高是多少米`, and the sentence whose number follows `高` answers (not `距离城门三四十米远`).
    // Not `许多高校`, nor a rate's or a price's `多高`.
    asked: /有?(?<![许很更太])(?<!(?:率|速|幅|价|温|费|成本).*)多([高宽深厚])(?![校档端层新效速])/u,
    term: "$1是多少米",
    stated: [],
    source:
      "现代汉语词典：高，从下到上的距离；宽，横的距离；深，从上到下或从外到里的距离；厚，上下之间的距离",
  },
  {
    // `帮多少人找到了工作`: the helping is the asker's frame; the report says `新增就业3400人`.
    asked: /(?:帮助?了?)?(多少人|几个?人)?(?:找到了?|找着了?|有了?)(?:工作|活儿?|饭碗)|上岗/,
    term: "$1就业",
    stated: ["就业", "上岗"],
    source: "现代汉语词典：就业，得到职业；参加工作。统计公报：城镇新增就业",
  },
  {
    // `夜市招聘会有多少人来找工作`: the report counts `5000余名求职者` (looking for work, not yet found).
    asked: /找(?![到着])(?:个|份)?(?:工作|活儿?)/,
    term: "求职",
    stated: ["求职", "应聘", "找工作"],
    source: "现代汉语词典：求职，寻找职业",
  },
  {
    // `反向抹零最多能罚多少钱`: the law caps it as `可以并处5000元以下罚款`.
    asked: /最多(?=[\p{Script=Han}]{0,6}(?:多少|几))/u,
    term: "最高",
    stated: ["最高", "以下", "以内", "不超过", "上限", "至多", "最多"],
    source: "现代汉语词典：最多，表示最大的限度；以下，表示在某一点之下（法律条文“处五千元以下罚款”）",
  },
  {
    // `被罚了多少`, `能罚多少钱`: decisions say `罚款30万元`, `处5000元以下罚款`.
    asked: /罚(?![款金没])了?(?=[\p{Script=Han}]{0,3}(?:多少|几))/u,
    term: "罚款",
    stated: ["罚款", "罚金", "罚没", "处罚"],
    source: "现代汉语词典：罚款，强制违法者缴纳一定数量的钱",
  },
  {
    // `那辆被偷的山地车值多少钱`: police reports say `山地自行车被盗，价值8000余元`.
    asked: /被偷(?:走|去)?了?/u,
    term: "被盗",
    stated: ["被盗", "被偷", "失窃", "被窃", "盗窃"],
    source: "现代汉语词典：盗，偷；被盗，（财物）被偷",
  },
  {
    asked: /(?<![价产市数均峰比总净估阈差极面币])值(?=了?(?:多少|几))/u,
    term: "价值",
    stated: ["价值", "价格", "货值", "值"],
    source: "现代汉语词典：值，价值；价钱",
  },
  {
    // `捐了款` whole (it read `捐款款`); `捐了多少钱` up to what is asked.
    asked: /捐[了出过给]*(?:款(?!项)|(?=[\p{Script=Han}]{0,4}(?:钱|多少|款|物资)))/u,
    term: "捐款",
    stated: ["捐款", "捐赠", "捐助", "捐资", "捐"],
    source: "现代汉语词典：捐款，捐助款项",
  },
  {
    // `复工企业数是多少`: a report counts the things themselves (`复工复产企业达1260家`).
    asked: /(?<=企业|公司|项目|机构|门店|商户|网点|基站)(?:数量|数目|数)(?![据字码额])/u,
    term: "",
    stated: [],
    source: "现代汉语词典：数目，通过单位表现出来的事物的多少；报道以量词计数（“企业达1260家”）",
  },
  {
    asked: /(?<![上高飙暴大看])涨(?=了|幅|得|多少|百分)/,
    term: "增长",
    // Not `增速`/`增幅`: they name the rate, and a clause saying how the rate moved (`增速较2022年全年回升
    // 2.3个百分点`) would tie with the one stating the growth (`同比增长4.5%`), leaving the line uncut.
    stated: ["增长", "上涨", "增加", "提高", "涨"],
    source: "现代汉语词典：涨，（水位、物价等）升高。统计公报：同比增长、增速",
  },
  {
    asked: /赚了?(?=[\p{Script=Han}]{0,3}(?:钱|多少))|挣了?(?=[\p{Script=Han}]{0,3}(?:钱|多少))/u,
    term: "收入",
    // `何女士刷单赚了多少`: `何女士前前后后大概赚了80元`, as a report of a person says it.
    stated: ["收入", "营收", "利润", "营业收入", "净利润", "赚", "挣", "获利", "盈利"],
    source: "现代汉语词典：赚，获得利润；挣，用劳动换取。统计公报：营业收入、利润总额",
  },
  {
    // `老太看病花了多少钱`: a report says `送医治疗…花费医药费6万余元`.
    asked: /看病|瞧病|治病/u,
    term: "治疗",
    stated: ["治疗", "就医", "就诊", "医疗", "医药费", "医疗费", "看病"],
    source: "现代汉语词典：看病，（病人）找医生治病；治疗，用药物、手术等消除疾病",
  },
  {
    // `5G项目一共投了多少钱`: a report says `总投资达12亿元`.
    asked: /投了?(?![资入产放票诉])(?=[\p{Script=Han}]{0,3}(?:钱|多少))/u,
    term: "投资",
    stated: ["投资", "投入", "总投资"],
    source: "现代汉语词典：投，投入（资金等）；投资，为达到一定目的而投入资金",
  },
  {
    asked: /花了?(?=[\p{Script=Han}]{0,3}(?:钱|多少))/u,
    term: "投资",
    // A person's spending is `花费`, `费用`, `支出` (`花费医药费6万余元`), a project's `投资`.
    stated: ["投资", "投入", "资金", "总投资", "花费", "费用", "支出"],
    source: "现代汉语词典：花，用；耗费。统计公报：固定资产投资",
  },
  {
    asked: /招了?(?=[\p{Script=Han}]{0,2}(?:多少|几)?[\p{Script=Han}]{0,2}(?:人|工|员工))/u,
    term: "招聘",
    stated: ["招聘", "招工", "招录", "引进"],
    source: "现代汉语词典：招聘，用公告的方式聘请",
  },
  {
    // Not `免费` (free of charge: `免费面摊`), a word of its own.
    asked:
      /(?<![减豁])免(?!费)了?(?=[\p{Script=Han}]{0,3}(?:钱|多少|费|租))|省了?(?=[\p{Script=Han}]{0,3}(?:钱|多少))/u,
    term: "减免",
    stated: ["减免", "免除", "免收", "减少", "节省"],
    source: "现代汉语词典：减免，减轻或免除（捐税、刑罚等）",
  },
  {
    asked:
      /(?:回来)?上班(?=的?人|了?多少)|(?<=多少人|几个?人|多少员工)(?:在)?上班|复工上班|返岗|回(?:去|来|到)上班/,
    term: "在岗",
    stated: ["在岗", "返岗", "复工", "上岗"],
    source: "现代汉语词典：在岗，在工作岗位上；返岗，返回工作岗位",
  },
  {
    asked: /工资/,
    term: "薪酬",
    stated: ["薪酬", "工资", "薪资", "收入"],
    source: "现代汉语词典：薪酬，工资；报酬",
  },
  {
    asked: /卖了?(?=[\p{Script=Han}]{0,3}(?:多少|几))/u,
    term: "销售",
    stated: ["销售", "销量", "售出", "销售额"],
    source: "现代汉语词典：销售，卖出（货物）",
  },
  {
    // `公司最后要赔多少钱`: the judgment says `支付…赔偿金79391.8元`, the mediation `赔偿金额为3万元`.
    asked: /赔(?![偿付款])了?(?=[\p{Script=Han}]{0,3}(?:钱|多少|几))/u,
    term: "赔偿",
    stated: ["赔偿", "赔付", "赔偿金", "补偿"],
    source: "现代汉语词典：赔，赔偿；赔偿，因自己的行动使他人或集体受到损失而给予补偿",
  },
  {
    // `光谷步行街那个小孩几岁`: the report says `一名7岁的儿童`.
    asked: /小孩子?|小朋友|(?<![小男女])孩子|娃娃?(?![哈])/u,
    term: "儿童",
    stated: ["儿童", "孩子", "小孩", "幼儿", "男孩", "女孩", "男童", "女童", "小朋友"],
    source: "现代汉语词典：儿童，较幼小的未成年人；小孩，儿童",
  },
  {
    // `华静哪年出生的`: a biography says `1963年11月生`.
    asked: /出生/u,
    term: "出生",
    stated: ["出生", "月生", "年生", "生于"],
    source: "人物简历的通行写法：“1963年11月生”（新华社、人民网履历）",
  },
  {
    // `彭某最后被判了几年`: the judgment is reported as `判处有期徒刑四年`.
    asked: /(?:被)?判(?![处決决定断别明])了?(?=[\p{Script=Han}]{0,3}(?:多少|几|什么|多久))/u,
    term: "判处",
    stated: ["判处", "判决", "判"],
    source: "现代汉语词典：判处，（法院）判决处以（某种刑罚）",
  },
  {
    // `仲裁委当初判公司赔多少`: an award is `裁决`, a court's `判决`, both asked as `判…赔`.
    asked: /判(?![处決决定断别明])了?(?=[\p{Script=Han}]{0,4}(?:赔|罚))/u,
    term: "判",
    stated: ["判决", "判处", "判令", "裁决", "判"],
    source: "现代汉语词典：裁决，经过考虑作出决定；判决，法院对审理结束的案件作出决定",
  },
  {
    // `签了多少个亿元以上的项目`: reports count `签约亿元以上项目38个`.
    asked: /签(?![约订署名到收])了?(?=[\p{Script=Han}]{0,3}(?:多少|几))/u,
    term: "签约",
    stated: ["签约", "签订", "签署"],
    source: "现代汉语词典：签约，签订条约或合同",
  },
  {
    // `偷自行车的人在哪被抓的`: police reports say `盗窃自行车的犯罪嫌疑人`. Not `小偷`, `偷偷`.
    asked: /(?<![小被])偷(?![偷窥听拍渡税走去])(?=了?\p{Script=Han})/u,
    term: "盗窃",
    stated: ["盗窃", "偷盗", "偷", "窃取", "盗"],
    source: "现代汉语词典：盗窃，用不合法的手段秘密地取得",
  },
  {
    // `…在哪被抓的`: police reports say `在高新区某小区内将犯罪嫌疑人刘某成功抓获`.
    asked: /被抓(?:住|到|获)?了?(?![获捕])/u,
    term: "抓获",
    stated: ["抓获", "抓捕", "落网", "被抓", "捉"],
    source: "现代汉语词典：抓获，捉住；逮住",
  },
  {
    // `摊主刮脚皮查实了吗`: a report says `初查情况属实`, `经核实`.
    asked: /查实/u,
    term: "核实",
    stated: ["属实", "核实", "查实", "查证", "证实"],
    source: "现代汉语词典：查实，查证属实；核实，审核是否属实",
  },
  {
    // `那次抓了多少人`: police reports say `抓获涉诈嫌疑人20名`.
    asked: /抓(?![获捕住])了?(?=[\p{Script=Han}]{0,3}(?:多少|几))/u,
    term: "抓获",
    stated: ["抓获", "抓捕", "落网", "刑拘", "捉"],
    source: "现代汉语词典：抓获，捉住；逮住",
  },
  {
    // `被骗了多少`, nothing counted after it: what is taken by fraud is money (`转账近12万元`).
    asked: /(骗(?:走|去)?了?多少)(?![\p{Script=Han}])/u,
    term: "$1钱",
    stated: [],
    source: "现代汉语词典：骗，用欺骗的手段取得（财物）；诈骗，讹诈骗取（财物）",
  },
  {
    // `帮忙招了多少人`, `帮着找工作`: the helping is the asker's frame (as in `帮多少人找到了工作`); the
    // report states what was done (`园区及时为企业招聘了近百名员工`).
    asked: /帮(?:忙|着)/u,
    term: "",
    stated: [],
    source: "现代汉语词典：帮忙，帮助别人做事（叙述者的口吻，报道直述所做的事）",
  },
  {
    // `怎么帮村里脱贫的`: aid to a village, the poor or firms is `帮扶` in a report (`支部结对帮扶`).
    asked: /帮(?![忙着扶助])(?=村|乡|镇|贫困|困难|农户|群众|企业)/u,
    term: "帮扶",
    stated: ["帮扶", "帮助", "扶持", "结对"],
    source: "现代汉语词典：帮扶，帮助扶持",
  },
  {
    // `台达现在多少人上班`: a report says `目前全厂在岗人数3719人`.
    asked: /现在/u,
    term: "现在",
    stated: ["现在", "目前", "当前", "如今"],
    source: "现代汉语词典：目前，指说话的时候",
  },
  {
    // `照片里刘怀信在看什么`: the asker points at the photo; its caption is the article's last paragraph
    // (src/corpus/newspaper.ts) and names what it shows, not the photo itself.
    asked: /(?:照片|图片|相片|配图|(?<=^|[这那张幅在])图)(?:里|上|中)(?:的)?/u,
    term: "",
    stated: [],
    source: "提问者指着报道的照片；图片说明写照片里的人和事，不写“照片”",
  },
  {
    // `看了什么片子`: a film or a show is watched (`观看了警示教育片《…》`), not inspected.
    asked: /看了?(?=什么(?:片子|电影|影片|节目|演出|视频|录像|纪录片|教育片))/u,
    term: "观看",
    stated: ["观看", "收看", "观摩", "看"],
    source: "现代汉语词典：观看，特意地看；参观，观察",
  },
  {
    // `刘怀信在看什么`: a caption says what was looked at as `查看`, `察看`, `视察`.
    asked: /(?<![观收参察查])在?看(?=了?(?:什么|啥|哪))/u,
    term: "查看",
    stated: ["查看", "察看", "视察", "参观", "看望", "考察"],
    source: "现代汉语词典：查看，检查，观察（事物的情况）",
  },
  {
    // `女职工最后拿到多少赔偿金`, `最终被判了几年`, `仲裁委当初判公司赔多少`, `最后被判刑了吗`: the asker's "in the end" (or
    // "at first") before an amount; a report
    // states the amount (`…支付…经济赔偿金80000元`) without saying it came last. Not before `什么`, `哪里`:
    // `最终獲得什麼名次` is answered by `最終…獲得季軍`.
    asked:
      /(?:最后|最终|到头来|当初|起初|一开始)(?=\p{Script=Han}{0,6}(?:多少|几)|\p{Script=Han}{1,6}(?:吗|没有?)[?？]*$)/u,
    term: "",
    stated: [],
    source: "提问者的叙述语气（“最后”“最终”“当初”）；报道直接写结果",
  },
  {
    // `陈杰之前是干什么的`: a report on a person's career says `此前担任…`, `曾任…`.
    asked: /(?:之前|以前|先前|原先)(?=是|在|当|担任|干|做|任)/u,
    term: "此前",
    stated: ["此前", "之前", "以前", "曾", "先前", "原"],
    source: "现代汉语词典：此前，在这以前；曾，表示从前有过某种行为或情况",
  },
  {
    // `搞了个多大的市场化基金`, `弄了个多少钱的基金`: the asker's "set up a", the report names the act
    // (`设立1亿元市场化基金`): the question is the thing asked about.
    asked: /(?:搞|弄|整)了?个(?=\p{Script=Han})/u,
    term: "",
    stated: [],
    source: "现代汉语词典：搞，做；干；办；弄（口语）。弄，做；干；办；搞",
  },
  {
    // `哪些高新区在搞新基建`: `搞` is any doing in speech; the report names the thing done (`“新基建”项目`).
    // Not `在搞什么` (a zone's news, read before this) nor `搞好`, `搞定`.
    asked: /在?搞(?![什啥些着好定了])(?=\p{Script=Han})/u,
    term: "",
    stated: [],
    source: "现代汉语词典：搞，做；干；办；弄（口语）",
  },
  {
    // `总投资接近多少`, `大概多少`: the asker's hedge, not the report's (`近30亿元`).
    asked: /(?:接近|将近|大约|大概|差不多)(?=多少|几)/u,
    term: "",
    stated: [],
    source: "提问者的估计语气；报道的约数在数字旁（`近30亿元`）",
  },
  {
    // `民间投资是涨是跌`: asks the change, which a report states as a rate (`增速转负为正，达32%`).
    asked: /是?(?:涨|升|增)了?(?:还是|是)(?:跌|降|减)了?/u,
    term: "增速多少",
    stated: [],
    source: "现代汉语词典：涨，升高；跌，下降。统计公报以增速、增幅报告涨跌",
  },
  {
    // `在建几个商业综合体`: a report says `加紧建设…四大商业综合体`; `在建项目` is the report's own term.
    asked: /在建(?!项目|工程)/u,
    term: "建设",
    stated: ["建设", "在建", "施工"],
    source: "现代汉语词典：在建，正在建设的",
  },
  {
    // `GDP多少`: reports of a city or zone say `地区生产总值`, of the country `国内生产总值`, or `GDP`.
    asked: /gdp/iu,
    term: "gdp",
    stated: ["gdp", "生产总值"],
    source: "国家统计局：国内（地区）生产总值（GDP）",
  },
  {
    // `捐的钱拿去干嘛了`, `补贴用来干什么`: what money is for; a report says `…用于航天蔬菜试验种植项目`.
    asked:
      /(?<=(?:捐款|资金|补贴|经费|基金|款|钱)的?)(?:的)?(?:钱)?(?:拿去|拿来|用来|用去|要)?(?:干嘛|干啥|干什么|做什么)(?:用)?(?:了)?/u,
    term: "用于什么",
    stated: ["用于", "用来", "用在"],
    source: "现代汉语词典：用于，用在（某方面）；干嘛，干什么（口语）",
  },
  {
    // `去的是哪个村`, `去村里捐款`: a report says `赴定远镇水岔沟村`, `前往`, `走进`.
    asked:
      /(?<![出过失除上下进回来])去(?![年世除掉向])(?=的?是?哪|[\p{Script=Han}]{0,4}(?:村|乡|镇|县|社区|企业|公司|工地|现场|一线))/u,
    term: "赴",
    stated: ["赴", "前往", "到", "去", "走进", "深入"],
    source: "现代汉语词典：赴，到（某处）去；前往，前去",
  },
  {
    // `二驴真名叫啥`: a report says `“二驴”原名井元林`, `本名…`.
    asked: /真名|真实姓名|真实名字/u,
    term: "原名",
    stated: ["原名", "本名", "真名", "真实姓名"],
    source: "现代汉语词典：原名，本来的名字；本名，本来的名字（区别于笔名、艺名）",
  },
  {
    // `合肥高新区哪个路口积水了`: the report names the crossing `望江路与创新大道交口`.
    asked: /(?<!十字)路口/u,
    term: "路口",
    stated: ["路口", "交口", "交叉口", "十字路口"],
    source: "现代汉语词典：路口，道路会合的地方；交叉口，两条或几条道路相交的地方",
  },
  {
    // `联谊会当场成了几对`: the report says `现场牵手成功`.
    asked: /当场/u,
    term: "现场",
    stated: ["现场", "当场"],
    source:
      "现代汉语词典：当场，就在那个地方和那个时候；现场，发生案件或事故的场所，也指直接从事某种活动的场所",
  },
  {
    // `在重庆待了几天`: staying is the length asked; the report says `在五天的时间里`, `为期五天`.
    asked: /(?:待|呆)了?(?=几天|多久|多长时间|几个?月|几年|几周|多少天)/u,
    term: "",
    stated: [],
    source: "现代汉语词典：待（dāi），停留（口语，报道写“为期”“在…的时间里”）：问“待了几天”即问时长",
  },
  {
    // `联谊会在哪办的`: the report says `在…举行`, `在…举办`.
    asked: /(?<=在哪(?:里|儿)?)办(?=的|了|呢|啊|[?？]|$)/u,
    term: "举办",
    stated: ["举办", "举行", "召开", "开幕"],
    source: "现代汉语词典：办，创设，经营；举办，进行（活动）；举行，进行（集会、比赛等）",
  },
  {
    // `怎么抓新基建的`: how a zone works at something; the report names the thing (`抢抓“新基建”机遇`)
    // and what was done, in verbs of its own. Left in, jieba glues it to the next word (`抓新`), a word
    // no report says. `抓获` (arrests) has its own entry.
    asked: /(?<=怎么|怎样|如何)抓(?![获捕住])(?:好|实|紧)?/u,
    term: "",
    stated: [],
    source: "现代汉语词典：抓，加强领导，特别着重（某方面）",
  },
  {
    // `联盟里的高新区`: the locative `里` after a noun; the report says `该联盟…`. Not `哪里`/`这里`, nor
    // the `里` of a distance (`公里`, `英里`, `海里`).
    asked: /(?<=\p{Script=Han})(?<![哪这那公英海千万百十])里(?=的)/u,
    term: "",
    stated: [],
    source: "方位词“里”附在名词后表示范围（现代汉语词典：里，方位词）",
  },
  {
    // `郑州机场29号取消了多少航班`: a day of the month said with `号`; reports write `29日`. After a month, or
    // before a time of day, a verb of an event or a particle; not the `号` of a name (`汉光39号演习`, `3号线`,
    // `1号楼`, `月球-26号探测器`).
    asked:
      /(?<=月\d{1,2}|(?:^|[^\d\-－])\d{1,2})号(?=(?<=月\d{1,2}号)|[上下中晚早凌当那前后起至到以开举发召启在是的了取关停，。？?、]|$)/u,
    term: "日",
    stated: [],
    source: "现代汉语词典：号，表示日期（五月一号）；日，用于计算日期（口语多说“号”）",
  },
  {
    // `南大苏州校区第一批住进去多少学生`, `第一期讲的啥`: reports say `首批`, `首期`, `首次`, `首届`.
    asked: /第一批/u,
    term: "首批",
    stated: ["首批", "第一批"],
    source: "现代汉语词典：首，次序居先的，第一的（首批、首届）",
  },
  {
    asked: /第一期/u,
    term: "首期",
    stated: ["首期", "第一期"],
    source: "现代汉语词典：首，次序居先的，第一的（首批、首届）",
  },
  {
    asked: /第一次/u,
    term: "首次",
    stated: ["首次", "第一次", "首度"],
    source: "现代汉语词典：首次，第一次",
  },
  {
    asked: /第一届/u,
    term: "首届",
    stated: ["首届", "第一届"],
    source: "现代汉语词典：首，次序居先的，第一的（首批、首届）",
  },
  {
    // `开了多久车到涿州`: a journey's length; reports say `经过16小时赶路`, `车程`, `驱车`. Left in, jieba glues
    // `车` to the next word (`车到`), a word no report says.
    asked: /开了?(多久|多长时间|几个?小时|几天)的?车/u,
    term: "$1赶路",
    stated: ["赶路", "车程", "驱车", "行驶", "开车"],
    source: "现代汉语词典：赶路，加快速度走路；车程，乘车所需的时间或路程",
  },
  {
    // `给项目划了多少地`: land set aside; reports say `规划用地100亩`.
    asked: /划了?(多少|几)亩?地/u,
    term: "规划用地$1亩",
    stated: [],
    source: "现代汉语词典：划，划分；规划，比较全面的长远的发展计划；用地，用于某种用途的土地（常以亩计）",
  },
  {
    // `福耀科技大学建在哪`: reports say `选址位于…南屿镇`, `坐落于`.
    asked: /建在(?=哪|什么地方)/u,
    term: "位于",
    stated: ["位于", "选址", "坐落", "建在", "落户"],
    source: "现代汉语词典：位于，位置处在（某处）；选址，选择地址",
  },
  {
    // `第一批住进去多少学生`: reports say `入驻`, `入住`.
    asked: /住进(?:去|来)?了?/u,
    term: "入驻",
    stated: ["入驻", "入住", "住进"],
    source: "现代汉语词典：入驻，进入并驻扎或居住；入住，住进（宾馆、新居等）",
  },
  {
    // `悬赏金给多少`: what is paid; reports say `支付…的悬赏金`, `发放`, `给予`. Left in, jieba glues `给` to
    // the word before (`金给`), a word no report says.
    asked: /(?<=\p{Script=Han})给(?=多少|几)/u,
    term: "支付",
    stated: ["支付", "发放", "给予", "奖励", "给"],
    source: "现代汉语词典：给，使对方得到；支付，付出（款项）；给予，使对方得到",
  },
  {
    // `维科车辆是做啥的`: what a firm (or a person) does; a report says `主营铁路行业软件开发`, `从事…`, `专注于…`,
    // of a person `担任…`.
    asked: /是(?:做|干)(?=(?:什么|嘛)的)/u,
    term: "从事",
    stated: ["从事", "主营", "经营", "专注", "致力", "业务", "担任", "现任"],
    source: "现代汉语词典：从事，投身到（事业中去）；主营，主要经营；干，做（事）",
  },
  {
    // `测试通过的送了啥`: what was given; a report says `获得了《孤注一掷》电影票`, `赠送`, `发放`. Not `运送`, `输送`,
    // `护送`, `欢送`.
    asked: /(?<![运输传发护寄接递押欢遣])送(?:了|给)?(?=\p{Script=Han}{0,3}(?:什么|哪些))/u,
    term: "赠送",
    stated: ["赠送", "获得", "发放", "送", "奖励", "领取", "获赠"],
    source: "现代汉语词典：送，把东西运去或拿去给人；赠送，无代价地把东西送给别人",
  },
  {
    // `做了一本什么手册`, `开了一家什么店`: the count between a deed and `什么` is the asker's; the report names
    // the thing (`制作了《网络安全宣传手册》`). Left in, jieba reads `一本` as a word no report states. Not
    // after `是` (`是一部什么类型的小说`: `是…创作的长篇历史小说`, the count may stand in the report).
    asked: /(?<=了)[一1](?:本|个|家|种|项|份|套|支|座|条|张|部|台|款|所|场|件|篇|批|位|名|辆|栋)(?=什么)/u,
    term: "",
    stated: [],
    source: "数量词“一本”“一家”在“什么”前只表示单数，报道直写事物名称",
  },
  {
    // `十里营社区去慰问了谁`: a report says `走访…士兵张鲁红的家中`, `看望`, `探望`.
    asked: /慰问/u,
    term: "慰问",
    stated: ["慰问", "走访", "看望", "探望", "问候"],
    source: "现代汉语词典：慰问，（用话或物品）安慰问候；看望，到长辈或亲友处问候起居情况",
  },
  {
    // `盒马搞了什么活动`: `搞` is any doing in speech; the report says `组织了一场试吃活动`, `开展`, `举办`.
    asked: /(?:搞|弄|整)(?=了(?:什么|哪些))/u,
    term: "开展",
    stated: ["开展", "组织", "举办", "举行", "搞"],
    source: "现代汉语词典：搞，做；干；办；弄（口语）；开展，使从小向大发展，使展开",
  },
  {
    // `徐某某最后被判刑了吗`: a decision says `不需要判处刑罚`, `作出不起诉决定`, or states the sentence.
    asked: /判刑/u,
    term: "判刑",
    stated: ["判刑", "判处", "刑罚", "有期徒刑", "拘役", "缓刑", "不起诉", "免予刑事处罚"],
    source: "现代汉语词典：判刑，法院依照法律对犯人判处刑罚；不起诉，检察机关对案件决定不向法院提起公诉",
  },
  {
    // `那伙人是开车去偷的吗`: a report says `驾驶车辆`, `驱车`.
    asked: /开车(?!门|库|道|位)/u,
    term: "开车",
    stated: ["开车", "驾驶", "驾车", "驱车"],
    source: "现代汉语词典：开车，驾驶机动车；驾驶，操纵（车、船、飞机、拖拉机等）使行驶",
  },
  {
    // `汽油是从哪收来的`: a report says `向大货车司机收购汽油`.
    asked: /(?<=从\p{Script=Han}{0,5})收(?:来|回来)?(?=的|了)/u,
    term: "收购",
    stated: ["收购", "收来", "回收", "购入", "进货", "收"],
    source: "现代汉语词典：收购，从各处买进",
  },
  {
    // `璧山那伙人是开车去偷的吗`: the asker points at the suspects; a report says `犯罪嫌疑人`, `团伙`, `罗某三人`.
    asked: /(?:那|这)(?:伙|帮)人/u,
    term: "嫌疑人",
    stated: ["嫌疑人", "团伙", "同伙", "犯罪嫌疑人"],
    source: "现代汉语词典：伙，由同伴组成的集体；团伙，为进行某些非法活动而结成的小集团",
  },
  {
    // `那块地有多大`: the asker points at a plot; reports say `地块`, `宗地`, `用地`.
    asked: /(?:那|这)(?:块|片|宗)地(?![方区址点铁道])/u,
    term: "地块",
    stated: ["地块", "宗地", "用地", "土地"],
    source: "现代汉语词典：地块，成片的土地；宗地，权属界线封闭的地块",
  },
  {
    // `那块地有多大`, `园区有多大`: a plot's or a place's size is its area (`单宗地块达398亩`, `占地5万平方米`);
    // not a person's age (`多大了`, see question.ts) nor a scale's (`多大规模`).
    asked:
      /(?<=(?:地块|用地|土地|园区|厂区|厂房|基地|场地|校区|公园|广场|产业城|科学城|新城|俱乐部|中心|场馆|展馆|大楼|综合体|商场|车间)\p{Script=Han}{0,2})有?多大(?![了岁规力度])/u,
    term: "面积多少",
    stated: [],
    source: "现代汉语词典：面积，平面或物体表面的大小（土地常以亩、公顷、平方米计）",
  },
  {
    // `拦住诈骗的理财经理`: a report says `成功拦截一起…诈骗`, `堵截`.
    asked: /拦(?:住|下)了?/u,
    term: "拦截",
    stated: ["拦截", "堵截", "拦下", "拦住", "阻止"],
    source: "现代汉语词典：拦截，中途阻拦，不让通过",
  },
  {
    // `那个假APP叫什么`: a report says `仿冒APP`, `假冒`, `冒充…客服`.
    asked: /假(?=app|网站|网页|软件|客服|链接|平台|警察|民警|公安|银行|短信|电话)/u,
    term: "仿冒",
    stated: ["仿冒", "假冒", "冒充", "虚假", "假"],
    source: "现代汉语词典：仿冒，仿造冒充；假冒，以假的冒充真的",
  },
  {
    // `在APP上测出能贷多少`: on an app or site is in it (`通过该仿冒APP测试出…`); a report seldom says `上`.
    asked: /(?<=app|平台|群|软件|网站|网页|页面|手机)上(?=\p{Script=Han})/u,
    term: "",
    stated: [],
    source: "现代汉语词典：上，方位词，用在名词后表示在物体的表面或某种事物的范围以内",
  },
  {
    asked: /测出/u,
    term: "测试",
    stated: ["测试", "测算", "测出"],
    source: "现代汉语词典：测试，测验考查；测，测量",
  },
  {
    // `在APP上测出能贷多少`: the amount one may borrow is the report's `贷款额度`, `可贷`.
    asked: /能贷(?:款)?(?=多少)/u,
    term: "贷款额度",
    stated: ["贷款额度", "额度", "可贷", "贷款"],
    source: "现代汉语词典：额度，规定的数量（“贷款额度”）",
  },
  {
    // `烟台高新区新来的书记是谁`: an appointment says `宫权同志任…书记`, `新任`.
    asked:
      /新来的?(?=\p{Script=Han}{0,4}(?:书记|主任|局长|区长|市长|县长|镇长|校长|院长|所长|经理|董事长|总经理|负责人|领导|老师|民警))/u,
    term: "新任",
    stated: ["新任", "任", "上任", "履新", "新来"],
    source: "现代汉语词典：新任，新近任命的；任，任用，担任",
  },
  {
    // `想在网上贷多少钱`: a report says `准备在某借款软件上贷款一万元`.
    asked: /贷(?![款])(?=了?(?:多少|几))/u,
    term: "贷款",
    stated: ["贷款", "借款", "借"],
    source: "现代汉语词典：贷，借入或借出；贷款，借钱",
  },
  {
    // `差点被骗多少钱`: a report says `险些被骗`, `成功守住6600余元`, `避免损失`.
    asked: /差(?:一)?点(?:儿)?(?=被|就|上当)/u,
    term: "险些",
    stated: ["险些", "差点", "差一点", "避免", "守住", "挽回"],
    source: "现代汉语词典：险些，差一点（发生不如意的事）",
  },
  {
    // `劝住张某的民警`: a report says `在社区民警李昌荣的劝阻下`.
    asked: /劝(?:住|下)(?:了)?/u,
    term: "劝阻",
    stated: ["劝阻", "劝说", "劝住", "劝下"],
    source: "现代汉语词典：劝阻，劝人不要做某事或进行某种活动",
  },
  {
    // `气象台几点发的警报`: a notice is `发布`, `发出`, `印发` (left alone, jieba reads `几点发` as `点发`).
    asked: /(?<=几点|几时|什么时候|哪天|何时)发(?=的|了|出)/u,
    term: "发布",
    stated: ["发布", "发出", "印发", "下发", "发"],
    source: "现代汉语词典：发布，宣布（命令、指示、新闻等）",
  },
  {
    // `孩子们分成几组`: a report says `分为三组`.
    asked: /分成/u,
    term: "分为",
    stated: ["分为", "分成"],
    source: "现代汉语词典：分成，把整体分为若干部分",
  },
  {
    // `防溺水讲座`: a report says `防范儿童溺水安全教育讲座`.
    asked: /防溺水/u,
    term: "防范溺水",
    stated: ["防溺水", "防范溺水", "溺水"],
    source: "现代汉语词典：防范，防备，戒备；溺水，淹没在水中",
  },
  {
    // `活动教孩子做啥`: what children are taught to make is the report's `制作`, `动手做`.
    asked: /(?<=教\p{Script=Han}{0,4})做(?=了?(?:什么|哪些))/u,
    term: "制作",
    stated: ["制作", "做", "动手", "手工"],
    source: "现代汉语词典：做，制造（“做衣服”）；制作，制造",
  },
  {
    // `带队去克拉玛依的是谁`: a report says `朱明福率青浦区代表团赴…`, `带领`, `率队`.
    asked: /带队/u,
    term: "带队",
    stated: ["带队", "率队", "带领", "率领", "率"],
    source: "现代汉语词典：带队，带领队伍；率，带领（“率代表团”）",
  },
  {
    // `涿州来了多少台供电车`: things sent arrive (`93台供电车已经抵达涿州`); people who came, see `参加`.
    asked: /来了(?=(?:多少|几)(?:台|辆|架|艘|批|吨|套|件|箱|袋|车))/u,
    term: "抵达",
    stated: ["抵达", "到达", "到位", "驰援", "来"],
    source: "现代汉语词典：抵达，到达",
  },
  {
    // `买商铺那事拖了多少年才拿回钱`: the asker points at the case; the report names it by its words.
    asked: /(?<=\p{Script=Han})(?:那|这)(?:件|桩)?事(?![情件业务实项故务迹])/u,
    term: "",
    stated: [],
    source: "现代汉语词典：那，指示代词，指比较远的人或事物（“那事”指上文的事，报道不这样称）",
  },
  {
    // `拖了多少年才拿回钱`: the delay is the length asked; a report says `时隔7年`, `历时`, `耗时`.
    asked: /拖了?(?=多少年|几年|多久|多长时间|几个?月|多少天|几天)/u,
    term: "时隔",
    stated: ["时隔", "历时", "耗时", "长达", "拖"],
    source: "现代汉语词典：拖，拖延；时隔，时间相隔；历时，经历的时间",
  },
  {
    // `社区放的是什么电影`: a report says `放映的是影片《夺冠》`, `展映`.
    asked: /(?<![开发释投排解存播])放(?:了|的)?(?=(?:是)?(?:什么|哪部|哪些|几部)?(?:电影|影片|片子))/u,
    term: "放映",
    stated: ["放映", "播放", "展映", "放"],
    source: "现代汉语词典：放映，利用强光装置把影片上的形象照射在幕上",
  },
  {
    asked: /电影|片子/u,
    term: "影片",
    stated: ["影片", "电影", "片子", "教育片", "宣传片", "纪录片", "专题片"],
    source: "现代汉语词典：影片，用来放映电影的胶片，也指放映的电影",
  },
  {
    // `哪里雨最大`, `下了多少雨`: a weather report says `雨量最大`, `雨量…毫米`.
    asked: /下了?多少(?:的)?雨水?/u,
    term: "雨量多少",
    stated: [],
    source: "现代汉语词典：雨量，一定时间内降落在地面上的雨水深度（以毫米计）",
  },
  {
    asked: /(?<![暴大中小阵降冰风细])雨(?=最大|最多|有?多大)/u,
    term: "雨量",
    stated: ["雨量", "降雨", "降水", "雨"],
    source: "现代汉语词典：雨量，一定时间内降落在地面上的雨水深度（以毫米计）",
  },
  {
    // `现在有几家小巨人企业`: the count now is the running total (`企业已达8家`, `累计`, `共有`), not the
    // year's newcomers (`3家企业成功入选`).
    // The time word stays: it still asks for the newest report (`最近`, `目前`: kinds.ts).
    asked: /(?<=(?:现在|目前|如今|当前)(?:一共|总共)?)有(?=几|多少)/u,
    term: "现有",
    stated: ["现有", "已达", "已有", "累计", "共有", "总数", "达到", "目前", "现在"],
    source: "现代汉语词典：现有，目前有的；累计，把许多数字加起来",
  },
  {
    // `有几个当过兵`: a report says `曾身穿戎装`, `退役军人`, `服役`, `入伍`.
    asked: /当过兵|当兵的|参过军|服过役/u,
    term: "当兵",
    stated: ["当兵", "参军", "入伍", "服役", "退役军人", "老兵", "戎装", "军装", "军旅", "军人"],
    source: "现代汉语词典：当兵，参军，服兵役；戎装，军装；退役，军人退出现役",
  },
  {
    // `官兵们手里拿着啥`: a report says `官兵们手持福兔`, `手捧`.
    asked: /手(?:里|上|中)?拿着?(?=\p{Script=Han}{0,3}(?:什么|哪些|啥))/u,
    term: "手持",
    stated: ["手持", "手拿", "拿着", "手捧", "手握", "举着"],
    source: "现代汉语词典：持，拿着；握住；捧，用双手托",
  },
  {
    // `议事长是怎么选出来的`: a report says `投票产生了…议事长`, `选举`, `当选`.
    asked: /(?<=(?:怎么|怎样|如何|咋)(?:被)?)选(?:出来|出|举)?(?=的|了|[?？]|$)/u,
    term: "产生",
    stated: ["产生", "选举", "选出", "当选", "投票", "推选", "评选"],
    source:
      "现代汉语词典：产生，从已有事物中生出新事物（报道写“投票产生”“选举产生”）；选举，用投票或举手等方式选出代表或负责人",
  },
  {
    // `有多少工人受益`: a report says `惠及12000余名一线工作者`.
    // Only where the question counts them (`受益者` names someone: `哪一个产业是…的直接受益者`).
    asked: /(?<=(?:多少|几)\p{Script=Han}{0,8})(?:受益|受惠|得到实惠)(?![者人方])/u,
    term: "惠及",
    stated: ["惠及", "受益", "受惠", "覆盖", "惠"],
    source: "现代汉语词典：惠及，把好处给予某人或某地；受益，得到好处",
  },
  {
    // `给一线工人送了些啥`: a report says `一线工作者`, `职工`, `劳动者`.
    asked: /工人(?!村|文化宫|日报|体育场)/u,
    term: "工人",
    stated: ["工人", "工作者", "职工", "劳动者", "员工", "工友"],
    source: "现代汉语词典：工人，个人不占有生产资料、依靠工资收入为生的劳动者；职工，职员和工人",
  },
  {
    // `议事会在哪开的`: a meeting is held (`在新疆图书馆举办…活动`, `召开`, `举行`); only at the question's end
    // (`在哪开的店` asks about a shop).
    asked: /(?<=在哪(?:里|儿)?)开(?=(?:的|了)?(?:呢|啊|呀)?[?？]*$)/u,
    term: "举办",
    stated: ["举办", "举行", "召开", "开幕", "开展"],
    source: "现代汉语词典：开，举行（会议、展览等）；召开，召集人们开会；举办，举行（活动）",
  },
  {
    // `大会啥时候开的`: the day it was held (`8月17日，…大会召开`); not `开展` (`今年，…开展…专项行动` is no meeting).
    asked: /(?<=(?:什么时候|啥时候|哪天|几号|何时))开(?=(?:的|了)?(?:呢|啊|呀)?[?？]*$)/u,
    term: "召开",
    stated: ["召开", "举办", "举行", "开幕"],
    source: "现代汉语词典：开，举行（会议、展览等）；召开，召集人们开会；举办，举行（活动）",
  },
  {
    // `宣讲完代表们干嘛去了`: what was done after is reported `宣讲结束后，代表们…`, `随后`.
    asked: /(?<=\p{Script=Han}{2})完(?:以后|之后|后)?(?=\p{Script=Han}{1,3}们|大家|他们)/u,
    term: "结束后",
    stated: ["结束后", "结束", "之后", "随后", "完"],
    source: "现代汉语词典：完，完结；结束，发展或进行到最后阶段，不再继续",
  },
  {
    // `代表们干嘛去了`, `他们去干什么了`: what they went to do; a report says what they did (`开展防溺水巡查`).
    asked: /(?:干嘛|干啥|干什么|做什么)去了|去(?:干嘛|干啥|干什么|做什么)了/u,
    term: "开展了什么",
    stated: [],
    source: "现代汉语词典：干嘛，干什么（口语）：问去做的事，报道写所开展的事（“开展防溺水巡查”）",
  },
  {
    // `多少条河涨水了`: a report counts `16条中小河流`.
    asked: /(?<=(?:多少|几)条)河(?![流道边南北])/u,
    term: "河流",
    stated: ["河流", "河", "江", "溪"],
    source: "现代汉语词典：河流，地球表面较大的天然水流（如江、河等）的统称",
  },
  {
    // `摊主后来被怎么处理了`: `后来` is the asker's "afterwards"; the report states the outcome (`责令…整改`).
    asked: /后来(?=(?:被|又|是)?(?:怎么|如何|怎样))/u,
    term: "",
    stated: [],
    source: "现代汉语词典：后来，指在过去某一时间之后的时间（问的是结果，报道写“目前”“已”）",
  },
  {
    // `被怎么处理了`: a report says `责令整改`, `立案调查`, `处罚`, `罚款`.
    asked: /(?<=(?:怎么|如何|怎样))处理(?=了|的|[?？]|$)/u,
    term: "处理",
    stated: ["处理", "处罚", "责令", "立案", "整改", "查处", "罚款", "处分", "拘留", "刑事强制措施"],
    source:
      "现代汉语词典：处理，安排（事物）；解决（问题）；处治，惩办；处罚，使犯错误或犯罪的人受到政治或经济上的损失",
  },
  {
    // `警方是靠什么找到小偷的`: a report says `通过此线索获取了…身份信息`.
    asked: /靠(?=什么|啥)/u,
    term: "通过",
    stated: ["通过", "依靠", "借助", "利用", "靠"],
    source: "现代汉语词典：靠，依靠；通过，以人或事物为媒介或手段而达到某种目的",
  },
  {
    // `警方是靠什么找到小偷的`: a report says `犯罪嫌疑人`; the word stays (a report may say `两个小偷` itself).
    asked: /小偷|窃贼/u,
    term: "小偷",
    stated: ["小偷", "窃贼", "嫌疑人", "犯罪嫌疑人"],
    source: "现代汉语词典：小偷，偷东西的人；报道称“犯罪嫌疑人”",
  },
  {
    // `曹媛是什么职务`: a report puts the office before the name (`妇联党组书记、主席曹媛表示`).
    // Only the noun is read: the question word stays.
    asked: /(?<=(?:什么|啥|哪个))(?:职务|职位|官职|头衔)|(?:职务|职位|官职|头衔)(?=是(?:什么|啥))/u,
    term: "职务",
    stated: [
      "职务",
      "担任",
      "书记",
      "主任",
      "局长",
      "处长",
      "部长",
      "主席",
      "院长",
      "校长",
      "所长",
      "董事长",
      "总经理",
      "经理",
      "负责人",
      "队长",
      "会长",
      "理事长",
      "行长",
      "委员",
      "市长",
      "县长",
      "区长",
      "馆长",
      "社长",
      "团长",
      "厂长",
      "站长",
      "秘书长",
      "教授",
      "主编",
      "总监",
      "董事",
      "现任",
      "兼任",
    ],
    source: "现代汉语词典：职务，职位规定应该担任的工作；报道在人名前写职务（“党组书记、主席曹媛”）",
  },
  {
    // `孩子们用画画装饰了啥`: a report says `用绘画装饰自己的名片`, `作画`.
    asked: /画画儿?/u,
    term: "绘画",
    stated: ["绘画", "画画", "作画", "美术"],
    source: "现代汉语词典：画画儿，绘画（口语）；绘画，造型艺术的一种，用色彩和线条在纸、布等上面画出图画",
  },
  {
    // `驿站启用那天志愿者干了啥`: the day of an event named before is reported `启用当天`, `当日`.
    asked: /(?<=\p{Script=Han}{2})那天/u,
    term: "当天",
    stated: ["当天", "当日", "那天", "这天"],
    source: "现代汉语词典：当天，本天；同一天（报道写“启用当天”“活动当日”）",
  },
  {
    // `龙泉社区的心理课`: a report says `心理健康教育课`, `心理辅导`.
    asked: /心理课/u,
    term: "心理健康",
    stated: ["心理健康", "心理辅导", "心理课", "心理疏导", "心理咨询"],
    source: "现代汉语词典：心理，人的头脑反映客观现实的过程；报道称“心理健康教育课”“心理辅导”",
  },
  {
    // `还有多少种零部件在研发`: a report says `在研零部件产品超600种`, `研发中`.
    asked: /(?:正)?在研(?:发|制|究)/u,
    term: "在研",
    stated: ["在研", "研发中", "正在研发", "在研发", "研制中"],
    source: "在研：正在研究、研制中（报道用语，“在研项目”“在研产品”）；现代汉语词典：研制，研究制造",
  },
  {
    // `有多少孩子来听`: how those counted came is the asker's; a report counts those present (`对40余名孩子进行了宣讲`).
    asked: /(?<=(?:多少|几)\p{Script=Han}{1,6})来(?:听|上课|参加|看)(?:了|的)?(?=(?:呢|啊|呀)?[?？]*$)/u,
    term: "",
    stated: [],
    source: "现代汉语词典：来，从别的地方到说话人所在的地方（问到场人数，报道直写“40余名孩子”“吸引…参加”）",
  },
  {
    // `运罐头的车路上开了多久`: a trip's length is reported `经过近12个小时的长途运输`, `车程`, `行驶`.
    asked:
      /(?:路上|一路上?)?(?<=(?:车|路上|一路)\p{Script=Han}{0,3})(?:开|跑|走)了?(?=多久|多长时间|几个?小时|多少个?小时)/u,
    term: "运输",
    stated: ["运输", "行驶", "车程", "行程", "途中", "经过", "历时", "耗时", "用时"],
    source: "现代汉语词典：开，发动或操纵（车辆等）；运输，用交通工具把物资或人从一个地方运到另一个地方",
  },
  {
    // `盛佳食品这些年一共捐了多少`: a total over the years is reported `累计捐款捐物达500余万元`.
    asked: /(?:这些年|这几年|这么多年|多年来|历年来?)(?:来)?(?:一共|总共|加起来)?/u,
    term: "累计",
    stated: ["累计", "多年来", "历年", "连续多年", "一共", "总共", "共计"],
    source: "现代汉语词典：累计，把许多数字加起来；总计",
  },
  {
    // `涿州居民最缺啥`: a report says `居民反映急需消毒用品`, `紧缺`.
    asked: /最?缺(?=什么|啥|哪些|点啥)/u,
    term: "急需",
    stated: ["急需", "紧缺", "短缺", "缺乏", "缺少", "缺", "需要"],
    source: "现代汉语词典：急需，紧急需要；缺，缺乏，短少",
  },
  {
    // `洪灾后保险赔了多少`: a report says `洪水`, `洪涝`, `受灾地区`. Not a named flood (`「八七水灾」`).
    asked: /(?<![一二三四五六七八九十\d「“])(?:洪灾|水灾)/u,
    term: "洪水",
    stated: ["洪水", "洪灾", "洪涝", "水灾", "受灾", "灾区", "汛情"],
    source: "现代汉语词典：洪灾，洪水造成的灾害；水灾，因久雨、山洪暴发或河水泛滥等造成的灾害",
  },
  {
    // `交友活动来了多少人`: a report counts those who came as taking part (`80多名青年职工参加`, `约200位嘉宾出席`).
    asked: /(?<=\p{Script=Han})(?:来了|到了|去了)(?=(?:多少|几)(?:个|名|位)?人)/u,
    term: "参加了",
    stated: ["参加", "参与", "出席", "到场", "参会", "来了"],
    source: "现代汉语词典：参加，加入某种组织或某种活动；出席，有发言权和表决权的成员参加会议",
  },
  {
    // `东湖高新区发展了多少年了`: a report says `历经35年拼搏奋斗`, `成立35年来`, `建区35年`.
    asked: /(?:发展|成立|建立|创办|办)了?(?=(?:多少|几十?)年)/u,
    term: "历经",
    stated: ["历经", "成立", "建区", "创建", "走过", "发展", "经过"],
    source: "现代汉语词典：历经，经历；经过",
  },
  {
    // `面包车核载几人、实际坐了几人`: a traffic report says `核载9人，实载14人`.
    asked: /实际(?:上)?(?:坐|拉|载|装)了?/u,
    term: "实载",
    stated: ["实载", "实际载", "实际乘坐", "实际坐"],
    source: "实载、核载：交通执法用语（《道路交通安全法实施条例》第五十五条“机动车载人不得超过核定的人数”）",
  },
  {
    // `兄弟俩打了多久官司`: a court's report says `历时两年多的诉讼之路`, `纠纷`, `起诉`.
    asked: /官司/u,
    term: "诉讼",
    stated: ["诉讼", "官司", "纠纷", "起诉", "上诉", "案件"],
    source: "现代汉语词典：官司，指诉讼；诉讼，检察机关、法院以及民事案件中的当事人等解决案件时所进行的活动",
  },
  {
    // `何女士是怎么上当的`: a report says `被骗`, `受骗`, `诈骗`.
    asked: /上当(?:受骗)?|受骗上当/u,
    term: "被骗",
    stated: ["被骗", "上当", "受骗", "诈骗", "骗局"],
    source: "现代汉语词典：上当，受骗吃亏；受骗，被欺骗",
  },
  {
    // `去商户那查煤气罐`: `那` after where one goes points at the place (`那儿`); it is no word of the report,
    // and jieba reads `那查` as one.
    asked: /(?<=(?:去|到|来)\p{Script=Han}{1,6})那(?:儿|里|边)?(?=[查看问办买修送检帮])/u,
    term: "",
    stated: [],
    source: "现代汉语词典：那儿，指示比较远的处所（口语，“去他那儿”）",
  },
  {
    asked: /(?<=[向给到在去赴帮扶])(村|乡|镇|县|市)里/,
    term: "$1",
    stated: [],
    source: "方位词“里”附在处所名词后（现代汉语词典：里，方位词），报道直称“某某村”",
  },
];

/**
 * Measure words of goods and cases (`416瓶`, `4起`, `12箱`), and of pairs (`4对青年职工`): read as units in numbers (`evidence.ts`) and
 * asked for after `多少`/`几` (`question.ts`), one list for both.
 */
export const GOODS_AND_CASES =
  "瓶|箱|袋|件|棵|株|块|斤|升|枚|颗|根|支|盒|包|册|本|趟|场|轮|起|宗|单|例|处|幅|对";

/**
 * Words written with a numeral character that count nothing (`周锋一行来到…`, `进一步宣传`, `十分大方`,
 * `老百姓`): a sentence whose only numerals are in these does not answer `多少`. Adverbs, conjunctions and
 * set phrases of the 《现代汉语词典》 (7th edition) whose `一`/`十`/`百`/`千`/`万` is no quantity, and the
 * names of policies and days written with a number (`两新`组织 — 新经济组织和新社会组织 —, `六稳`, `六保`, `三农`,
 * `八一`, `五一`假期, `六一`儿童节, `双十一`), which name a policy or a day, not an amount; `第一时间` (at once); places named
 * with one (`四川`, `三亚`, `九江`, `十堰`, `六安` …: 中华人民共和国行政区划). Not `唯一`
 * and `之一`: the sentence is read as written, and a Traditional one's count may be a `兩` the numerals
 * do not include (`長崎縣內有兩個…據點`, `僅兩名…成員之一`).
 */
export const NUMERAL_WORDS =
  /进一步|一起|一行(?![字])|统一|一直|一样|一些|一定|一般|一切|一同|一道|一边|一旦|一致|一体化?|一线|一系列|一方面|同一|一贯|一向|一律|一再|一并|一举|一时|一流|一站式|一揽子|一带一路|万一|一下|一点儿?|十分|百姓|千方百计|万分|千万(?![元人个家台辆吨件])|第一时间|两新|六稳|六保|三农|八一(?!\d)|五一(?=劳动|假期|小长假|节)|六一(?=儿童|节)|双十一|四川|三亚|三明|三门峡|九江|十堰|六安|六盘水|四平|百色|万州|万宁|三沙|九寨沟|五指山|七台河/gu;

/** Words asking for what is newest: the newest articles answer, the word itself proves nothing. */
export const TIME_WORDS =
  /最近|最新|近期|近来|近日|目前|现在|如今|这段时间|这阵子|这(?:几|两|些)天|近(?:几|两)天|这个?月|本月|这个?星期|这周|本周/;

/** `介绍一下X`, `说说X`: an overview of X (group 1). */
export const OVERVIEW_ASKED =
  /^(?:请|给我)?(?:简单)?(?:介绍一下|介绍下|介绍|说说|说一说|讲讲|讲一讲|谈谈|聊聊|概括一下|总结一下)(.+)$/;

/**
 * `X有什么新闻`, `X最新消息`, `X的最新动态`, `X近况`, `X有几篇报道`, `X在干嘛` (`嘛` already dropped as a particle): an overview (its count is the digest's first line) of what the news says of X (what comes
 * before). Not a fact that ends on such a word (`在哪方面获得进展`).
 */
export const NEWS_ASKED =
  /(?:(?:有没有|有|出了)(?:什么|哪些|啥|些|几篇|多少篇?)?(?:新|最新|重要|重大|大)?的?(?:新闻|消息|动态|报道|文章|新鲜事|大事|进展|近况)|(?:最新|最近|近期)的?(?:新闻|消息|动态|报道|进展|情况)|的?(?:新闻|消息|动态|近况)|在(?:搞|干|做|忙)(?:些|着)?(?:什么|啥|嘛)?|有(?:什么|啥)(?:动静|新鲜事))(?:吗|呢|有哪些|是什么|如何|怎么样)?$/;

/**
 * `X最近有什么诈骗案`, `X有哪些活动`: the news of a kind of event (group 1 what kind, group 2 the
 * event word) — an overview of that topic when a zone or a time word says it is news being asked for.
 */
export const EVENTS_ASKED =
  /有(?:什么|哪些|啥)(?:新的?)?(\p{Script=Han}{0,8}?)(案件?|案子|事件|活动)(?:吗|呢)?$/u;

/** `X最近怎么样`, `X发展得如何`: how X is doing (an overview when X is a zone alone). */
export const STATE_ASKED =
  /(?:最近|近期|近来|现在|目前|这段时间|这个?月|这几天)?(?:发展|情况|过得)?得?(?:怎么样|怎样|如何|咋样)了?(?:呢|吗)?$|(?<=\p{Script=Han}{2})的?(?:情况|进展)(?:呢)?$/u;

/**
 * How something was done: `怎么稳就业的`, `是如何布局5G的`. Not `怎么样`/`怎样的` (a state, a
 * description), `为什么`/`怎么会` (a reason), `如何评价` (an opinion), nor a `如何` that ends the question
 * (`赛事组织如何`). Read as a how question only when an actor asks it (see {@link ACTOR}).
 */
export const HOW_ASKED =
  /(?:怎么|怎样|如何)(?!样|的|回事|会|办|看|说|评价|理解|定义|回应|回答|解释|形容|描述|称呼|认为)\p{Script=Han}/u;

/**
 * How something ended asked (`最后怎么处理的`, `后来被怎么处理了`, `二审结果如何`): what the authorities or a court
 * did in the end, which {@link OUTCOME_STATED} words state.
 */
export const OUTCOME_ASKED =
  /(?:怎么|如何|怎样)(?:被)?(?:处理|处置|处罚|罚|判|解决)|处理结果|(?:后来|最后|最终|结果)(?:怎么样|如何|咋样)了?[?？]*$/u;

/** Words stating how a case ended: a penalty, an order, a ruling, what was done with those involved. */
export const OUTCOME_STATED =
  /责令|整改|处罚|罚款|罚金|拘留|立案|判处|判决|判刑|吊销|封禁|关停|停业|移送|追究|转移|教育|退还|退赔|赔偿|驳回|维持原判|撤销|没收|警告|批评/u;

/** What measures were taken (`采取了哪些措施`, `做了什么`, `有哪些举措`): a how question whoever asks it. */
export const MEASURES_ASKED =
  /(?:采取|推出|出台|实施)了?(?:哪些|什么|啥)(?:措施|办法|举措|行动|政策)|(?:做|干)了(?:哪些|什么|啥)(?:事情?|工作)?$|有(?:哪些|什么)(?:措施|举措|做法|办法|经验)|(?:措施|举措|做法)(?:有哪些|是什么)/;

/**
 * The actors whose measures news reports (a zone, an authority, a company, a party body): `如何` asked
 * of one is a how question; asked of a thing (`磷酸丙糖异构酶是如何构成的`) it asks a fact.
 */
export const ACTOR =
  /高新区|园区|开发区|管委会|政府|部门|公司|企业|集团|党组织|党委|支部|协会|学校|高校|医院|银行|法院|检察院|警方|公安|街道|社区|[局委厅办]|[村镇乡](?=(?:是)?(?:怎么|怎样|如何))/;

/**
 * `A和B分别是多少`, `A与B各是多少`, `保险公司和外包公司分别赔了多少`: two things asked with one question
 * word after them (groups 1, 2; 3 the verb asking it, when not `是`; 4 the question word and what follows).
 */
export const BOTH_ASKED =
  /^(.+?)(?:和|与|及|以及|跟)(.+?)(?:分别|各)(?:是|为)?(有|达到?|\p{Script=Han}{1,2}?了?)?((?:多少|几|什么|哪些|哪个|谁|哪里|哪儿).*)$/u;

/**
 * `发现了多少问题和线索`: one question word counting two things joined after it (group 1 the question word
 * with its measure word, 2 and 3 the things). Not `多少年的和平` (a word with `和`) nor `多少项以上的升级和创新产品`
 * (one thing, described): neither thing holds `的`.
 */
export const COUNTED_PAIR =
  /(多少|几[个家项名位条次场件])((?:(?!的)\p{Script=Han}){1,4})(?:和|与|及|以及)((?:(?!的)\p{Script=Han}){1,4})$/u;

/**
 * Where a several-facts question divides into its parts: `多少家、复工率多少`, `多少人，比春节前多了多少人`,
 * `多少个救生圈和多少件救生衣` (`和` only before a question word: elsewhere it joins the things asked of).
 */
export const SEVERAL_SPLIT = /[、，,；;]|(?:以及|还有|另外)|[和跟与](?=多少|几)/;

/**
 * Words of sentences that state what was done (`建立`, `开辟`, `发放`, `成立` …): a how question is
 * answered with such sentences. From the verbs of the page's and the news set's reports of measures,
 * and of the 2023 zone news's police, rescue and campaign reports (`举行`, `宣讲`, `排查`, `救援`, `破获`,
 * `配置` …).
 */
export const ACTION_VERBS =
  /采取|建立|设立|成立|组建|开辟|开设|开展|组织|举办|举行|宣讲|授课|排查|整治|巡查|救援|转移|抢修|疏散|查处|破获|打击|推出|出台|制定|实施|推进|推动|落实|发放|兑现|减免|补贴|帮助|帮扶|协助|对接|合作|引进|招聘|招工|输送|培训|建设|新建|改造|建成|投资|投入|开工|投产|签约|捐款|捐赠|捐助|发布|启动|搭建|打造|布局|提供|加大|强化|完善|优化|创新|开通|上线|部署|设置|配备|配置|安排|选派|走访|慰问/;

/**
 * Evaluations and framing, not actions (`这是…又一例`, `具有重要意义`, `重中之重`): a how answer leaves
 * such sentences out.
 */
export const EVALUATIVE =
  /又一例|缩影|生动写照|具有(?:重要|重大|深远|积极)?(?:的)?(?:战略)?(?:意义|作用)|意义重大|重中之重|战略支点|标志着|彰显|充分说明|充分体现|体现了|不可或缺|至关重要|的关键所在|(?:重要|有力)(?:举措|抓手|保障|引擎)|(?:新的|一次)尝试|新的(?:经济)?增长点|奠定(?:了)?(?:坚实)?基础/;

/**
 * Who attended (`市领导某某、某某，园区党工委书记某某参加活动`): the roll-call news ends its story with, not
 * what happened; a digest line passes over it.
 */
export const ATTENDANCE =
  /(?:参加|出席|参与)(?:了)?(?:本次|此次|当天的?)?(?:活动|会议|仪式|开幕式|启动仪式|签约仪式|揭牌仪式)?[。！]?$/u;

// The short answer (`short-question.ts`, `short-spans.ts`): where a question asks, what the noun after
// its question word says about the kind of answer, and the words around a span that tell its kind.

/** The question word a short answer stands in for (the first one in the question). */
export const SHORT_ASKING =
  /为什么|为何|怎么样|怎么|怎样|如何|多少|多(?:久|长|远|大|高|深|宽|重)|几(?!乎)|哪(?:里|儿|边)?|什么(?:东西)?|谁|何(?:时|处|种|地|人|年|者)|是否|是不是|有没有|可不可以|能不能|会不会/;

/** What follows a question word before the noun it asks about: `哪一部`, `哪两个`, `几家`, `多少名`. */
export const ASK_HEAD_MEASURE =
  /^(?:一|两|三|四|五|几)?(?:个|位|家|部(?!分)|所|种|项|条|座|本|首|次|名|件|支|只|张|间|届|场|类(?![型别])|些|样的?|款|份|年|月|天|日|门|块|段|句|篇|层|艘|架|台|辆|棵|枚|幅)?/;

/** A noun after the question word asking for an organisation (`哪个机构`, `哪家公司`). */
export const ORG_HEAD =
  /(?:机构|公司|单位|组织|团体|部门|大学|学校|学院|政府|球队|俱乐部|银行|集团|企业|协会|机关|厂商|媒体|报社|电视台|军队|部队|政党|党派|队|社|局|委员会|联盟)$/;

/** A noun after the question word asking for a place (`哪个国家`, `什么地方`). */
export const PLACE_HEAD = /(?:国家|城市|省份?|地区|地方|地点|区域|位置|港口|车站|机场|国|州|县|市|镇|村|岛)$/;

/**
 * A noun for a person by role (`哪一个皇帝`, `该校长为`, `金正恩的母亲为`): the question asks who. Narrower
 * than {@link ROLE_END}, which would take `国家` and `学生会` for people.
 */
export const PERSON_HEAD =
  /(?:皇帝|国王|君主|天皇|可汗|教宗|总统|首相|总理|校长|领袖|领导人|领导者|统治者|创始人|创办人|作者|发明者|父亲|母亲|妻子|丈夫|儿子|女儿|作家|诗人|画家|将军|提督|总督|元帅|统帅|宰相|大臣|王子|公主|王后|皇后|太子|主教|神父|导演|演员|歌手|球员|教练|科学家|哲学家|数学家|物理学家|化学家|政治家|音乐家|艺术家|建筑师|设计师)$/;

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
export const ROLE_END =
  /(?:家|者|人|员|师|长|官|手|生|王|帝|士|童|判|将|相|后|妃|主|父|母|子|女|兄|弟|姐|妹)$/;

/** A question asking for another name (`又叫什么`, `简称`). */
export const ASKS_ALIAS =
  /又(?:可以)?(?:叫|称|名)|也(?:叫|称)|别(?:名|称)|简称|俗称|全称|原名|本名|称为|叫做|外号|绰号|昵称/;

/** Words right before another name in a sentence (`又称`, `简称`, `俗名为`). */
export const ALIAS_CUE =
  /(?:又(?:叫|称|名|作)|也(?:叫|称)|别(?:名|称)|简称|俗称|俗名|全称|原名|本名|称为|亦称|或称|通称|昵称|外号|绰号|叫做|名为)[为作是]?[“「『"]?$/;

/** Words right before a place in a sentence (`位于`, `坐落于`, `出生于`). */
export const PLACE_CUE = /(?:位于|坐落于|座落于|地处|设于|设在|来自|生于|出生于|迁至|迁往|前往)$/;

/**
 * Words a report about a zone uses for it once named (`该区累计在谈项目146个`): in an article about
 * the zone a question names, they state its name.
 */
export const ZONE_ANAPHOR = /该区|该园区|该高新区|本区/;

/**
 * How the people an event reached took it (`大家纷纷表示，这样的面对面宣讲…`): their words, not what
 * was done.
 */
export const REACTION =
  /^(?:大家|群众|居民|市民|村民|家长|孩子们|学生们|网友|企业负责人|参会人员|与会人员|他们|她们)(?:都|也)?(?:纷纷)?(?:表示|说|称赞|点赞|感叹|感慨|反映)/u;

/**
 * Provinces and regions a question may name as where a fact holds (`湖北上半年GDP多少`): the
 * provincial-level divisions of the mainland, Hong Kong and Macao (国家统计局《统计用区划代码》). A report
 * about another place may share every other word of the question. Not countries, nor 台湾: an
 * encyclopedia's paragraph often leaves its country unsaid (`生於英格蘭威爾特郡`, `全國人口第三密集`),
 * and DRCD asked of them lost five right answers: countries are read otherwise ({@link COUNTRY_NAMES}).
 */
export const PLACE_NAMES =
  /北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|香港|澳门/gu;

/**
 * Countries a question may name as where a fact holds (`意大利今年二季度的GDP`), in their usual Chinese
 * short names as Chinese news writes them (those the 2023 news names most), longest first where one
 * holds another (`印度尼西亚`, `印度`), not inside a longer place (`内蒙古`, `印度洋`, `索马里`). 中国 is not
 * among them: the corpus is Chinese news, which says `我国`, `国内` or nothing for it. Read only with
 * another country in the article (see `aboutOtherCountry`): an encyclopedia's paragraph often leaves
 * its own country unsaid.
 */
export const COUNTRY_NAMES =
  /印度尼西亚|巴布亚新几内亚|吉尔吉斯斯坦|乌兹别克斯坦|塔吉克斯坦|土库曼斯坦|哈萨克斯坦|埃塞俄比亚|阿尔及利亚|斯洛文尼亚|斯里兰卡|孟加拉国|白俄罗斯|俄罗斯|乌克兰|意大利|西班牙|葡萄牙|比利时|奥地利|匈牙利|罗马尼亚|保加利亚|塞尔维亚|克罗地亚|斯洛伐克|立陶宛|拉脱维亚|爱沙尼亚|爱尔兰|土耳其|加拿大|墨西哥|阿根廷|哥伦比亚|委内瑞拉|澳大利亚|新西兰|巴基斯坦|阿富汗|叙利亚|以色列|巴勒斯坦|黎巴嫩|阿联酋|卡塔尔|科威特|尼日利亚|尼日尔|肯尼亚|摩洛哥|马来西亚|新加坡|菲律宾|柬埔寨|格鲁吉亚|亚美尼亚|阿塞拜疆|美国|日本|韩国|朝鲜|英国|法国|德国|荷兰|瑞士|瑞典|挪威|芬兰|丹麦|波兰|希腊|捷克|冰岛|巴西|智利|秘鲁|古巴|印度(?!洋)|尼泊尔|伊朗|伊拉克|约旦|沙特|也门|埃及|南非|越南|老挝|泰国|缅甸|印尼|(?<!内)蒙古|苏丹|利比亚|(?<!索)马里(?!兰)/gu;
