//! The article body with every entity mention highlighted and time expressions marked.

use std::rc::Rc;

use dateline_format::article::{Article, Entity, EntityType, Span, Timex};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::is_activation_key;
use crate::data::Shared;
use crate::dates::display_date;

/// Props of [`ArticleBody`].
#[derive(Properties, PartialEq)]
pub struct ArticleBodyProps {
    /// The article to show.
    pub article: Shared<Article>,
    /// The selected entity: its mentions carry `data-selected="true"`.
    pub selected_entity: Option<AttrValue>,
    /// The selected event: its sentence is marked.
    pub selected_event: Option<AttrValue>,
    /// Types whose highlighting is off.
    pub hidden: Vec<EntityType>,
    /// Asks to select (or clear) an entity.
    pub on_select_entity: Callback<String>,
}

/// Something drawn over a stretch of the text.
#[derive(Clone, Copy)]
enum Mark<'a> {
    Mention(&'a Entity),
    Timex(&'a Timex),
}

/// Body characters and all marks ordered by start, computed once per article.
struct Layout {
    chars: Vec<char>,
    /// (span, index into entities or timexes, is mention)
    marks: Vec<(Span, usize, bool)>,
    paragraphs: Vec<Span>,
}

impl Layout {
    fn new(article: &Article) -> Layout {
        let mut marks: Vec<(Span, usize, bool)> = article
            .entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i, true)))
            .collect();
        marks.sort_by_key(|m| m.0);
        // A time expression that overlaps a name is left unmarked: names come first.
        let timexes = article.timexes.iter().enumerate().filter(|(_, t)| {
            let i = marks.partition_point(|m| m.0.end <= t.span.start);
            marks.get(i).is_none_or(|m| m.0.start >= t.span.end)
        });
        let timexes: Vec<_> = timexes.map(|(i, t)| (t.span, i, false)).collect();
        marks.extend(timexes);
        marks.sort_by_key(|m| m.0);
        Layout {
            chars: article.body_text().chars().collect(),
            marks,
            paragraphs: article.paragraph_spans(),
        }
    }

    fn text(&self, from: usize, to: usize) -> String {
        self.chars
            .get(from..to)
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }
}

/// The body, paragraph by paragraph.
#[function_component(ArticleBody)]
pub fn article_body(props: &ArticleBodyProps) -> Html {
    let layout = use_memo(props.article.clone(), |article| Layout::new(article));
    let article = &props.article;
    let selected_sentence: Option<Span> = props
        .selected_event
        .as_deref()
        .and_then(|id| article.events.iter().find(|e| e.id == id))
        .map(|e| e.sentence);

    let mark_html = |span: Span, mark: Mark<'_>| -> Html {
        let text = layout.text(span.start, span.end);
        match mark {
            Mark::Mention(entity) => mention(entity, text, props),
            Mark::Timex(timex) => html! {
                <time class="timex" datetime={timex.granularity.map(|_| timex.value.clone())} title={format!("Time expression: {}", display_date(&timex.value))}>{text}</time>
            },
        }
    };
    let render_range = |from: usize, to: usize| -> Vec<Html> {
        let mut nodes = Vec::new();
        let mut at = from;
        let first = layout.marks.partition_point(|m| m.0.start < from);
        for &(span, index, is_mention) in layout.marks[first..].iter().take_while(|m| m.0.end <= to)
        {
            if span.start < at {
                continue;
            }
            if span.start > at {
                nodes.push(Html::from(layout.text(at, span.start)));
            }
            let mark = if is_mention {
                Mark::Mention(&article.entities[index])
            } else {
                Mark::Timex(&article.timexes[index])
            };
            nodes.push(mark_html(span, mark));
            at = span.end;
        }
        if at < to {
            nodes.push(Html::from(layout.text(at, to)));
        }
        nodes
    };

    let paragraphs = layout.paragraphs.iter().map(|&paragraph| {
        let content = match selected_sentence.filter(|s| s.start < paragraph.end && paragraph.start < s.end) {
            None => render_range(paragraph.start, paragraph.end),
            Some(sentence) => {
                // Widen the marked sentence so it never cuts a mark in two.
                let mut start = sentence.start.max(paragraph.start);
                let mut end = sentence.end.min(paragraph.end);
                for &(span, _, _) in &layout.marks {
                    if span.start < start && start < span.end {
                        start = span.start;
                    }
                    if span.start < end && end < span.end {
                        end = span.end;
                    }
                }
                let mut nodes = render_range(paragraph.start, start);
                nodes.push(html! {
                    <span class="event-sentence" id="selected-sentence" tabindex="-1" data-selected="true">
                        { for render_range(start, end) }
                    </span>
                });
                nodes.extend(render_range(end, paragraph.end));
                nodes
            }
        };
        html! { <p key={paragraph.start}>{ for content }</p> }
    });
    let body = use_node_ref();
    {
        let body = body.clone();
        // After every render: exactly one shown mention is a tab stop (a mention that held it may
        // have been hidden by the legend or re-created).
        use_effect(move || {
            // Two selector look-ups, not a list of every mention: this runs on every render.
            let Some(body) = body.cast::<web_sys::Element>() else {
                return;
            };
            if let Ok(None) = body.query_selector("mark.mention[tabindex=\"0\"]") {
                if let Some(first) = body
                    .query_selector("mark.mention")
                    .ok()
                    .flatten()
                    .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    first.set_tab_index(0);
                }
            }
        });
    }
    html! {
        <div class="article-body" ref={body} onkeydown={move_between_mentions} onfocusin={take_tab_stop}>
            { for paragraphs }
        </div>
    }
}

// Roving tabindex: the text is one tab stop however many names it has. Tab enters at the last
// mention focused (the first at the start), the arrow keys, Home and End move between mentions
// in reading order, and Tab leaves the text. The tab stop moves in the DOM, not in the virtual
// DOM, so moving focus never re-renders the text.

/// The shown mentions inside the article body, in reading order.
fn mentions_in(body: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = body.query_selector_all("mark.mention") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// The mention an event happened on, and the article body around it.
fn mention_target(event: &Event) -> Option<(web_sys::Element, web_sys::HtmlElement)> {
    let body: web_sys::Element = event.current_target()?.dyn_into().ok()?;
    let target: web_sys::HtmlElement = event.target()?.dyn_into().ok()?;
    target
        .matches("mark.mention")
        .unwrap_or(false)
        .then_some((body, target))
}

/// Makes `mention` the body's one tab stop.
fn make_tab_stop(mentions: &[web_sys::HtmlElement], mention: &web_sys::HtmlElement) {
    for other in mentions.iter().filter(|m| m.tab_index() == 0) {
        other.set_tab_index(-1);
    }
    mention.set_tab_index(0);
}

fn take_tab_stop(event: FocusEvent) {
    if let Some((body, mention)) = mention_target(&event) {
        make_tab_stop(&mentions_in(&body), &mention);
    }
}

fn move_between_mentions(event: KeyboardEvent) {
    let Some((body, mention)) = mention_target(&event) else {
        return;
    };
    let mentions = mentions_in(&body);
    let Some(at) = mentions.iter().position(|m| *m == mention) else {
        return;
    };
    let to = match event.key().as_str() {
        "ArrowRight" | "ArrowDown" => (at + 1).min(mentions.len() - 1),
        "ArrowLeft" | "ArrowUp" => at.saturating_sub(1),
        "Home" => 0,
        "End" => mentions.len() - 1,
        _ => return,
    };
    event.prevent_default();
    make_tab_stop(&mentions, &mentions[to]);
    mentions[to].focus().ok();
}

fn mention(entity: &Entity, text: String, props: &ArticleBodyProps) -> Html {
    let selected = props.selected_entity.as_deref() == Some(entity.id.as_str());
    let shown = !props.hidden.contains(&entity.entity_type);
    let count = entity.mentions.len();
    let mentions = if count == 1 {
        "1 mention".to_string()
    } else {
        format!("{count} mentions")
    };
    let tip = format!(
        "{} · {} · {}",
        entity.name,
        entity.entity_type.label(),
        mentions
    );
    let select = {
        let on_select = props.on_select_entity.clone();
        let id = entity.id.clone();
        Rc::new(move || on_select.emit(id.clone()))
    };
    let onclick = {
        let select = Rc::clone(&select);
        move |_: MouseEvent| select()
    };
    let onkeydown = move |event: KeyboardEvent| {
        if is_activation_key(&event) {
            event.prevent_default();
            select();
        }
    };
    let class = classes!(
        "mention",
        entity.entity_type.code().to_ascii_lowercase(),
        selected.then_some("selected"),
        (!shown).then_some("off")
    );
    if shown {
        html! {
            <mark {class}
                data-entity-id={entity.id.clone()}
                data-entity-type={entity.entity_type.code()}
                data-selected={selected.then_some("true")}
                data-tip={tip.clone()}
                tabindex="-1"
                role="button"
                aria-pressed={selected.to_string()}
                aria-label={format!("{text}: {tip}")}
                {onclick}
                {onkeydown}
            >{text}</mark>
        }
    } else {
        html! {
            <span {class}
                data-entity-id={entity.id.clone()}
                data-entity-type={entity.entity_type.code()}
                data-selected={selected.then_some("true")}
            >{text}</span>
        }
    }
}
