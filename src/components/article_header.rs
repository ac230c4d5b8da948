//! The article's header: the headline and standfirst with the body's names marked in them
//! (`header_names`), the source, publication date and reading time, the export buttons, and any
//! tools the page adds (the reader's own articles: rename, delete, corrections).

use dateline_format::article::{Article, EntityType};
use web_sys::Element;
use yew::prelude::*;

use crate::components::article_body;
use crate::components::export_bar::ExportBar;
use crate::components::header_names::{self, HeaderNames};
use crate::data::Shared;
use crate::dates::{display_date, display_published, reading_minutes};

/// Props of [`ArticleHeader`].
#[derive(Properties, PartialEq)]
pub struct ArticleHeaderProps {
    /// The article.
    pub article: Shared<Article>,
    /// The selected entity: its names in the headline are pressed.
    pub selected_entity: Option<AttrValue>,
    /// Types whose highlighting is off.
    pub hidden: Vec<EntityType>,
    /// Asks to select (or clear) an entity.
    pub on_select_entity: Callback<String>,
    /// Tools shown under the headline.
    #[prop_or_default]
    pub children: Html,
}

/// The header of the reading view.
#[function_component(ArticleHeader)]
pub fn article_header(props: &ArticleHeaderProps) -> Html {
    let article = &props.article;
    // These walk the whole article: once per article, not on every selection.
    let words = *use_memo(article.clone(), |article| article.word_count());
    let (title, standfirst) = (*use_memo(article.clone(), |article| {
        let names = HeaderNames::new(article);
        (
            AttrValue::from(names.marked(&article.title)),
            AttrValue::from(names.marked(&article.standfirst)),
        )
    }))
    .clone();
    // The names in the headline and standfirst follow the selection and the legend in the DOM,
    // like the body's mentions.
    let header = use_node_ref();
    {
        let header = header.clone();
        let state = (
            article.clone(),
            props.selected_entity.clone(),
            props.hidden.clone(),
        );
        use_effect_with(state, move |(_, selected, hidden)| {
            if let Some(header) = header.cast::<Element>() {
                header_names::show(&header, selected.as_deref(), hidden);
            }
        });
    }
    // The header's names select like the text's mentions and are one tab stop, like the text.
    let onclick = {
        let on_select = props.on_select_entity.clone();
        move |event: MouseEvent| article_body::on_click(&event, &on_select)
    };
    let onkeydown = {
        let on_select = props.on_select_entity.clone();
        move |event: KeyboardEvent| article_body::on_key(&event, &on_select)
    };
    html! {
        <header class="article-header" ref={header} {onclick} {onkeydown}
            onfocusin={article_body::take_tab_stop}>
            <h1 id="article-title">{ Html::from_html_unchecked(title) }</h1>
            if !article.standfirst.is_empty() { <p class="standfirst">{ Html::from_html_unchecked(standfirst) }</p> }
            <p class="meta">
                if !article.source.is_empty() { <span class="source">{&article.source}</span> }
                if let Some(published) = &article.published {
                    <span class="published" data-inferred={article.published_inferred.then_some("true")}>
                        <time datetime={published.clone()}>{display_date(published)}</time>
                        if article.published_inferred { {" (from the article's dateline)"} }
                    </span>
                } else {
                    <span class="published date-unknown">{display_published(None, false)}</span>
                }
                <span>{format!("{} min read", reading_minutes(words))}</span>
            </p>
            <ExportBar article={article.clone()} />
            { props.children.clone() }
        </header>
    }
}
