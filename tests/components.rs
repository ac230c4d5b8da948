//! Component tests in headless Chromium (`wasm-bindgen-test`): the reading view's pieces render
//! the DOM contract, react to clicks and keys, and show bad input as readable text.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use dateline_app::components::article_body::{ArticleBody, ArticleBodyProps};
use dateline_app::components::entity_panel::{EntityPanel, EntityPanelProps};
use dateline_app::components::legend::{Legend, LegendProps};
use dateline_app::components::timeline::{Timeline, TimelineProps};
use dateline_app::data::{parse_article, LoadError, Shared};
use dateline_format::article::{
    Article, Entity, EntityType, Event, Granularity, Span, SCHEMA_VERSION,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::{BaseComponent, Callback};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn render<C: BaseComponent>(props: C::Properties) -> web_sys::Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.get(i).unwrap().dyn_into().unwrap())
        .collect()
}

/// Code-point span of the n-th occurrence of `needle` in `text`.
fn find(text: &str, needle: &str, nth: usize) -> Span {
    let (byte, _) = text.match_indices(needle).nth(nth).expect("needle in text");
    let start = text[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

fn fixture() -> Article {
    let paragraphs = vec![
        "Vladimir Putin met Donald Trump in Hamburg 😀 today.".to_string(),
        "Putin’s spokesman spoke in Москва after the U.S. shot down a jet on June 18th."
            .to_string(),
    ];
    let body = paragraphs.join("\n\n");
    let entity = |id: &str, name: &str, entity_type, mentions: Vec<Span>| Entity {
        id: id.into(),
        name: name.into(),
        entity_type,
        aliases: vec![],
        mentions,
    };
    let article = Article {
        schema_version: SCHEMA_VERSION,
        id: "fixture".into(),
        title: "Fixture".into(),
        standfirst: String::new(),
        source: "Test".into(),
        published: Some("2017-07-07".into()),
        published_inferred: false,
        credit: None,
        language: "en".into(),
        entities: vec![
            entity("vladimir-putin", "Vladimir Putin", EntityType::Person, vec![find(&body, "Vladimir Putin", 0), find(&body, "Putin", 1)]),
            entity("donald-trump", "Donald Trump", EntityType::Person, vec![find(&body, "Donald Trump", 0)]),
            entity("hamburg", "Hamburg", EntityType::Location, vec![find(&body, "Hamburg", 0)]),
            entity("moskva", "Москва", EntityType::Location, vec![find(&body, "Москва", 0)]),
            entity("u-s", "U.S.", EntityType::Location, vec![find(&body, "U.S.", 0)]),
        ],
        timexes: vec![],
        events: vec![
            Event {
                id: "event-1".into(),
                date: "2017-06-18".into(),
                granularity: Some(Granularity::Day),
                label: "U.S. shot down a jet".into(),
                sentence: find(&body, "Putin’s spokesman spoke in Москва after the U.S. shot down a jet on June 18th.", 0),
                timex: find(&body, "June 18th", 0),
                entities: vec!["u-s".into()],
            },
            Event {
                id: "event-2".into(),
                date: "2017-07-07".into(),
                granularity: Some(Granularity::Day),
                label: "Putin met Trump".into(),
                sentence: find(&body, "Vladimir Putin met Donald Trump in Hamburg 😀 today.", 0),
                timex: find(&body, "today", 0),
                entities: vec!["vladimir-putin".into(), "donald-trump".into(), "hamburg".into()],
            },
            Event {
                id: "event-3".into(),
                date: "PRESENT_REF".into(),
                granularity: None,
                label: "Undated thing".into(),
                sentence: find(&body, "Vladimir Putin met Donald Trump in Hamburg 😀 today.", 0),
                timex: find(&body, "today", 0),
                entities: vec![],
            },
        ],
        paragraphs,
    };
    article.validate().expect("the fixture is a valid article");
    article
}

fn body_props(
    article: Article,
    selected_entity: Option<&str>,
    selected_event: Option<&str>,
    clicks: Rc<RefCell<Vec<String>>>,
) -> ArticleBodyProps {
    ArticleBodyProps {
        article: Shared(Rc::new(article)),
        selected_entity: selected_entity.map(|s| s.to_string().into()),
        selected_event: selected_event.map(|s| s.to_string().into()),
        hidden: vec![],
        on_select_entity: Callback::from(move |id: String| clicks.borrow_mut().push(id)),
    }
}

#[wasm_bindgen_test]
async fn mentions_follow_the_dom_contract_and_slice_the_text_by_code_point() {
    let article = fixture();
    let root =
        render::<ArticleBody>(body_props(article.clone(), None, None, Default::default())).await;
    let mentions = all(&root, "[data-entity-id]");
    let body: Vec<char> = article.body_text().chars().collect();
    let mut expected: Vec<(String, String, String)> = article
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
        .map(|(e, m)| {
            (
                e.id.clone(),
                e.entity_type.code().to_string(),
                body[m.start..m.end].iter().collect(),
            )
        })
        .collect();
    let mut got: Vec<(String, String, String)> = mentions
        .iter()
        .map(|m| {
            (
                m.dataset().get("entityId").unwrap(),
                m.dataset().get("entityType").unwrap(),
                m.text_content().unwrap(),
            )
        })
        .collect();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    let paragraphs: Vec<String> = all(&root, "p")
        .iter()
        .map(|p| p.text_content().unwrap())
        .collect();
    assert_eq!(
        paragraphs, article.paragraphs,
        "the text is shown unchanged around the marks"
    );
    assert!(mentions
        .iter()
        .all(|m| m.get_attribute("data-selected").is_none()));
}

#[wasm_bindgen_test]
async fn the_selected_entity_and_event_are_marked() {
    let root = render::<ArticleBody>(body_props(
        fixture(),
        Some("vladimir-putin"),
        Some("event-1"),
        Default::default(),
    ))
    .await;
    let selected: Vec<String> = all(&root, "[data-selected=\"true\"][data-entity-id]")
        .iter()
        .map(|m| m.text_content().unwrap())
        .collect();
    assert_eq!(selected, vec!["Vladimir Putin", "Putin"]);
    let sentence = root
        .query_selector("#selected-sentence")
        .unwrap()
        .expect("the event's sentence is marked");
    assert!(sentence
        .text_content()
        .unwrap()
        .starts_with("Putin’s spokesman"));
    assert_eq!(
        sentence.get_attribute("data-selected").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn click_and_enter_on_a_mention_ask_to_select_its_entity() {
    let clicks: Rc<RefCell<Vec<String>>> = Default::default();
    let root = render::<ArticleBody>(body_props(fixture(), None, None, clicks.clone())).await;
    let hamburg = &all(&root, "[data-entity-id=\"hamburg\"]")[0];
    hamburg.click();
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let trump = &all(&root, "[data-entity-id=\"donald-trump\"]")[0];
    trump
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    init.set_key("a");
    trump
        .dispatch_event(
            &web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap(),
        )
        .unwrap();
    assert_eq!(
        *clicks.borrow(),
        vec!["hamburg".to_string(), "donald-trump".to_string()]
    );
    // Roving tabindex: the text is one tab stop, the first mention, whatever else was clicked.
    let tab_stops: Vec<String> = all(&root, "mark.mention")
        .iter()
        .filter(|m| m.tab_index() == 0)
        .map(|m| m.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        tab_stops.len(),
        1,
        "one tab stop in the text: {tab_stops:?}"
    );
    assert_eq!(
        tab_stops[0],
        all(&root, "mark.mention")[0].text_content().unwrap()
    );
    assert_eq!(hamburg.get_attribute("tabindex").as_deref(), Some("-1"));
    assert!(hamburg
        .get_attribute("data-tip")
        .unwrap()
        .contains("Hamburg · Place · 1 mention"));
}

#[wasm_bindgen_test]
async fn hidden_types_lose_their_highlight_but_keep_their_text() {
    let mut props = body_props(fixture(), None, None, Default::default());
    props.hidden = vec![EntityType::Location];
    let root = render::<ArticleBody>(props).await;
    assert!(all(&root, "[data-entity-type=\"LOC\"][role=\"button\"]").is_empty());
    assert_eq!(all(&root, "[data-entity-type=\"LOC\"][data-off]").len(), 3);
    assert_eq!(
        all(&root, "[data-entity-type=\"PER\"][role=\"button\"]").len(),
        3
    );
}

#[wasm_bindgen_test]
async fn the_timeline_orders_events_and_keeps_undated_ones_off_the_axis() {
    let selected: Rc<RefCell<Vec<String>>> = Default::default();
    let sink = selected.clone();
    let root = render::<Timeline>(TimelineProps {
        article: Shared(Rc::new(fixture())),
        selected_event: Some("event-2".into()),
        selected_entity: Some("hamburg".into()),
        on_select: Callback::from(move |id: String| sink.borrow_mut().push(id)),
    })
    .await;
    let events = all(&root, "[data-event-id]");
    let dates: Vec<String> = events
        .iter()
        .map(|e| e.dataset().get("date").unwrap())
        .collect();
    assert_eq!(dates, vec!["2017-06-18", "2017-07-07", "PRESENT_REF"]);
    assert_eq!(
        events[1].get_attribute("data-selected").as_deref(),
        Some("true")
    );
    assert_eq!(
        events[1].get_attribute("data-related").as_deref(),
        Some("true")
    );
    assert!(events[0].get_attribute("data-selected").is_none());
    assert!(root
        .query_selector(".undated-list [data-date=\"PRESENT_REF\"]")
        .unwrap()
        .is_some());
    assert_eq!(
        root.query_selector_all(".timeline-strip .mark")
            .unwrap()
            .length(),
        2,
        "only dated events are drawn on the axis"
    );
    assert!(root
        .text_content()
        .unwrap()
        .contains("Published 7 July 2017"));
    events[0].click();
    assert_eq!(*selected.borrow(), vec!["event-1".to_string()]);
}

#[wasm_bindgen_test]
async fn the_entity_panel_groups_by_type_and_sorts_by_mentions() {
    let root = render::<EntityPanel>(EntityPanelProps {
        article: Shared(Rc::new(fixture())),
        selected: Some("hamburg".into()),
        on_select: Callback::noop(),
    })
    .await;
    let headings: Vec<String> = all(&root, "h3")
        .iter()
        .map(|h| h.text_content().unwrap())
        .collect();
    assert_eq!(headings, vec!["People", "Places"]);
    let people: Vec<String> = all(&root, "[data-panel-entity-id]")
        .iter()
        .map(|b| b.dataset().get("panelEntityId").unwrap())
        .collect();
    assert_eq!(
        people[..2],
        ["vladimir-putin".to_string(), "donald-trump".to_string()]
    );
    let hamburg = &all(&root, "[data-panel-entity-id=\"hamburg\"]")[0];
    assert_eq!(
        hamburg.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn the_legend_counts_and_toggles() {
    let toggled: Rc<RefCell<Vec<EntityType>>> = Default::default();
    let sink = toggled.clone();
    let root = render::<Legend>(LegendProps {
        counts: vec![(EntityType::Person, 3), (EntityType::Location, 0)],
        hidden: vec![EntityType::Location],
        on_toggle: Callback::from(move |t| sink.borrow_mut().push(t)),
    })
    .await;
    let buttons = all(&root, "button");
    assert_eq!(
        buttons[0].get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        buttons[1].get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert!(buttons[0].text_content().unwrap().contains('3'));
    buttons[1].click();
    assert_eq!(*toggled.borrow(), vec![EntityType::Location]);
}

#[wasm_bindgen_test]
fn bad_article_files_give_readable_errors() {
    let message = |json: &str| parse_article(json).unwrap_err().to_string();
    assert!(message("{not json").contains("not a Dateline article"));
    assert!(message("").contains("not a Dateline article"));
    assert!(message("{\"schema_version\": 7}").contains("version 7"));
    let mut article = fixture();
    article.entities[0].mentions[0] = Span::new(0, 10_000);
    assert!(message(&article.to_json()).contains("outside the text"));
    assert!(parse_article(&fixture().to_json()).is_ok());
    assert_eq!(
        LoadError::NotFound.to_string(),
        "There is no article with that name. Check the link, or open the article from the library."
    );
}
