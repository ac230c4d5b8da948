//! The entity panel: every entity, grouped by type and sorted by number of mentions.
//!
//! Like the text, the panel is written once per article as HTML in its resting state (nothing
//! selected; `markup`), and the selection is shown by changing the two buttons concerned, so a
//! selection never re-renders the list and a prerendered panel is adopted as it stands.

use std::fmt::Write;

use dateline_format::article::{Article, Entity, EntityType};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::components::elements;
use crate::data::Shared;
use crate::markup::escape;
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

/// The panel's HTML: entities grouped by type, most mentioned first, none selected.
fn panel_html(article: &Article) -> String {
    let mut out = String::new();
    for entity_type in EntityType::ALL {
        let mut entities: Vec<&Entity> = article
            .entities
            .iter()
            .filter(|e| e.entity_type == entity_type)
            .collect();
        if entities.is_empty() {
            continue;
        }
        entities.sort_by(|a, b| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then_with(|| a.name.cmp(&b.name))
        });
        let code = entity_type.code().to_ascii_lowercase();
        let _ = write!(
            out,
            "<section class=\"entity-group\" aria-labelledby=\"entities-{code}\">\
             <h3 id=\"entities-{code}\">{}</h3><ul>",
            entity_type.plural_label()
        );
        for entity in entities {
            let name = escape(&entity.name);
            let count = entity.mentions.len();
            let _ = write!(
                out,
                "<li><button type=\"button\" class=\"entity-item {code}\" aria-pressed=\"false\" \
                 data-panel-entity-id=\"{}\"><span class=\"swatch\" aria-hidden=\"true\"></span>\
                 <span class=\"entity-name\">{name}",
                escape(&entity.id)
            );
            if !entity.aliases.is_empty() {
                let aliases = format!("also “{}”", entity.aliases.join("”, “"));
                let _ = write!(out, "<span class=\"aliases\">{}</span>", escape(&aliases));
            }
            let href = Route::Entity {
                id: library_id(entity.entity_type, &entity.name),
            }
            .href();
            let _ = write!(
                out,
                "</span><span class=\"count\" aria-label=\"{count} mentions\">{count}</span></button>\
                 <a class=\"in-library\" href=\"{}\" aria-label=\"{name} in the library\">in the library</a></li>",
                escape(&href)
            );
        }
        out.push_str("</ul></section>");
    }
    if article.entities.is_empty() {
        out.push_str("<p class=\"empty\">No names were found in this article.</p>");
    }
    out
}

/// Marks `id`'s button as the selected one (none: no button is).
fn show_selected(root: &Element, id: Option<&str>) {
    for button in elements::<Element>(root, "[data-panel-entity-id][aria-pressed=\"true\"]") {
        button.class_list().remove_1("selected").ok();
        button.set_attribute("aria-pressed", "false").ok();
    }
    if let Some(id) = id {
        let selector = format!("[data-panel-entity-id=\"{id}\"]");
        for button in elements::<Element>(root, &selector) {
            button.class_list().add_1("selected").ok();
            button.set_attribute("aria-pressed", "true").ok();
        }
    }
}

/// Entities grouped by type, most mentioned first.
#[function_component(EntityPanel)]
pub fn entity_panel(props: &EntityPanelProps) -> Html {
    let root = use_node_ref();
    let html = use_memo(props.article.clone(), |article| {
        AttrValue::from(panel_html(article))
    });
    {
        let root = root.clone();
        use_effect_with(
            (props.article.clone(), props.selected.clone()),
            move |(_, selected)| {
                if let Some(root) = root.cast::<Element>() {
                    show_selected(&root, selected.as_deref());
                }
            },
        );
    }
    let onclick = {
        let on_select = props.on_select.clone();
        move |event: MouseEvent| {
            let id = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|t| t.closest("[data-panel-entity-id]").ok().flatten())
                .and_then(|button| button.get_attribute("data-panel-entity-id"));
            if let Some(id) = id {
                on_select.emit(id);
            }
        }
    };
    html! {
        <div class="entity-panel" ref={root} {onclick}>{ Html::from_html_unchecked((*html).clone()) }</div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_format::article::Span;

    #[test]
    fn the_panel_lists_names_by_type_most_mentioned_first_escaped() {
        let entity = |id: &str, name: &str, entity_type, mentions: usize| Entity {
            id: id.into(),
            name: name.into(),
            entity_type,
            aliases: if id == "att" {
                vec!["<AT&T>".into()]
            } else {
                vec![]
            },
            mentions: (0..mentions)
                .map(|i| Span::new(i * 10, i * 10 + 2))
                .collect(),
        };
        let article = Article {
            entities: vec![
                entity("att", "AT&T \"Inc\"", EntityType::Organization, 1),
                entity("bob", "Bob", EntityType::Person, 1),
                entity("ann", "Ann", EntityType::Person, 3),
            ],
            ..crate::test_support::article(&[&"x".repeat(100)])
        };
        let html = panel_html(&article);
        let ids: Vec<&str> = html
            .split("data-panel-entity-id=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        assert_eq!(ids, ["ann", "bob", "att"], "people first, by mentions");
        assert!(html.contains("<h3 id=\"entities-per\">People</h3>"));
        assert!(html.contains(
            "<span class=\"entity-name\">AT&amp;T &quot;Inc&quot;<span class=\"aliases\">also “&lt;AT&amp;T&gt;”</span></span>"
        ));
        assert!(html.contains("href=\"#/entity/org-at-t-inc\""), "{html}");
        assert!(!html.contains("class=\"empty\""));
        let none = Article {
            entities: vec![],
            ..article
        };
        assert_eq!(
            panel_html(&none),
            "<p class=\"empty\">No names were found in this article.</p>"
        );
    }
}
