//! The reading view of any article: header (`article_header`), body with highlighted names,
//! legend, timeline, entity panel. It owns the legend's state and reports selection changes
//! through `on_select`; its parent decides where the selection lives (the route, or component
//! state).

use dateline_format::article::{Article, EntityType};
use yew::prelude::*;

use crate::components::article_body::ArticleBody;
use crate::components::article_header::ArticleHeader;
use crate::components::credit::CreditBlock;
use crate::components::entity_panel::EntityPanel;
use crate::components::legend::Legend;
use crate::components::timeline::Timeline;
use crate::data::Shared;
use crate::dates::event_when;
use crate::route::Selection;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article.
    pub article: Shared<Article>,
    /// What is selected.
    pub selection: Selection,
    /// Asked to change the selection (the parent decides where it lives: a route, or state).
    pub on_select: Callback<Selection>,
    /// Extra tools shown under the headline (rename, delete and corrections for the
    /// reader's articles).
    #[prop_or_default]
    pub children: Html,
}

/// Mentions counted by type, in legend order.
fn mention_counts(article: &Article) -> Vec<(EntityType, usize)> {
    EntityType::ALL
        .into_iter()
        .map(|t| {
            let mentions = article
                .entities
                .iter()
                .filter(|e| e.entity_type == t)
                .map(|e| e.mentions.len())
                .sum();
            (t, mentions)
        })
        .collect()
}

/// The line that names what is selected, with a button that clears it.
fn selection_note(
    article: &Article,
    selection: &Selection,
    on_clear: Callback<MouseEvent>,
) -> Html {
    match selection {
        Selection::None => html! {},
        Selection::Entity(id) => match article.entities.iter().find(|e| e.id == *id) {
            Some(entity) => {
                let events = article
                    .events
                    .iter()
                    .filter(|e| e.entities.contains(id))
                    .count();
                html! {
                    <p class={classes!("selection-note", entity.entity_type.code().to_ascii_lowercase())}>
                        <span class="swatch" aria-hidden="true"></span>
                        <strong>{&entity.name}</strong>
                        {format!(" · {} · {} mention{} · in {} dated event{}", entity.entity_type.label(), entity.mentions.len(),
                            if entity.mentions.len() == 1 { "" } else { "s" }, events, if events == 1 { "" } else { "s" })}
                        <button type="button" class="clear" onclick={on_clear}>{"Clear selection"}</button>
                    </p>
                }
            }
            None => html! { <p class="selection-note missing">{"That name is not in this article."}
            <button type="button" class="clear" onclick={on_clear}>{"Clear"}</button></p> },
        },
        Selection::Event(id) => match article.events.iter().find(|e| e.id == *id) {
            Some(event) => html! {
                <p class="selection-note event-note">
                    <strong>{event_when(event, || article.body_text())}</strong>{format!(" · {}", event.label)}
                    <button type="button" class="clear" onclick={on_clear}>{"Clear selection"}</button>
                </p>
            },
            None => {
                html! { <p class="selection-note missing">{"That event is not in this article."}
                <button type="button" class="clear" onclick={on_clear}>{"Clear"}</button></p> }
            }
        },
    }
}

/// A loaded article with its selection.
#[function_component(ArticleView)]
pub fn article_view(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    let hidden = use_state(Vec::<EntityType>::new);

    {
        let title = article.title.clone();
        use_effect_with(title, |title| {
            gloo::utils::document().set_title(&format!("{title} — Dateline"))
        });
    }

    // Selecting what is already selected clears the selection.
    let select = {
        let on_select = props.on_select.clone();
        let current = props.selection.clone();
        move |next: Selection| {
            on_select.emit(if next == current {
                Selection::None
            } else {
                next
            })
        }
    };
    let on_select_entity = {
        let select = select.clone();
        Callback::from(move |id: String| select(Selection::Entity(id)))
    };
    let on_select_event = {
        let select = select.clone();
        Callback::from(move |id: String| select(Selection::Event(id)))
    };
    let on_clear = Callback::from(move |_: MouseEvent| select(Selection::None));
    let on_toggle = {
        let hidden = hidden.clone();
        Callback::from(move |entity_type: EntityType| {
            let mut next = (*hidden).clone();
            match next.iter().position(|t| *t == entity_type) {
                Some(i) => {
                    next.remove(i);
                }
                None => next.push(entity_type),
            }
            hidden.set(next);
        })
    };

    let (selected_entity, selected_event) = match &props.selection {
        Selection::None => (None, None),
        Selection::Entity(id) => (Some(AttrValue::from(id.clone())), None),
        Selection::Event(id) => (None, Some(AttrValue::from(id.clone()))),
    };
    // Walks the whole article: once per article, not on every selection.
    let counts = use_memo(article.clone(), |article| mention_counts(article));
    html! {
        <article class="reader" aria-labelledby="article-title">
            <ArticleHeader article={article.clone()} selected_entity={selected_entity.clone()}
                hidden={(*hidden).clone()} on_select_entity={on_select_entity.clone()}>
                { props.children.clone() }
            </ArticleHeader>
            <div class="reader-grid">
                <div class="reading-column">
                    <div class="toolbar">
                        <Legend counts={(*counts).clone()} hidden={(*hidden).clone()} on_toggle={on_toggle} />
                        <div aria-live="polite">{ selection_note(article, &props.selection, on_clear) }</div>
                    </div>
                    if article.paragraphs.is_empty() {
                        <p class="empty">{"This article has no body text."}</p>
                    } else {
                        <ArticleBody article={article.clone()} selected_entity={selected_entity.clone()}
                            selected_event={selected_event.clone()} hidden={(*hidden).clone()}
                            on_select_entity={on_select_entity.clone()} />
                    }
                    if let Some(credit) = &article.credit {
                        <CreditBlock credit={credit.clone()} source={AttrValue::from(article.source.clone())} />
                    }
                </div>
                <aside class="sidebar" aria-label="Story overview">
                    <section class="panel" aria-labelledby="timeline-title">
                        <h2 id="timeline-title">{"Timeline"}</h2>
                        <Timeline article={article.clone()} selected_event={selected_event.clone()}
                            selected_entity={selected_entity.clone()} on_select={on_select_event} />
                    </section>
                    <section class="panel" aria-labelledby="entities-title">
                        <h2 id="entities-title">{"Names in this story"}</h2>
                        <EntityPanel article={article.clone()} selected={selected_entity} on_select={on_select_entity} />
                    </section>
                </aside>
            </div>
        </article>
    }
}
