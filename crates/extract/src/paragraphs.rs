//! The article's HTML, as Readability returns it, laid out as paragraphs of plain text.
//!
//! Every block (`p`, a heading, a list item, a quotation, a table row, …) becomes a paragraph of
//! its own, in document order; text directly inside a `div` between blocks does too. A `<br>`
//! ends a paragraph. White space runs become one space, so no paragraph is empty or holds a line
//! break. Scripts, styles, frames, forms' controls and embedded media never give text.

use dom_query::{Document, NodeRef};

/// Elements whose start and end break the text into paragraphs.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "audio", "button", "canvas", "embed", "frame", "frameset", "head", "iframe", "input", "math",
    "noembed", "noframes", "noscript", "object", "picture", "script", "select", "style", "svg",
    "template", "textarea", "title", "video",
];

/// Table cells: inline, but never glued to the next cell's text.
const CELLS: &[&str] = &["td", "th"];

/// One step of the walk: a node to read, or the end of a block.
enum Step<'a> {
    Enter(NodeRef<'a>),
    EndBlock,
}

/// Collects paragraphs while the walk goes.
#[derive(Default)]
struct Layout {
    paragraphs: Vec<String>,
    current: String,
}

impl Layout {
    /// Ends the paragraph being written, if it has any text.
    fn flush(&mut self) {
        let text = self
            .current
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !text.is_empty() {
            self.paragraphs.push(text);
        }
        self.current.clear();
    }
}

/// The paragraphs of an HTML fragment, in reading order.
pub(crate) fn paragraphs(html: &str) -> Vec<String> {
    let doc = Document::fragment(html);
    paragraphs_of(&doc.root())
}

/// The paragraphs under `root`. Iterative, so deeply nested pages cannot exhaust the stack.
pub(crate) fn paragraphs_of(root: &NodeRef) -> Vec<String> {
    let mut layout = Layout::default();
    let mut stack: Vec<Step> = root.children_it(true).map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::EndBlock => {
                layout.flush();
                continue;
            }
            Step::Enter(node) => node,
        };
        if node.is_text() {
            layout.current.push_str(&node.text());
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
        let name = name.as_str();
        if SKIPPED.contains(&name) {
            continue;
        }
        if name == "br" {
            layout.flush();
            continue;
        }
        if CELLS.contains(&name) {
            layout.current.push(' ');
        }
        if BLOCKS.contains(&name) {
            layout.flush();
            stack.push(Step::EndBlock);
        }
        stack.extend(node.children_it(true).map(Step::Enter));
    }
    layout.flush();
    layout.paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_headings_and_list_items_are_paragraphs() {
        let html = "<div><h2>Head  line</h2><p>One <b>bold</b>\n word.</p>\
            <ul><li>first</li><li>second <i>item</i></li></ul>loose text<p></p><p>  </p></div>";
        assert_eq!(
            paragraphs(html),
            [
                "Head line",
                "One bold word.",
                "first",
                "second item",
                "loose text"
            ]
        );
    }

    #[test]
    fn inline_elements_do_not_add_spaces() {
        assert_eq!(
            paragraphs("<p>Hel<span>lo</span>, <a href=x>world</a>!</p>"),
            ["Hello, world!"]
        );
    }

    #[test]
    fn line_breaks_and_table_cells() {
        assert_eq!(paragraphs("<p>one<br>two<br><br></p>"), ["one", "two"]);
        assert_eq!(
            paragraphs("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>"),
            ["a b", "c"]
        );
    }

    #[test]
    fn scripts_styles_and_frames_give_no_text() {
        let html = "<p>Kept<script>var hidden = 1;</script><style>p{}</style></p>\
            <iframe src=x>framed</iframe><noscript><p>no script</p></noscript>\
            <svg><text>drawn</text></svg><template><p>later</p></template>";
        assert_eq!(paragraphs(html), ["Kept"]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        // Deep enough for a recursive walk to overflow a test thread's stack. Built node by node:
        // html5ever's tree builder takes minutes on such a page in a debug build.
        let doc = Document::fragment("<div></div>");
        let mut parent = doc.select("div").nodes()[0];
        for _ in 0..100_000 {
            let child = doc.tree.new_element("div");
            parent.append_child(&child);
            parent = child;
        }
        parent.append_child(&doc.tree.new_text("deep"));
        assert_eq!(paragraphs_of(&doc.root()), ["deep"]);
    }
}
