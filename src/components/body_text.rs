//! The article's text with its marks, rendered once per article, in parts.
//!
//! Selection, the legend and the chosen event never re-render this: the text is drawn in its
//! resting state (nothing selected, every type shown) and `article_body` changes the state of the
//! few elements concerned in the DOM. That keeps a long article's text (tens of thousands of
//! elements) out of every re-render. Every sentence an event comes from is wrapped in a
//! `span.sentence`, so choosing an event marks one element instead of re-cutting a paragraph.
//!
//! The text is cut into parts of whole paragraphs, about [`PART_CHARS`] characters each, so that
//! `article_body` can show the first part at once and add the others one task at a time.

use std::fmt::Write;

use dateline_format::article::{Article, Entity, Span};
use yew::prelude::*;

use crate::data::Shared;
use crate::dates::display_date;
use crate::markup::{escape, push_escaped};

/// What a stretch of the text is: the mention of an entity or a time expression (by index).
#[derive(Clone, Copy)]
enum Mark {
    Mention(usize),
    Timex(usize),
}

/// About how many characters of text a part holds (a part is at least one whole paragraph).
pub const PART_CHARS: usize = 10_000;

/// The body's characters, its marks and its event sentences, computed once per article.
pub struct Layout {
    /// Per entity (by index): what its mentions show.
    looks: Vec<MentionLook>,
    chars: Vec<char>,
    /// Disjoint, by start. A time expression that overlaps a name is left out: names come first.
    marks: Vec<(Span, Mark)>,
    paragraphs: Vec<Span>,
    /// The stretches wrapped as sentences: each event's sentence, widened so that it never cuts
    /// a mark in two, overlapping ones merged. Disjoint, by start.
    sentences: Vec<Span>,
    /// The parts: ranges of paragraph indices, in order.
    parts: Vec<std::ops::Range<usize>>,
}

impl Layout {
    /// Lays out `article`.
    pub fn new(article: &Article) -> Layout {
        let mut marks: Vec<(Span, Mark)> = article
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, Mark::Mention(i))))
            .collect();
        marks.sort_by_key(|m| m.0);
        let timexes = article.timexes.iter().enumerate().filter(|(_, t)| {
            let i = marks.partition_point(|m| m.0.end <= t.span.start);
            marks.get(i).is_none_or(|m| m.0.start >= t.span.end)
        });
        let timexes: Vec<_> = timexes.map(|(i, t)| (t.span, Mark::Timex(i))).collect();
        marks.extend(timexes);
        marks.sort_by_key(|m| m.0);
        let paragraphs = article.paragraph_spans();
        let mut layout = Layout {
            looks: article.entities.iter().map(MentionLook::of).collect(),
            chars: article.body_text().chars().collect(),
            marks,
            parts: parts(&paragraphs),
            paragraphs,
            sentences: Vec::new(),
        };
        layout.sentences = layout.event_sentences(article);
        layout
    }

    /// How many parts the text has (at least one).
    pub fn part_count(&self) -> usize {
        self.parts.len().max(1)
    }

    /// The part that holds the character at `at`.
    pub fn part_holding(&self, at: usize) -> usize {
        let paragraph = self.paragraphs.partition_point(|p| p.end < at);
        self.parts
            .partition_point(|part| part.end <= paragraph)
            .min(self.part_count() - 1)
    }

    fn event_sentences(&self, article: &Article) -> Vec<Span> {
        let mut widened: Vec<Span> = article
            .events
            .iter()
            .map(|e| {
                Span::new(
                    self.mark_start(e.sentence.start),
                    self.mark_end(e.sentence.end),
                )
            })
            .collect();
        widened.sort();
        let mut sentences: Vec<Span> = Vec::with_capacity(widened.len());
        for span in widened {
            match sentences.last_mut() {
                Some(last) if span.start < last.end => last.end = last.end.max(span.end),
                _ => sentences.push(span),
            }
        }
        sentences
    }

    /// `at`, moved back to the start of the mark it falls inside, if any.
    fn mark_start(&self, at: usize) -> usize {
        let i = self.marks.partition_point(|m| m.0.end <= at);
        match self.marks.get(i) {
            Some(&(span, _)) if span.start < at => span.start,
            _ => at,
        }
    }

    /// `at`, moved on to the end of the mark it falls inside, if any.
    fn mark_end(&self, at: usize) -> usize {
        let i = self.marks.partition_point(|m| m.0.end < at);
        match self.marks.get(i) {
            Some(&(span, _)) if span.start < at && at < span.end => span.end,
            _ => at,
        }
    }

    /// The wrapped stretch that holds `sentence` (its `data-sentence` is the stretch's start).
    pub fn sentence_holding(&self, sentence: Span) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end <= sentence.start);
        self.sentences
            .get(i)
            .copied()
            .filter(|s| s.start <= sentence.start)
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.chars
            .get(from..to)
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }
}

/// Cuts the paragraphs into parts of about [`PART_CHARS`] characters.
fn parts(paragraphs: &[Span]) -> Vec<std::ops::Range<usize>> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut chars = 0;
    for (i, paragraph) in paragraphs.iter().enumerate() {
        chars += paragraph.len();
        if chars >= PART_CHARS || i + 1 == paragraphs.len() {
            parts.push(start..i + 1);
            start = i + 1;
            chars = 0;
        }
    }
    parts
}

/// Props of [`TextPart`].
#[derive(Properties, PartialEq)]
pub struct TextPartProps {
    /// The article whose text is shown.
    pub article: Shared<Article>,
    /// Its layout (made once per article by the parent, which also needs it).
    pub layout: Shared<Layout>,
    /// Which part of the text this is.
    pub index: usize,
    /// Told the part's element once it is in the page, to bring it to the current state.
    pub on_mount: Callback<web_sys::Element>,
}

/// What every mention of one entity shows, escaped for an attribute: its id and tooltip.
pub(crate) struct MentionLook {
    pub id: String,
    pub tip: String,
    pub type_code: &'static str,
    pub class: &'static str,
}

impl MentionLook {
    /// Writes a mention of this entity in its resting state (a button, not pressed): its id in
    /// the attribute `id_attribute` (`data-entity-id`; the headline's names `data-name-id`),
    /// `text` already escaped, and with `labelled` an `aria-label` that adds the tooltip.
    pub(crate) fn write_mark(
        &self,
        out: &mut String,
        id_attribute: &str,
        text: &str,
        labelled: bool,
    ) {
        let _ = write!(
            out,
            "<mark class=\"{}\" {id_attribute}=\"{}\" data-entity-type=\"{}\" data-tip=\"{}\" \
             tabindex=\"-1\" role=\"button\" aria-pressed=\"false\"",
            self.class, self.id, self.type_code, self.tip,
        );
        if labelled {
            let _ = write!(out, " aria-label=\"{text}: {}\"", self.tip);
        }
        let _ = write!(out, ">{text}</mark>");
    }

    pub(crate) fn of(entity: &Entity) -> MentionLook {
        let count = entity.mentions.len();
        let mentions = if count == 1 {
            "1 mention".to_string()
        } else {
            format!("{count} mentions")
        };
        MentionLook {
            id: escape(&entity.id),
            tip: escape(&format!(
                "{} · {} · {mentions}",
                entity.name,
                entity.entity_type.label()
            )),
            type_code: entity.entity_type.code(),
            class: match entity.entity_type.code() {
                "PER" => "mention per",
                "ORG" => "mention org",
                "LOC" => "mention loc",
                _ => "mention misc",
            },
        }
    }
}

/// Writes the text as HTML, paragraph by paragraph, in its resting state.
///
/// The text is one string of HTML per part rather than a tree of virtual nodes: a part of a long
/// article holds thousands of elements, and the browser's own parser builds them far faster than
/// element-by-element calls from WebAssembly; hydrating a prerendered part adopts its elements
/// as they are instead of visiting each one. Nothing in it has a Yew listener: `article_body`
/// listens on the whole body and finds the mention from the event's target.
struct Writer<'a> {
    article: &'a Article,
    layout: &'a Layout,
    out: String,
}

impl Writer<'_> {
    fn paragraph(&mut self, paragraph: Span) {
        let layout = self.layout;
        self.out.push_str("<p>");
        let mut at = paragraph.start;
        let first = layout
            .sentences
            .partition_point(|s| s.start < paragraph.start);
        for &sentence in layout.sentences[first..]
            .iter()
            .take_while(|s| s.end <= paragraph.end)
        {
            self.range(at, sentence.start);
            let _ = write!(
                self.out,
                "<span class=\"sentence\" data-sentence=\"{}\">",
                sentence.start
            );
            self.range(sentence.start, sentence.end);
            self.out.push_str("</span>");
            at = sentence.end;
        }
        self.range(at, paragraph.end);
        self.out.push_str("</p>");
    }

    /// Writes the text from `from` to `to` with its marks.
    fn range(&mut self, from: usize, to: usize) {
        let layout = self.layout;
        let mut at = from;
        let first = layout.marks.partition_point(|m| m.0.start < from);
        for &(span, mark) in layout.marks[first..].iter().take_while(|m| m.0.end <= to) {
            if span.start < at {
                continue;
            }
            self.text(at, span.start);
            self.mark(span, mark);
            at = span.end;
        }
        self.text(at, to);
    }

    fn text(&mut self, from: usize, to: usize) {
        if from < to {
            push_escaped(&mut self.out, &self.layout.text(from, to));
        }
    }

    fn mark(&mut self, span: Span, mark: Mark) {
        let text = escape(&self.layout.text(span.start, span.end));
        match mark {
            Mark::Mention(i) => {
                self.layout.looks[i].write_mark(&mut self.out, "data-entity-id", &text, true);
            }
            Mark::Timex(i) => {
                let timex = &self.article.timexes[i];
                self.out.push_str("<time class=\"timex\"");
                if timex.granularity.is_some() {
                    self.out.push_str(" datetime=\"");
                    push_escaped(&mut self.out, &timex.value);
                    self.out.push('"');
                }
                self.out.push_str(" title=\"Time expression: ");
                push_escaped(&mut self.out, &display_date(&timex.value));
                let _ = write!(self.out, "\">{text}</time>");
            }
        }
    }
}

/// The HTML of part `index` of the text: its paragraphs with their sentences and marks.
pub fn part_html(article: &Article, layout: &Layout, index: usize) -> String {
    let paragraphs = layout
        .parts
        .get(index)
        .map(|part| &layout.paragraphs[part.clone()])
        .unwrap_or_default();
    let mut writer = Writer {
        article,
        layout,
        out: String::with_capacity(paragraphs.iter().map(|p| p.len() * 3).sum()),
    };
    for &paragraph in paragraphs {
        writer.paragraph(paragraph);
    }
    writer.out
}

/// One part of the body text; re-rendered only when the article itself changes.
#[function_component(TextPart)]
pub fn text_part(props: &TextPartProps) -> Html {
    let element = use_node_ref();
    {
        let element = element.clone();
        let on_mount = props.on_mount.clone();
        use_effect_with((), move |_| {
            if let Some(element) = element.cast::<web_sys::Element>() {
                on_mount.emit(element);
            }
        });
    }
    let html = part_html(&props.article, &props.layout, props.index);
    html! {
        <div class="text-part" ref={element}>{ Html::from_html_unchecked(html.into()) }</div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_format::article::{EntityType, Event};

    fn article(paragraph: &str) -> Article {
        crate::test_support::article(&[paragraph])
    }

    #[test]
    fn event_sentences_are_widened_around_marks_and_merged() {
        let mut a = article("Vladimir Putin met Donald Trump. They spoke.");
        a.entities.push(Entity {
            id: "putin".into(),
            name: "Vladimir Putin".into(),
            entity_type: EntityType::Person,
            aliases: vec![],
            mentions: vec![Span::new(0, 14)],
        });
        let event = |id: &str, sentence: Span| Event {
            id: id.into(),
            date: "2017-07-07".into(),
            granularity: None,
            label: String::new(),
            sentence,
            timex: sentence,
            entities: vec![],
        };
        // One sentence starts inside the name, the other overlaps the first.
        a.events = vec![event("a", Span::new(9, 32)), event("b", Span::new(20, 44))];
        let layout = Layout::new(&a);
        assert_eq!(layout.sentences, vec![Span::new(0, 44)]);
        assert_eq!(
            layout.sentence_holding(Span::new(20, 44)),
            Some(Span::new(0, 44))
        );
        assert_eq!(layout.sentence_holding(Span::new(45, 50)), None);
    }

    #[test]
    fn part_html_marks_names_times_and_sentences_and_escapes_every_text() {
        let mut a = article("Tom & <Jerry> met \"Ünï\" on 7 July. Bye.");
        a.entities.push(Entity {
            id: "tom-jerry".into(),
            name: "Tom & <Jerry>".into(),
            entity_type: EntityType::Organization,
            aliases: vec![],
            mentions: vec![Span::new(0, 13)],
        });
        a.timexes.push(dateline_format::article::Timex {
            span: Span::new(27, 33),
            value: "2017-07-07".into(),
            granularity: Some(dateline_format::article::Granularity::Day),
            timex_type: dateline_format::article::TimexType::Date,
        });
        a.events.push(Event {
            id: "e".into(),
            date: "2017-07-07".into(),
            granularity: None,
            label: String::new(),
            sentence: Span::new(0, 34),
            timex: Span::new(27, 33),
            entities: vec![],
        });
        let layout = Layout::new(&a);
        assert_eq!(
            part_html(&a, &layout, 0),
            "<p><span class=\"sentence\" data-sentence=\"0\">\
             <mark class=\"mention org\" data-entity-id=\"tom-jerry\" data-entity-type=\"ORG\" \
             data-tip=\"Tom &amp; &lt;Jerry&gt; · Organisation · 1 mention\" tabindex=\"-1\" role=\"button\" \
             aria-pressed=\"false\" aria-label=\"Tom &amp; &lt;Jerry&gt;: Tom &amp; &lt;Jerry&gt; · Organisation · 1 mention\">\
             Tom &amp; &lt;Jerry&gt;</mark> met &quot;Ünï&quot; on \
             <time class=\"timex\" datetime=\"2017-07-07\" title=\"Time expression: 7 July 2017\">7 July</time>.\
             </span> Bye.</p>"
        );
        assert_eq!(part_html(&a, &layout, 1), "", "no such part");
    }

    #[test]
    fn parts_hold_whole_paragraphs_of_about_part_chars() {
        let long = "x".repeat(PART_CHARS / 2);
        let paragraphs: Vec<&str> = vec![&long, &long, &long, "short"];
        let mut a = article("");
        a.paragraphs = paragraphs.iter().map(|p| p.to_string()).collect();
        let layout = Layout::new(&a);
        assert_eq!(layout.parts, vec![0..2, 2..4]);
        assert_eq!(layout.part_count(), 2);
        assert_eq!(layout.part_holding(0), 0);
        assert_eq!(
            layout.part_holding(PART_CHARS + 5),
            1,
            "the third paragraph"
        );
        let one = Layout::new(&article("Short."));
        assert_eq!((one.part_count(), one.part_holding(3)), (1, 0));
    }
}
