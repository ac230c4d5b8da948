//! The entity panel: every entity, grouped by type and sorted by number of mentions.

use dateline_format::article::{Article, EntityType};
use yew::prelude::*;

use crate::data::Shared;
use crate::route::Route;

/// The library id a name of this type most likely has (`per-vladimir-putin`); the entity page
/// resolves a short form or alias to the name it was joined to.
fn library_id(entity_type: EntityType, name: &str) -> String {
    let code = entity_type.code().to_ascii_lowercase();
    format!("{code}-{}", dateline_format::library::names::slug(name))
}

/// Props of [`EntityPanel`].
#[derive(Properties, PartialEq)]
pub struct EntityPanelProps {
    /// The article whose entities are listed.
    pub article: Shared<Article>,
    /// The selected entity's id.
    pub selected: Option<AttrValue>,
    /// Asks to select (or, when already selected, clear) an entity.
    pub on_select: Callback<String>,
}

/// Entities grouped by type, most mentioned first.
#[function_component(EntityPanel)]
pub fn entity_panel(props: &EntityPanelProps) -> Html {
    let groups = EntityType::ALL.into_iter().filter_map(|entity_type| {
        let mut entities: Vec<_> = props.article.entities.iter().filter(|e| e.entity_type == entity_type).collect();
        if entities.is_empty() {
            return None;
        }
        entities.sort_by(|a, b| b.mentions.len().cmp(&a.mentions.len()).then_with(|| a.name.cmp(&b.name)));
        let heading_id = format!("entities-{}", entity_type.code().to_ascii_lowercase());
        Some(html! {
            <section class="entity-group" aria-labelledby={heading_id.clone()} key={entity_type.code()}>
                <h3 id={heading_id}>{entity_type.plural_label()}</h3>
                <ul>
                    { for entities.into_iter().map(|entity| {
                        let selected = props.selected.as_deref() == Some(entity.id.as_str());
                        let on_select = props.on_select.clone();
                        let id = entity.id.clone();
                        let aliases = if entity.aliases.is_empty() { String::new() } else { format!("also “{}”", entity.aliases.join("”, “")) };
                        html! {
                            <li key={entity.id.clone()}>
                                <button
                                    type="button"
                                    class={classes!("entity-item", entity_type.code().to_ascii_lowercase(), selected.then_some("selected"))}
                                    aria-pressed={selected.to_string()}
                                    data-panel-entity-id={entity.id.clone()}
                                    onclick={move |_| on_select.emit(id.clone())}
                                >
                                    <span class="swatch" aria-hidden="true"></span>
                                    <span class="entity-name">{&entity.name}
                                        if !aliases.is_empty() { <span class="aliases">{aliases}</span> }
                                    </span>
                                    <span class="count" aria-label={format!("{} mentions", entity.mentions.len())}>{entity.mentions.len()}</span>
                                </button>
                                <a class="in-library" href={Route::Entity { id: library_id(entity.entity_type, &entity.name) }.href()}
                                    aria-label={format!("{} in the library", entity.name)}>{"in the library"}</a>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        })
    });
    html! {
        <div class="entity-panel">
            { for groups }
            if props.article.entities.is_empty() {
                <p class="empty">{"No names were found in this article."}</p>
            }
        </div>
    }
}
