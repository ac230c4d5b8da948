//! The corrections panel of one of the reader's articles: for the selected name, its type, merging
//! it into another name, removing one of its mentions; for the selected event, its date. Each
//! correction is reported up with the selection that should follow it.

use dateline_format::article::{Article, EntityType};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::corrections::Correction;
use crate::data::Shared;
use crate::route::Selection;

/// Asks for a correction, with the selection to show once it is made.
pub type OnCorrect = Callback<(Correction, Selection)>;

/// Props of [`CorrectionPanel`].
#[derive(Properties, PartialEq)]
pub struct CorrectionPanelProps {
    /// The article being corrected.
    pub article: Shared<Article>,
    /// What is selected: the panel offers the corrections for it.
    pub selection: Selection,
    /// Asks for a correction, with the selection to show once it is made.
    pub on_correct: OnCorrect,
}

/// The corrections for what is selected, or a hint to select something.
#[function_component(CorrectionPanel)]
pub fn correction_panel(props: &CorrectionPanelProps) -> Html {
    match &props.selection {
        Selection::None => html! {
            <p class="hint corrections-hint">{"To correct the analysis, select a name or an event."}</p>
        },
        Selection::Entity(id) => entity_fixes(&props.article, id, &props.on_correct),
        Selection::Event(id) => event_fixes(&props.article, id, &props.on_correct),
    }
}

/// The value of the form control with this id.
fn control_value<T: JsCast>(id: &str, value: impl Fn(T) -> String) -> Option<String> {
    gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<T>().ok())
        .map(value)
}

/// An entity's type, merging it into another name, removing one of its mentions.
fn entity_fixes(article: &Article, id: &str, on_correct: &OnCorrect) -> Html {
    let Some(entity) = article.entities.iter().find(|e| e.id == id) else {
        return html! {};
    };
    let body: Vec<char> = article.body_text().chars().collect();
    let on_type = {
        let on_correct = on_correct.clone();
        let id = id.to_string();
        Callback::from(move |event: Event| {
            let Some(select) = event.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            if let Some(entity_type) = EntityType::from_code(&select.value()) {
                on_correct.emit((
                    Correction::SetType {
                        entity: id.clone(),
                        entity_type,
                    },
                    Selection::Entity(id.clone()),
                ));
            }
        })
    };
    let on_merge = {
        let on_correct = on_correct.clone();
        let id = id.to_string();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let into = control_value("fix-merge", |s: HtmlSelectElement| s.value());
            if let Some(into) = into.filter(|v| !v.is_empty()) {
                on_correct.emit((
                    Correction::Merge {
                        into: into.clone(),
                        from: id.clone(),
                    },
                    Selection::Entity(into),
                ));
            }
        })
    };
    let last = entity.mentions.len() == 1;
    html! {
        <section class="corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title">{format!("Correct “{}”", entity.name)}</h2>
            <p class="fix-row">
                <label for="fix-type">{"Type"}</label>
                <select id="fix-type" data-action="set-type" onchange={on_type}>
                    { for EntityType::ALL.into_iter().map(|t| html! {
                        <option key={t.code()} value={t.code()} selected={t == entity.entity_type}>{t.label()}</option>
                    }) }
                </select>
            </p>
            if article.entities.len() > 1 {
                <form class="fix-row" onsubmit={on_merge}>
                    <label for="fix-merge">{"Same as"}</label>
                    <select id="fix-merge">
                        { for article.entities.iter().filter(|e| e.id != id).map(|e| html! {
                            <option key={e.id.clone()} value={e.id.clone()}>{format!("{} ({})", e.name, e.entity_type.label())}</option>
                        }) }
                    </select>
                    <button type="submit" class="tool" data-action="merge">{"Merge"}</button>
                </form>
            }
            <ul class="fix-mentions" aria-label="Mentions">
                { for entity.mentions.iter().map(|m| {
                    let text: String = body[m.start.min(body.len())..m.end.min(body.len())].iter().collect();
                    let onclick = {
                        let on_correct = on_correct.clone();
                        let id = id.to_string();
                        let start = m.start;
                        Callback::from(move |_: MouseEvent| on_correct.emit((
                            Correction::RemoveMention { entity: id.clone(), start },
                            if last { Selection::None } else { Selection::Entity(id.clone()) },
                        )))
                    };
                    html! {
                        <li key={m.start}>
                            <span>{format!("“{text}”")}</span>
                            <button type="button" class="tool" data-action="remove-mention" data-start={m.start.to_string()} {onclick}>{"Not a name here: remove"}</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// An event's date.
fn event_fixes(article: &Article, id: &str, on_correct: &OnCorrect) -> Html {
    let Some(event) = article.events.iter().find(|e| e.id == id) else {
        return html! {};
    };
    let on_date = {
        let on_correct = on_correct.clone();
        let id = id.to_string();
        Callback::from(move |submit: SubmitEvent| {
            submit.prevent_default();
            if let Some(date) = control_value("fix-date", |i: HtmlInputElement| i.value()) {
                on_correct.emit((
                    Correction::SetEventDate {
                        event: id.clone(),
                        date,
                    },
                    Selection::Event(id.clone()),
                ));
            }
        })
    };
    html! {
        <section class="corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title">{"Correct this event’s date"}</h2>
            <form class="fix-row" onsubmit={on_date}>
                <label for="fix-date">{"Date"}</label>
                <input id="fix-date" type="text" value={event.date.clone()} aria-describedby="fix-date-note" />
                <button type="submit" class="tool" data-action="fix-date">{"Save date"}</button>
                <span id="fix-date-note" class="hint">{"YYYY, YYYY-MM or YYYY-MM-DD"}</span>
            </form>
        </section>
    }
}
