//! The article body: the text with every entity mention highlighted and time expressions
//! marked, and the reader's selection, chosen event and legend shown on it.
//!
//! The text itself is rendered once per article (`body_text`). What the reader changes is shown
//! by changing the few elements concerned in the DOM, never by re-rendering the text: a selected
//! entity's mentions get `data-selected="true"` and `aria-pressed="true"`, a hidden type's
//! mentions get `data-off` and stop being buttons, the chosen event's sentence gets
//! `id="selected-sentence"`. Every one of these is a pure function of the mention and the current
//! props ([`MentionState`]), so re-applying it is always safe.

use dateline_format::article::{Article, EntityType, Span};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::components::body_text::{Layout, TextPart};
use crate::components::{elements, is_activation_key};
use crate::data::Shared;
use crate::prerendered::Preloaded;

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

/// What the DOM of the text shows beyond its resting state.
#[derive(Clone, Default, PartialEq)]
struct Shown {
    article: Option<Shared<Article>>,
    entity: Option<AttrValue>,
    event: Option<AttrValue>,
    sentence: Option<Span>,
    hidden: Vec<EntityType>,
}

/// The body, paragraph by paragraph: the first part of the text at once, the others added one
/// task at a time (at once up to the chosen event's sentence), so a long text shows quickly and
/// the page stays responsive while the rest comes in. `data-complete="true"` once all are in.
#[function_component(ArticleBody)]
pub fn article_body(props: &ArticleBodyProps) -> Html {
    let layout = use_memo(props.article.clone(), |article| Layout::new(article));
    let body = use_node_ref();
    let shown = use_mut_ref(Shown::default);
    let sentence = props
        .selected_event
        .as_deref()
        .and_then(|id| props.article.events.iter().find(|e| e.id == id))
        .and_then(|e| layout.sentence_holding(e.sentence));
    {
        let body = body.clone();
        let shown = shown.clone();
        let next = Shown {
            article: Some(props.article.clone()),
            entity: props.selected_entity.clone(),
            event: props.selected_event.clone(),
            sentence,
            hidden: props.hidden.clone(),
        };
        use_effect_with(next, move |next| {
            if let Some(body) = body.cast::<Element>() {
                let mut shown = shown.borrow_mut();
                show(&body, &shown, next);
                *shown = next.clone();
            }
        });
    }
    // A part added later starts in the resting state: bring it to what the rest of the text shows.
    let on_part_mount = use_callback((), move |part: Element, _| {
        let shown = shown.borrow();
        let resting = Shown {
            article: shown.article.clone(),
            ..Shown::default()
        };
        show_in(&part, &resting, &shown);
    });
    let parts = layout.part_count();
    // A prerendered page holds all of the text: its first render must too.
    let whole = use_context::<Preloaded>().is_some_and(|p| p.is_page());
    let rendered = use_state(|| if whole { parts } else { 1 });
    let needed = sentence.map_or(0, |s| layout.part_holding(s.start) + 1);
    let upto = (*rendered).max(needed).min(parts);
    {
        let rendered = rendered.clone();
        use_effect_with(upto, move |&upto| {
            // Parts shown for a chosen event stay when the choice is cleared.
            if *rendered < upto {
                rendered.set(upto);
            }
            let next = (upto < parts).then(|| Timeout::new(0, move || rendered.set(upto + 1)));
            move || drop(next)
        });
    }
    let onclick = {
        let on_select = props.on_select_entity.clone();
        move |event: MouseEvent| on_click(&event, &on_select)
    };
    let onkeydown = {
        let on_select = props.on_select_entity.clone();
        move |event: KeyboardEvent| on_key(&event, &on_select)
    };
    let layout = Shared(layout);
    html! {
        <div class="article-body" ref={body} {onclick} {onkeydown} onfocusin={take_tab_stop}
            data-complete={(upto == parts).then_some("true")}>
            { for (0..upto).map(|index| html! {
                <TextPart key={index} {index} article={props.article.clone()} layout={layout.clone()}
                    on_mount={on_part_mount.clone()} />
            }) }
        </div>
    }
}

/// Brings the DOM of the text from what `was` shown to what `next` shows, touching only the
/// elements whose state changes (all marked ones when the text was rendered anew).
fn show(body: &Element, was: &Shown, next: &Shown) {
    let fresh = was.article != next.article;
    let changed = show_in(body, was, next);
    if fresh || changed {
        keep_one_tab_stop(body);
    }
    if next.event.is_some() && (was.event != next.event || was.article.is_none()) {
        // After the page's own effects: opening an article scrolls to its top (MinePage does so
        // in the same render as the text from storage, after this effect).
        Timeout::new(0, scroll_to_selected_sentence).forget();
    }
}

/// [`show`] for the text under `root` (all of it, or a part just added); true when mentions changed.
fn show_in(body: &Element, was: &Shown, next: &Shown) -> bool {
    let fresh = was.article != next.article;
    let state = MentionState {
        entity: next.entity.as_deref(),
        hidden: &next.hidden,
    };
    // A new selection changes two attributes of its mentions and the last one's.
    let mut selection: Vec<(&str, bool)> = Vec::new();
    if was.entity != next.entity {
        selection.extend(was.entity.as_deref().map(|id| (id, false)));
        selection.extend(next.entity.as_deref().map(|id| (id, true)));
    }
    let selector = |id: &str| format!(".mention[data-entity-id=\"{id}\"]");
    // A type shown or hidden, or a text rendered anew, changes all of a mention's state. Yew keeps
    // the elements of a re-rendered text where it can, with what was set on them.
    let mut whole: Vec<String> = Vec::new();
    if fresh && was.article.is_some() {
        whole.push(".mention[data-selected], .mention[data-off]".into());
    }
    if fresh {
        whole.extend(selection.drain(..).map(|(id, _)| selector(id)));
        whole.extend(next.entity.as_deref().map(selector));
    }
    for entity_type in EntityType::ALL {
        let hidden = next.hidden.contains(&entity_type);
        if hidden != was.hidden.contains(&entity_type) || (fresh && hidden) {
            whole.push(format!(
                ".mention[data-entity-type=\"{}\"]",
                entity_type.code()
            ));
        }
    }
    for &(id, selected) in &selection {
        // A mention of a hidden type is no button: it has no aria-pressed to set.
        let off = next.article.as_ref().is_some_and(|article| {
            article
                .entities
                .iter()
                .find(|e| e.id == id)
                .is_some_and(|e| next.hidden.contains(&e.entity_type))
        });
        for mention in elements::<Element>(body, &selector(id)) {
            set_selected(&mention, selected, off);
        }
    }
    if !whole.is_empty() {
        for mention in elements::<Element>(body, &whole.join(", ")) {
            state.apply(&mention);
        }
    }
    if fresh || was.sentence != next.sentence {
        mark_sentence(body, next.sentence);
    }
    !selection.is_empty() || !whole.is_empty()
}

/// Sets whether `mention` is selected (`off`: its type is hidden, so it is no toggle button).
fn set_selected(mention: &Element, selected: bool, off: bool) {
    if selected {
        mention.set_attribute("data-selected", "true").ok();
    } else {
        mention.remove_attribute("data-selected").ok();
    }
    if !off {
        let pressed = if selected { "true" } else { "false" };
        mention.set_attribute("aria-pressed", pressed).ok();
    }
}

/// The state of a mention, given what is selected and hidden.
struct MentionState<'a> {
    entity: Option<&'a str>,
    hidden: &'a [EntityType],
}

impl MentionState<'_> {
    fn selects(&self, mention: &Element) -> bool {
        let id = mention.get_attribute("data-entity-id");
        id.is_some() && id.as_deref() == self.entity
    }

    /// Sets all of `mention`'s state: selected or not, a button or plain text.
    fn apply(&self, mention: &Element) {
        let selected = self.selects(mention);
        let shown = mention
            .get_attribute("data-entity-type")
            .and_then(|code| EntityType::from_code(&code))
            .is_none_or(|t| !self.hidden.contains(&t));
        let set = |name: &str, value: &str| mention.set_attribute(name, value).ok();
        let remove = |name: &str| mention.remove_attribute(name).ok();
        if selected {
            set("data-selected", "true");
        } else {
            remove("data-selected");
        }
        if shown {
            remove("data-off");
            set("role", "button");
            set("aria-pressed", if selected { "true" } else { "false" });
            if mention.get_attribute("tabindex").is_none() {
                set("tabindex", "-1");
            }
            let text = mention.text_content().unwrap_or_default();
            let tip = mention.get_attribute("data-tip").unwrap_or_default();
            set("aria-label", &format!("{text}: {tip}"));
        } else {
            // Highlighting off: plain text, as if it were not marked (no button, no tab stop).
            set("data-off", "");
            for name in ["role", "aria-pressed", "aria-label", "tabindex"] {
                remove(name);
            }
        }
    }
}

/// Marks the sentence that starts the wrapped stretch `sentence` (and unmarks the one before).
fn mark_sentence(body: &Element, sentence: Option<Span>) {
    if let Ok(Some(old)) = body.query_selector("#selected-sentence") {
        for name in ["id", "data-selected", "tabindex"] {
            old.remove_attribute(name).ok();
        }
    }
    let Some(sentence) = sentence else {
        return;
    };
    let selector = format!("[data-sentence=\"{}\"]", sentence.start);
    if let Ok(Some(element)) = body.query_selector(&selector) {
        element.set_id("selected-sentence");
        element.set_attribute("data-selected", "true").ok();
        element.set_attribute("tabindex", "-1").ok();
    }
}

fn scroll_to_selected_sentence() {
    let Some(element) = gloo::utils::document().get_element_by_id("selected-sentence") else {
        return;
    };
    let reduced_motion = gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    // A long jump is not smooth: nobody follows pages of text flying by, and on the way the
    // browser lays out paragraphs it skipped (content-visibility), which moves the target.
    let far = element.get_bounding_client_rect().top().abs()
        > 2.0
            * gloo::utils::window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(800.0);
    options.set_behavior(if reduced_motion || far {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(element) = element.dyn_into::<HtmlElement>() {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        element.focus_with_options(&focus).ok();
    }
}

// Roving tabindex: the text is one tab stop however many names it has. Tab enters at the last
// mention focused (the first at the start), the arrow keys, Home and End move between mentions
// in reading order, and Tab leaves the text. The tab stop moves in the DOM, not in the virtual
// DOM, so moving focus never re-renders the text. Mentions whose type is hidden are skipped.
// The headline and standfirst's names (`header_names`) are one more such group, the header.

const SHOWN_MENTION: &str = "mark.mention:not([data-off])";

/// Makes the first shown mention the tab stop when no shown mention is (at the start, or when
/// the legend hid the one that was).
pub(crate) fn keep_one_tab_stop(body: &Element) {
    if let Ok(None) = body.query_selector(&format!("{SHOWN_MENTION}[tabindex=\"0\"]")) {
        if let Some(first) = body
            .query_selector(SHOWN_MENTION)
            .ok()
            .flatten()
            .and_then(|m| m.dyn_into::<HtmlElement>().ok())
        {
            first.set_tab_index(0);
        }
    }
}

/// The mention an event happened on, and its group: the article body or the header. (Not the
/// event's current target: Yew listens on the app's root.)
fn mention_target(event: &Event) -> Option<(Element, HtmlElement)> {
    let target: Element = event.target()?.dyn_into().ok()?;
    let mention = target.closest(SHOWN_MENTION).ok()??;
    let group = mention.closest(".article-body, .article-header").ok()??;
    Some((group, mention.dyn_into().ok()?))
}

/// The entity a mention, or a name in the header, stands for.
fn selectable_id(mention: &HtmlElement) -> Option<String> {
    mention
        .get_attribute("data-entity-id")
        .or_else(|| mention.get_attribute("data-name-id"))
}

/// Makes `mention` the body's one tab stop.
fn make_tab_stop(body: &Element, mention: &HtmlElement) {
    for other in elements::<HtmlElement>(body, "mark.mention[tabindex=\"0\"]") {
        other.set_tab_index(-1);
    }
    mention.set_tab_index(0);
}

/// A click on a shown mention (of the text or the header) asks to select its entity.
pub(crate) fn on_click(event: &MouseEvent, on_select: &Callback<String>) {
    if let Some(id) = mention_target(event).and_then(|(_, m)| selectable_id(&m)) {
        on_select.emit(id);
    }
}

pub(crate) fn take_tab_stop(event: FocusEvent) {
    if let Some((body, mention)) = mention_target(&event) {
        make_tab_stop(&body, &mention);
    }
}

pub(crate) fn on_key(event: &KeyboardEvent, on_select: &Callback<String>) {
    let Some((body, mention)) = mention_target(event) else {
        return;
    };
    if is_activation_key(event) {
        event.prevent_default();
        if let Some(id) = selectable_id(&mention) {
            on_select.emit(id);
        }
        return;
    }
    let key = event.key();
    if !matches!(
        key.as_str(),
        "ArrowRight" | "ArrowDown" | "ArrowLeft" | "ArrowUp" | "Home" | "End"
    ) {
        return;
    }
    let mentions: Vec<HtmlElement> = elements(&body, SHOWN_MENTION);
    let Some(at) = mentions.iter().position(|m| *m == mention) else {
        return;
    };
    let to = match key.as_str() {
        "ArrowRight" | "ArrowDown" => (at + 1).min(mentions.len() - 1),
        "ArrowLeft" | "ArrowUp" => at.saturating_sub(1),
        "Home" => 0,
        _ => mentions.len() - 1,
    };
    event.prevent_default();
    make_tab_stop(&body, &mentions[to]);
    mentions[to].focus().ok();
}
