import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { bareZone, canonicalZone, findZones, zoneCounts } from "../../src/corpus/zones.js";

describe("canonicalZone", () => {
  it.each([
    ["重庆市高新技术产业开发区", "重庆高新区"],
    ["重庆市高新区", "重庆高新区"],
    ["重庆高新区", "重庆高新区"],
    ["济宁国家高新区", "济宁高新区"],
    ["郑州高新技术开发区", "郑州高新区"],
    ["武汉东湖高新区", "武汉东湖高新区"],
    ["湖南郴州高新区", "郴州高新区"],
    ["荣昌高新区", "荣昌高新区"],
    ["合肥高新区", "合肥高新区"],
  ])("names %s as %s", (raw, name) => {
    expect(canonicalZone(raw)).toBe(name);
  });

  it.each([
    "高新区",
    "郴州综保局",
    "重庆各高新区",
    "10家高新区",
    "全国高新区",
    "由重庆高新区",
    "苏州工业园区",
    "高新技术企业",
  ])("does not take %s for a zone", (raw) => {
    expect(canonicalZone(raw)).toBeNull();
  });
});

describe("findZones", () => {
  it("keeps words before the place out of the zone name", () => {
    expect(
      findZones("该联盟由重庆高新区牵头，联合璧山高新区、永川高新区、荣昌高新区等10家高新区发起成立"),
    ).toEqual(["重庆高新区", "璧山高新区", "永川高新区", "荣昌高新区"]);
    expect(findZones("对建设济宁高新区国家生物医药产业基地")).toEqual(["济宁高新区"]);
    expect(findZones("为推动项目尽快落地，济宁高新区将")).toEqual(["济宁高新区"]);
    expect(findZones("第一条生产线在郴州高新区正式投产")).toEqual(["郴州高新区"]);
  });

  it("finds nothing in quantified or generic mentions", () => {
    expect(
      findZones("推动重庆各高新区转型升级，推进重庆市各级高新区在产业、政策方面的协同，进入重庆各个高新区"),
    ).toEqual([]);
    expect(findZones("在郴州高新区管委会和郴州综保局的指导下")).toEqual(["郴州高新区"]);
  });

  it("lists zones once, in order of first appearance", () => {
    expect(findZones("西安高新区与珠海高新区合作，西安高新区牵头")).toEqual(["西安高新区", "珠海高新区"]);
  });

  it.each([
    ["深圳高新区2020年的GDP是多少", ["深圳高新区"]],
    ["杭州高新区有多少家上市公司", ["杭州高新区"]],
    ["珠海高新区企业复工率是多少", ["珠海高新区"]],
    ["武汉东湖高新区光谷科创大走廊", ["武汉东湖高新区"]],
    ["成都高新区和兰州高新区哪个大", ["成都高新区", "兰州高新区"]],
  ])("works on the short question %s", (q, zones) => {
    expect(findZones(q)).toEqual(zones);
  });
});

describe("Traditional Chinese questions", () => {
  it("are found once the caller converts them to Simplified", () => {
    const toSimplified = OpenCC.Converter({ from: "tw", to: "cn" });
    expect(findZones(toSimplified("珠海高新區企業復工率是多少"))).toEqual(["珠海高新区"]);
    expect(findZones(toSimplified("重慶市高新技術產業開發區協同創新"))).toEqual(["重庆高新区"]);
  });
});

describe("zoneCounts", () => {
  it("orders zones by how often they are mentioned", () => {
    expect(zoneCounts("璧山高新区。重庆高新区，重庆高新区。")).toEqual([
      { zone: "重庆高新区", count: 2 },
      { zone: "璧山高新区", count: 1 },
    ]);
  });
});

describe("zone aliases (src/corpus/zone-aliases.json)", () => {
  it("gives a well-known zone's other names its canonical name", () => {
    expect(findZones("光谷今年新增企业多少家")).toEqual(["武汉东湖高新区"]);
    expect(findZones("东湖高新区有多少家高新技术企业")).toEqual(["武汉东湖高新区"]);
    expect(findZones("武汉东湖新技术开发区（东湖高新区）发布新政")).toEqual(["武汉东湖高新区"]);
    expect(findZones("中关村科技园区去年融资多少")).toEqual(["中关村高新区"]);
    expect(canonicalZone("东湖高新区")).toBe("武汉东湖高新区");
  });

  it("finds national zones whose names hold a word that is no place, and districts jieba does not tag", () => {
    expect(findZones("包头稀土高新区和泰州医药高新区签约")).toEqual(["包头稀土高新区", "泰州医药高新区"]);
    expect(findZones("稀土高新区今年引进项目多少个")).toEqual(["包头稀土高新区"]);
    expect(findZones("厦门火炬高新区、中山火炬高新区")).toEqual(["厦门火炬高新区", "中山火炬高新区"]);
    expect(findZones("净月高新区发布新政")).toEqual(["长春净月高新区"]);
    expect(findZones("赤壁高新区企业复工")).toEqual(["赤壁高新区"]);
    expect(findZones("大会在南京玄武徐庄高新区举办")).toEqual(["南京玄武徐庄高新区"]);
    expect(findZones("项目一期在建湖高新区正式投产")).toEqual(["建湖高新区"]);
    expect(findZones("恩施高新区税务局组织干部")).toEqual(["恩施高新区"]);
    expect(findZones("户籍地在盐南高新区的老人")).toEqual(["盐南高新区"]);
    // `火炬高新区` alone names three zones, `生物医药高新区` none.
    expect(findZones("火炬高新区、生物医药高新区")).toEqual([]);
  });

  it("keeps the order of appearance with suffix mentions and aliases mixed", () => {
    expect(findZones("珠海高新区与光谷、中关村签约")).toEqual([
      "珠海高新区",
      "武汉东湖高新区",
      "中关村高新区",
    ]);
  });
});

describe("bareZone", () => {
  it("names a bare 高新区 after the city its sentence names most, else the city the text names twice", () => {
    expect(
      bareZone("截至8月13日6时，鞍山市各县（市）区共转移17859人，其中海城市转移2110人，高新区转移9人。"),
    ).toBe("鞍山高新区");
    expect(bareZone("大庆市公安局破获两起案件。民警随即在高新区某小区内将大庆的嫌疑人抓获。")).toBe(
      "大庆高新区",
    );
    expect(bareZone("家住自贸区郴州片区、高新区增湖小区的黄先生说")).toBe("郴州高新区");
    // A list of a city's districts: the zone is the city's, not the district's before it.
    expect(bareZone("据重庆市水文监测总站监测，璧山、永川、北碚、高新区出现暴雨。")).toBe("重庆高新区");
    // Urumqi's zone is named with its district.
    expect(bareZone("高新区（新市区）妇联开展活动")).toBe("乌鲁木齐高新区");
  });

  it("names none when the mention is a zone of its own, or no listed city is named enough", () => {
    // `相城高新区`, `新站高新区` are zones of their own, not 苏州's or 合肥's.
    expect(bareZone("近日，苏州相城高新区开展活动")).toBeNull();
    expect(bareZone("合肥市新站高新区举办招聘会")).toBeNull();
    // One mention of a city elsewhere in the text names nothing (`销往广东、常州等地`).
    expect(bareZone("记者来到位于高新区谢河村的合作社。精品果实会销往广东、常州等地。")).toBeNull();
    expect(bareZone("海城市转移2110人，高新区转移9人")).toBeNull();
  });
});
