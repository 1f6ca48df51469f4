// Renders a DOM subtree as readable plain text, roughly as a browser would lay it out:
// paragraphs and headings separated by blank lines, list items and table rows on their own
// lines, whitespace inside a paragraph collapsed, <pre> kept as written. `textContent`
// alone would glue paragraphs together ("…end.Next paragraph").

/** The slice of the DOM Node interface this walker needs (linkedom provides it). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
}

const SKIP = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "TITLE", "META", "LINK", "SVG", "CANVAS",
  "IFRAME", "OBJECT", "EMBED", "BUTTON", "SELECT", "INPUT", "TEXTAREA",
]);
/** Blocks separated from their neighbours by a blank line. */
const PARAGRAPH = new Set([
  "P", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "PRE", "TABLE", "UL", "OL", "DL", "FIGURE",
  "HR", "ADDRESS", "DETAILS", "FIELDSET",
]);
/** Blocks that start a new line but need no blank line. */
const LINE = new Set([
  "DIV", "SECTION", "ARTICLE", "MAIN", "HEADER", "FOOTER", "NAV", "ASIDE", "LI", "DT", "DD", "TR",
  "FIGCAPTION", "CAPTION", "SUMMARY", "FORM", "CENTER", "BODY", "HTML",
]);
const CELL = new Set(["TD", "TH"]);

class TextBuilder {
  private out: string[] = [];
  /** 0: nothing pending; 1: a line break; 2: a blank line; before the next text. */
  private pendingBreak = 0;
  private pendingSpace = false;
  private atLineStart = true;
  private empty = true;

  breakLine(level: 1 | 2): void {
    if (!this.empty) this.pendingBreak = Math.max(this.pendingBreak, level);
    this.pendingSpace = false;
  }

  separator(sep: string): void {
    if (!this.atLineStart && this.pendingBreak === 0) this.write(sep);
  }

  /** Inline text: runs of whitespace become one space, none at the start of a line. */
  inline(raw: string): void {
    // One pass over the whole text node: pushing word by word made long pages slow.
    let text = raw.replace(/[ \t\n\r\f]+/g, " ");
    if (text === " " || text === "") {
      if (text) this.pendingSpace = true;
      return;
    }
    if (text.startsWith(" ")) {
      this.pendingSpace = true;
      text = text.slice(1);
    }
    const trailing = text.endsWith(" ");
    if (trailing) text = text.slice(0, -1);
    if (this.pendingSpace && !this.atLineStart && this.pendingBreak === 0) this.write(" ");
    this.pendingSpace = false;
    this.write(text.replace(/\u00a0/g, " "));
    if (trailing) this.pendingSpace = true;
  }

  /** Preformatted text, kept as written. */
  verbatim(raw: string): void {
    if (raw) this.write(raw.replace(/\r\n?/g, "\n"));
  }

  hardBreak(): void {
    this.flushBreak();
    this.out.push("\n");
    this.atLineStart = true;
    this.pendingSpace = false;
  }

  private flushBreak(): void {
    if (this.pendingBreak && !this.empty) {
      this.out.push(this.pendingBreak === 2 ? "\n\n" : "\n");
      this.atLineStart = true;
    }
    this.pendingBreak = 0;
  }

  private write(s: string): void {
    this.flushBreak();
    this.out.push(s);
    this.empty = false;
    this.atLineStart = s.endsWith("\n");
  }

  toString(): string {
    return this.out
      .join("")
      .replace(/[ \t]+\n/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  }
}

function walk(node: DomNode, b: TextBuilder, inPre: boolean): void {
  if (node.nodeType === 3) {
    const v = node.nodeValue ?? "";
    if (inPre) b.verbatim(v);
    else b.inline(v);
    return;
  }
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
  const name = node.nodeName.toUpperCase();
  if (SKIP.has(name)) return;
  if (name === "BR") {
    b.hardBreak();
    return;
  }
  const level = PARAGRAPH.has(name) ? 2 : LINE.has(name) ? 1 : 0;
  if (level) b.breakLine(level as 1 | 2);
  if (CELL.has(name)) b.separator("\t");
  const pre = inPre || name === "PRE";
  const kids = node.childNodes;
  for (let i = 0; i < kids.length; i++) walk(kids[i], b, pre);
  if (level) b.breakLine(level as 1 | 2);
}

export function domToText(root: DomNode): string {
  const b = new TextBuilder();
  walk(root, b, false);
  return b.toString();
}
