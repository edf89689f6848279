/**
 * Recognising high-tech zones (高新区) in text and giving each one canonical name.
 *
 * A mention is `<place>[市][国家]<suffix>`, the suffix one of 高新区 / 高新技术产业开发区 / … .
 * The place is read backwards from the suffix, one word at a time, and must be a place name:
 * a word jieba tags `ns`, or one from the list below (cities jieba mis-tags, such as 合肥 `n` or
 * 荣昌 `nr`, and zone sub-areas such as 张江, 东湖). Reading stops at the first word that is not a
 * place, so `由`, `联合`, `对建设` never leak in, and a quantifier (`重庆各高新区`, `10家高新区`)
 * leaves no place at all: not a zone.
 */
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { escapeRegExp } from "../regexp.js";
import aliasFile from "./zone-aliases.json" with { type: "json" };

/** Other names of well-known zones (`光谷`, `中关村`), each to its canonical name: a data file, not code. */
const ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries(aliasFile as Record<string, string | string[]>)
    .filter(([zone, names]) => !zone.startsWith("_") && Array.isArray(names))
    .flatMap(([zone, names]) => (names as string[]).map((name) => [name, zone] as const)),
);

/** The aliases, longest first, as one pattern (a longer name wins over the shorter one inside it). */
const ALIAS_RE = new RegExp(
  [...ALIASES.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|"),
  "gu",
);

/** A zone's canonical name, after its aliases (`东湖高新区` → `武汉东湖高新区`). */
const aliased = (zone: string): string => ALIASES.get(zone) ?? zone;

const SUFFIX =
  /(?:国家)?(?:高新技术产业开发区|高新技术产业园区|高新技术开发区|高新技术园区|高新开发区|高新区)/gu;
const SUFFIX_AT_END = new RegExp(`${SUFFIX.source}$`, "u");
/** A zone's suffix anywhere in a text (`高新区`, `高新技术产业开发区` …), as a test. */
export const ZONE_SUFFIX = new RegExp(SUFFIX.source, "u");
/** A zone's suffix at the start of a text (`高新区举办…`): what ends a place's name as a zone. */
export const ZONE_SUFFIX_FIRST = new RegExp(`^${SUFFIX.source}`, "u");

// Provinces and autonomous regions (not the four municipalities): `湖南郴州高新区` is 郴州高新区,
// but `湖南高新区` alone keeps its province.
const PROVINCES = new Set(
  "河北 山西 内蒙古 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆".split(
    " ",
  ),
);

/** Districts and zone sub-areas that name zones (`璧山高新区`, `张江高新区`): places, but no city. */
const SUB_AREAS = `璧山 永川 荣昌 赤壁 共青城 中关村 张江 紫竹 东湖 滨江 松山湖 莫干山 滨海 净月 仲恺 慈湖 秀洲 大冶湖
  玄武 徐庄 建湖 恩施 盐南`;

// Cities hosting national high-tech zones, provincial capitals and zone sub-areas. jieba already tags
// most of them `ns`; this list covers the ones it does not, and those it splits (张江 → 张|江).
const PLACES = new Set(
  `北京 天津 上海 重庆 ${[...PROVINCES].join(" ")} 台湾 香港 澳门
  石家庄 唐山 保定 承德 燕郊 太原 长治 包头 呼和浩特 鄂尔多斯 沈阳 大连 鞍山 营口 辽阳 本溪 阜新 锦州
  长春 延吉 通化 哈尔滨 大庆 齐齐哈尔 南京 无锡 江阴 徐州 常州 武进 苏州 昆山 常熟 南通 连云港 盐城
  扬州 镇江 泰州 宿迁 淮安 杭州 萧山 宁波 温州 绍兴 衢州 湖州 嘉兴 合肥 芜湖 蚌埠 马鞍山 淮南 铜陵
  福州 厦门 泉州 漳州 莆田 三明 龙岩 南昌 景德镇 新余 鹰潭 赣州 吉安 抚州 九江 宜春 济南 青岛 淄博
  潍坊 济宁 烟台 威海 临沂 泰安 枣庄 德州 莱芜 东营 聊城 郑州 洛阳 安阳 南阳 新乡 平顶山 焦作 许昌
  武汉 襄阳 宜昌 孝感 荆门 随州 仙桃 咸宁 黄冈 荆州 黄石 潜江 长沙 株洲 湘潭 衡阳 益阳 郴州 常德
  怀化 岳阳 邵阳 永州 娄底 宁乡 广州 深圳 珠海 汕头 佛山 惠州 东莞 中山 江门 肇庆 清远 河源 湛江
  茂名 南宁 柳州 桂林 北海 海口 三亚 成都 自贡 绵阳 乐山 泸州 攀枝花 德阳 内江 宜宾 贵阳 安顺 遵义
  昆明 玉溪 楚雄 西安 宝鸡 杨凌 渭南 榆林 咸阳 安康 汉中 兰州 白银 银川 石嘴山 西宁 拉萨 乌鲁木齐
  昌吉 石河子 克拉玛依 ${SUB_AREAS}`.split(/\s+/u),
);

// Of {@link PLACES}, those a bare `高新区` is never named after: municipalities whose zones have names of their
// own, and districts, county-level cities and zone sub-areas (in a list of districts, `璧山、永川、…、高新区` is
// Chongqing's zone).
const NOT_CITIES = new Set(`北京 天津 上海 武进 萧山 江阴 昆山 常熟 燕郊 杨凌 ${SUB_AREAS}`.split(/\s+/u));

// Words jieba may tag `ns` that name no particular zone (`中国高新区`, `全国高新区`, `东部高新区`).
const NOT_PLACES = new Set(
  "中国 全国 我国 国家 全省 全市 本市 本省 各地 国内 海外 省内 市内 境内 区内 东部 西部 中部 南部 北部 东北 西北 西南 东南 华北 华东 华南 华中 沿海 内陆 当地 本地 全区 其他 各级".split(
    " ",
  ),
);

let jieba: Jieba | undefined;
/** One shared segmenter: loading the dictionary takes a few hundred milliseconds. */
export function getJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

// Longest place name in PLACES is 4 characters; administrative suffixes may follow.
const MAX_PLACE = 4;
const ADMIN_SUFFIX = /[市省]$/u;

/** The place word that ends `before`, or null. `first` is true for the word right before the suffix. */
function lastPlace(before: string, first: boolean): string | null {
  let fromList: string | null = null;
  for (let k = Math.min(MAX_PLACE + 1, before.length); k >= 2; k--) {
    const w = before.slice(-k);
    const bare = w.replace(ADMIN_SUFFIX, "");
    if (PLACES.has(w) || (bare !== w && PLACES.has(bare))) {
      fromList = w;
      break;
    }
  }
  const tagged = getJieba().tag(before, false);
  const last = tagged.at(-1);
  let fromTagger: string | null = null;
  if (last && [...last.word].length >= 2 && !NOT_PLACES.has(last.word.replace(ADMIN_SUFFIX, ""))) {
    // A person-name tag right before the suffix is usually a county jieba does not know (荣昌 → nr);
    // further back it would be a person, so only `ns` is accepted there.
    if (last.tag === "ns" || (first && /^nr/.test(last.tag) && [...last.word].length <= 3)) {
      fromTagger = last.word;
    }
  }
  if (fromList && NOT_PLACES.has(fromList)) fromList = null;
  if (fromList === null) return fromTagger;
  if (fromTagger === null) return fromList;
  return fromTagger.length > fromList.length ? fromTagger : fromList;
}

/** Whether a text ends with a place name (`淮南`, `湖北省`): a city asked how it did something is an actor. */
export function endsWithPlace(text: string): boolean {
  return text.length >= 2 && lastPlace(text, false) !== null;
}

/** Canonical zone name from the text right before a suffix, or null when no place precedes it. */
function zoneFromPrefix(before: string): { name: string; used: number } | null {
  const parts: string[] = [];
  let rest = before;
  let used = 0;
  while (parts.length < 3 && rest.length >= 2) {
    const place = lastPlace(rest, parts.length === 0);
    if (place === null) break;
    parts.unshift(place);
    rest = rest.slice(0, -place.length);
    used += place.length;
  }
  if (parts.length === 0) return null;
  const names = parts.map((p) => {
    const bare = p.replace(ADMIN_SUFFIX, "");
    return bare.length >= 2 ? bare : p;
  });
  // `湖南郴州` → 郴州: a province in front of a city adds nothing to the zone's identity.
  while (names.length > 1 && PROVINCES.has(names[0] ?? "")) names.shift();
  return { name: `${names.join("")}高新区`, used };
}

// Only Han characters can be part of a place name; digits, Latin and punctuation end the look-back.
const HAN_TAIL = /\p{Script=Han}{1,12}$/u;

/**
 * Canonical name of one zone mention (`重庆市高新技术产业开发区` → `重庆高新区`), or null when
 * `raw` as a whole is not a zone: a bare `高新区`, an office (`郴州综保局`), a quantified phrase
 * (`重庆各高新区`, `10家高新区`), or a place followed by unrelated words.
 */
export function canonicalZone(raw: string): string | null {
  const s = raw.trim();
  const m = SUFFIX_AT_END.exec(s);
  if (!m) return null;
  const before = s.slice(0, m.index);
  if (!/^\p{Script=Han}+$/u.test(before)) return null;
  const whole = ALIASES.get(s);
  if (whole !== undefined) return whole;
  const z = zoneFromPrefix(before);
  return z && z.used === before.length ? aliased(z.name) : null;
}

/** The other names of `zone` (`光谷`, `东湖高新区` for `武汉东湖高新区`), longest first. */
export function zoneAliases(zone: string): string[] {
  return [...ALIASES]
    .filter(([, z]) => z === zone)
    .map(([alias]) => alias)
    .sort((a, b) => b.length - a.length);
}

/** Every zone mention in `text` with its position and length, in order of appearance (repeats included). */
export function zoneMentions(text: string): { zone: string; index: number; length: number }[] {
  const out: { zone: string; index: number; length: number }[] = [];
  for (const m of text.matchAll(SUFFIX)) {
    const start = m.index ?? 0;
    const tail = HAN_TAIL.exec(text.slice(Math.max(0, start - 12), start));
    if (!tail) continue;
    const z = zoneFromPrefix(tail[0]);
    if (z) out.push({ zone: aliased(z.name), index: start - z.used, length: z.used + m[0].length });
  }
  // Aliases (`光谷`, `中关村科技园区`) where no suffix mention already covers them.
  for (const m of text.matchAll(ALIAS_RE)) {
    const index = m.index ?? 0;
    const zone = ALIASES.get(m[0]);
    if (zone === undefined) continue;
    if (out.some((o) => o.zone === zone && Math.abs(o.index - index) <= m[0].length)) continue;
    out.push({ zone, index, length: m[0].length });
  }
  out.sort((a, b) => a.index - b.index);
  return out;
}

/**
 * Canonical names of the zones `text` names, in order of first appearance, each once.
 * Works on whole articles and on short questions alike (`珠海高新区企业复工率是多少`).
 * Expects Simplified Chinese and cleaned text: convert and `cleanText` first (`济宁高\n新区` is
 * found only once its lines are joined).
 */
export function findZones(text: string): string[] {
  return [...new Set(zoneMentions(text).map((m) => m.zone))];
}

/** `text` with every zone mention (any spelling, aliases too) taken out: what a question asks besides its zones. */
export function withoutZones(text: string): string {
  let out = "";
  let at = 0;
  for (const m of zoneMentions(text)) {
    if (m.index < at) continue;
    out += text.slice(at, m.index);
    at = m.index + m.length;
  }
  return out + text.slice(at);
}

/** How often each zone is mentioned in `text`, most frequent first (ties: first appearance). */
export function zoneCounts(text: string): { zone: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const m of zoneMentions(text)) counts.set(m.zone, (counts.get(m.zone) ?? 0) + 1);
  return [...counts].map(([zone, count]) => ({ zone, count })).sort((a, b) => b.count - a.count);
}

/**
 * The zone a text means by a bare `高新区` (`高新区转移9人`, `家住…郴州片区、高新区增湖小区`) when it names no zone
 * in full: that of the listed city it names most in the sentence before the mention (`鞍山市…海城市…高新区` →
 * 鞍山), else the one the whole text names at least twice (`大庆市公安局…在高新区某小区`), or null. Only cities
 * of {@link PLACES}, not provinces nor those of {@link NOT_CITIES}, and only a bare
 * mention: one after a word's end (`、高新区`, `公安局高新区`), not after a name jieba does not know
 * (`相城高新区`, `新站高新区` are zones of their own). `高新区（新市区）` is Urumqi's.
 */
export function bareZone(text: string): string | null {
  if (URUMQI.test(text)) return aliased("乌鲁木齐高新区");
  // The city the whole text names twice, read once; and only the first mentions (a long text may hold many).
  let whole: { city: string | null } | undefined;
  let read = 0;
  for (const m of text.matchAll(SUFFIX)) {
    if (++read > BARE_MENTIONS_READ) break;
    const start = m.index ?? 0;
    if (!BARE_BEFORE.test(text.slice(Math.max(0, start - 1), start))) continue;
    const tail = HAN_TAIL.exec(text.slice(Math.max(0, start - 12), start));
    if (tail && zoneFromPrefix(tail[0]) !== null) continue;
    const sentenceStart = Math.max(0, ...[..."。！？\n"].map((c) => text.lastIndexOf(c, start) + 1));
    whole ??= { city: mostNamedCity(text, 2) };
    const city = mostNamedCity(text.slice(sentenceStart, start), 1) ?? whole.city;
    if (city !== null) return aliased(`${city}高新区`);
  }
  return null;
}
/** How many zone suffixes of a text {@link bareZone} reads: an article's zone is said early. */
const BARE_MENTIONS_READ = 20;
/** What may stand right before a bare `高新区`: nothing, a mark, or the end of an office's or a place's word. */
const BARE_BEFORE = /^(?:$|[^\p{Script=Han}]|[局市区县在到于至和及与的、，。（(])$/u;
/** Urumqi's zone shares its administration with the 新市区 district and is named with it. */
const URUMQI = /高新区\s*[（([［【]\s*新市区/u;

/** The city of {@link CITIES} a text names most often, at least `min` times (ties: the last named), or null. */
function mostNamedCity(text: string, min: number): string | null {
  let best: string | null = null;
  let bestCount = 0;
  let bestAt = -1;
  for (const city of CITIES) {
    const at = text.lastIndexOf(city);
    if (at < 0) continue;
    let count = 0;
    for (let i = text.indexOf(city); i >= 0; i = text.indexOf(city, i + city.length)) count++;
    if (count >= min && (count > bestCount || (count === bestCount && at > bestAt))) {
      best = city;
      bestCount = count;
      bestAt = at;
    }
  }
  return best;
}
const CITIES = [...PLACES].filter((p) => !PROVINCES.has(p) && !NOT_CITIES.has(p) && p.length >= 2);
