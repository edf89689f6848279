/**
 * The word lists of a zone's key figures, in one place: what a person following a high-tech zone
 * looks for in its news — output, investment, growth, revenue, firms, jobs, projects, funds — each
 * with the units its figures come in. A number in any other sentence (`13位购房者`, `30名青少年`,
 * `变压器6360千伏安`, `诈骗100800元`) is news, not a figure of the zone.
 */

/** One kind of indicator: the words that name it in a figure's label, and the units its values take. */
export interface Indicator {
  kind: "output" | "investment" | "growth" | "revenue" | "firms" | "jobs" | "projects" | "funds";
  /** Matched against the whole label (`规模以上工业总产值`, `新建项目开工率`). */
  label: RegExp;
  /** Matched against the value's unit, magnitude stripped (`亿元` → `元`). */
  unit: RegExp;
}

const MONEY = /^(?:元|美元|欧元|港元|日元|英镑)$/;
const PERCENT = /^(?:%|％|个百分点)$/;

/**
 * What counts as a key figure: the label must end in what is measured (`高新技术企业`, `续建项目`,
 * `规模以上工业总产值`, `工业投资增速`), so a label that only mentions it on the way (`投资公司`,
 * `项目汇聚苏州高新区`) is not one. Rates (`%`) count only as the growth of something measured or as
 * the rate of work on projects and firms (`开工率`, `复工率`); counts only of firms, projects,
 * platforms and people employed.
 */
export const INDICATORS: readonly Indicator[] = [
  {
    kind: "output",
    label:
      /(?:产值|增加值|生产总值|GDP|营收|营业收入|收入|营业额|销售额|产业规模|总规模|利润|税收|出口额?|进出口额?|外贸)(?:额|总额|总量)?$/,
    unit: MONEY,
  },
  { kind: "investment", label: /(?:投资|投入|到位资金)(?:额|总额)?$/, unit: MONEY },
  { kind: "funds", label: /(?:基金|资金|融资|专项债券?|贷款)(?:额|金额|总额|规模)?$/, unit: MONEY },
  {
    kind: "growth",
    label:
      /(?:产值|增加值|生产总值|GDP|营收|收入|营业额|销售额|规模|利润|税收|出口|进出口|投资|企业|项目)\S*(?:增速|增幅|增长率?|同比增长|比重|占比)$|(?:开工|复工|复产|达产|投产|签约|履约|到位|就业)率$/,
    unit: PERCENT,
  },
  {
    kind: "firms",
    label: /(?:企业|公司|市场主体|高企|独角兽|瞪羚|孵化器|众创空间|研发机构)$/,
    unit: /^(?:家|户|个)$/,
  },
  { kind: "projects", label: /(?:项目|工程|平台|载体)$/, unit: /^(?:个|项|批)$/ },
  // A firm's `员工` are its own: a zone's jobs are 就业, 岗位, 从业人员.
  {
    kind: "jobs",
    label: /(?:就业|就业岗位|岗位|人才|从业人员|研发人员)$/,
    unit: /^(?:人|名|个|位|人次)$/,
  },
];

/**
 * Named economic indicators, each with the words that state it: a figure of one is never a figure of
 * another (a firm's `收入` is not a zone's `GDP`).
 */
export const NAMED_INDICATORS: readonly RegExp[] = [
  /gdp|生产总值/,
  /营收|营业收入|收入|营业额/,
  /产值/,
  /利润/,
  /税收/,
  /出口/,
  /增加值/,
];

/**
 * Words before a number that make it a goal, not a result (`力争`, `目标`, `到2025年`): a zone's
 * key figures are what happened. `计划新建项目91个` states the plan; the `开工率` beside it the result.
 */
export const GOAL = /力争|目标|争取|预计|计划|规划|培育|打造|有望|将达|将突破|到20\d\d年/;

/** Verbs that open a label and say what was done, not what is measured (`加快总投资` → `总投资`). */
export const LEADING_VERB =
  /^(?:加快|推动|推进|完成|实现|达到|新增|累计|全年|共有|拥有|设立|成立|建成|引进|落地|签约|举办)/;

/** The indicator a figure with this label and unit measures, or null when it is none of them. */
export function indicatorOf(label: string, unit: string): Indicator["kind"] | null {
  const u = unit.replace(/^[万亿千百]+/, "");
  for (const i of INDICATORS) if (i.unit.test(u) && i.label.test(label)) return i.kind;
  return null;
}
