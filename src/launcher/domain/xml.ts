/** A tiny XML element tree and its serialiser: enough for libvirt domain documents. */
export interface XmlElement {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string | number | undefined>>;
  readonly children: ReadonlyArray<XmlElement | string>;
}

type Child = XmlElement | string | number | undefined | false;

/** Builds an element; undefined/false children and undefined attributes are dropped. */
export function el(tag: string, attrs: XmlElement["attrs"] = {}, ...children: Child[]): XmlElement {
  const kept = children.filter((c): c is XmlElement | string | number => c !== undefined && c !== false);
  return { tag, attrs, children: kept.map((c) => (typeof c === "number" ? String(c) : c)) };
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function renderAttrs(attrs: XmlElement["attrs"]): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escape(String(v))}"`)
    .join("");
}

/** Serialises with two-space indentation; elements holding only text stay on one line. */
export function renderXml(node: XmlElement, depth = 0): string {
  const pad = "  ".repeat(depth);
  const open = `${pad}<${node.tag}${renderAttrs(node.attrs)}`;
  if (node.children.length === 0) return `${open}/>`;
  if (node.children.every((c) => typeof c === "string")) {
    return `${open}>${escape(node.children.join(""))}</${node.tag}>`;
  }
  const inner = node.children.map((c) => (typeof c === "string" ? pad + "  " + escape(c) : renderXml(c, depth + 1)));
  return `${open}>\n${inner.join("\n")}\n${pad}</${node.tag}>`;
}
