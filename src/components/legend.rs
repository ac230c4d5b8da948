//! The legend: one toggle a type, with its count, that shows or hides that type's highlighting.

use dateline_format::article::EntityType;
use yew::prelude::*;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// Mentions counted by type, in display order.
    pub counts: Vec<(EntityType, usize)>,
    /// Types whose highlighting is off.
    pub hidden: Vec<EntityType>,
    /// Asks to flip a type.
    pub on_toggle: Callback<EntityType>,
}

/// Toggle buttons per entity type (`aria-pressed` says whether it is highlighted).
#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    html! {
        <div class="legend" role="group" aria-label="Highlight names by type">
            { for props.counts.iter().map(|&(entity_type, count)| {
                let shown = !props.hidden.contains(&entity_type);
                let on_toggle = props.on_toggle.clone();
                html! {
                    <button
                        key={entity_type.code()}
                        type="button"
                        class={classes!("legend-item", entity_type.code().to_ascii_lowercase(), (!shown).then_some("off"))}
                        aria-pressed={shown.to_string()}
                        data-legend-type={entity_type.code()}
                        title={if shown { format!("Hide {} highlighting", entity_type.plural_label().to_ascii_lowercase()) } else { format!("Show {} highlighting", entity_type.plural_label().to_ascii_lowercase()) }}
                        onclick={move |_| on_toggle.emit(entity_type)}
                    >
                        <span class="swatch" aria-hidden="true"></span>
                        <span class="legend-label">{entity_type.plural_label()}</span>
                        <span class="count">{count}</span>
                    </button>
                }
            }) }
        </div>
    }
}
