/**
 * E-paper pages made for the tests: PDFs with a real text layer, set in a CJK font from npm
 * (Noto Sans Hans, from @embedpdf/fonts-sc) with pdfkit, in one or two columns, plus a page with no
 * text layer (a scan). The articles are invented for these tests.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);
const FONT = join(dirname(require.resolve("@embedpdf/fonts-sc")), "../fonts/NotoSansHans-Regular.otf");

/** The page header every page prints: the paper, the date, the page. */
const PAPER_HEADER = "高新区导报　2024年7月16日　星期二　第3版　园区经济";
export const PAPER_DATE = "2024-07-16";

export const PAPER_ARTICLES = [
  {
    title: "南京高新区软件产业收入增长15.2%",
    body: [
      "本报讯 今年1-6月，南京高新区软件和信息服务业实现业务收入1286亿元，同比增长15.2%，增速居全省高新区首位。",
      "园区新增软件企业326家，软件从业人员突破18万人，其中研发人员占比超过六成。",
      "南京高新区有关负责人介绍，下一步将围绕工业软件、信息安全等方向，培育一批具有核心竞争力的龙头企业。",
    ],
  },
  {
    title: "青岛高新区上半年新签约项目42个",
    body: [
      "本报讯 上半年，青岛高新区新签约重点项目42个，总投资386亿元，其中过亿元项目28个。",
      "园区规模以上工业增加值同比增长9.7%，高于全市平均水平3.1个百分点，新动能持续集聚。",
      "青岛高新区还将举办系列招商推介活动，力争全年新签约项目超过80个。",
    ],
  },
] as const;

/** A PDF's bytes once pdfkit has written them all. */
function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  return new Promise((resolve) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

/** A photo caption set under the first article in small type, wrapped over two lines, its credit after it. */
export const PAPER_CAPTION = {
  text: "图为南京高新区软件园内，研发人员正在调试一款国产工业设计软件。",
  credit: "南京高新区",
} as const;

/**
 * A newspaper page of {@link PAPER_ARTICLES}: header in small type, each headline across the page,
 * each body below its headline in `columns` columns (text flowing down the first, then the second);
 * with `caption`, {@link PAPER_CAPTION} under the first article's body.
 */
export function paperPdf(columns: 1 | 2, caption = false): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 40 });
  doc.registerFont("sc", FONT);
  doc.font("sc");
  doc.fontSize(8).text(PAPER_HEADER, 40, 30, { width: 515 });
  let y = 60;
  for (const a of PAPER_ARTICLES) {
    doc.fontSize(20).text(a.title, 40, y, { width: 515 });
    y += 34;
    doc.fontSize(10);
    const text = a.body.map((p) => `　　${p}`).join("\n");
    if (columns === 1) {
      doc.text(text, 40, y, { width: 515, lineGap: 3 });
      y = doc.y + 30;
    } else {
      // Half the height the text needs in one column of this width, plus a line: two balanced columns.
      const width = 250;
      const height = Math.ceil(doc.heightOfString(text, { width, lineGap: 3 }) / 2) + 13;
      doc.text(text, 40, y, { width: 515, columns: 2, columnGap: 15, height, lineGap: 3 });
      y += height + 30;
    }
    if (caption && a === PAPER_ARTICLES[0]) {
      doc
        .fontSize(8)
        .text(`${PAPER_CAPTION.text}图片来源：${PAPER_CAPTION.credit}`, 40, y - 20, { width: 160 });
      y = doc.y + 24;
    }
  }
  return finish(doc);
}

/** A page with no text layer: only drawn shapes, as a scanned image would be. */
export function scannedPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 40 });
  doc.rect(40, 40, 515, 300).fill("#888888");
  return finish(doc);
}

/**
 * A PDF as iText and other older Chinese tools write one: the text in STSong-Light, a font the PDF
 * does not embed, through the predefined CMap UniGB-UCS2-H (no ToUnicode map). Built by hand: one
 * line of `text` at 12 pt.
 */
export function unembeddedFontPdf(text: string): Buffer {
  const hex = Buffer.from(text, "utf16le").swap16().toString("hex").toUpperCase();
  const content = `BT /F1 12 Tf 50 700 Td <${hex}> Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
