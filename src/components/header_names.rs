//! Names in the headline and the standfirst.
//!
//! The analysis reads the body only, so the headline and standfirst have no mentions of their
//! own. A name the body has — its name, an alias, or the words of one of its mentions — is
//! marked wherever it stands in them as a whole word, the longest first. The marks look and
//! select like the body's mentions but carry `data-name-id`, not `data-entity-id`: they are
//! found by matching, not by the analysis, and the DOM contract's mentions stay the analysis's.

use std::collections::HashSet;

use dateline_format::article::{Article, EntityType};
use web_sys::Element;

use crate::components::article_body::keep_one_tab_stop;
use crate::components::body_text::MentionLook;
use crate::components::elements;
use crate::markup::{escape, push_escaped};

/// The words that mark an entity in a headline: each with the index of its entity, longest
/// first (then the entity with more mentions), so "Donald Trump" wins over "Trump".
pub struct HeaderNames {
    words: Vec<(String, usize)>,
    looks: Vec<MentionLook>,
}

impl HeaderNames {
    /// The names of `article`, as its body has them.
    pub fn new(article: &Article) -> HeaderNames {
        let body: Vec<char> = article.body_text().chars().collect();
        let mut seen = HashSet::new();
        let mut words = Vec::new();
        for (index, entity) in article.entities.iter().enumerate() {
            let mentioned = entity
                .mentions
                .iter()
                .filter_map(|m| body.get(m.start..m.end))
                .map(|chars| chars.iter().collect::<String>());
            let forms = std::iter::once(entity.name.clone())
                .chain(entity.aliases.iter().cloned())
                .chain(mentioned);
            for form in forms {
                let form = form.trim().to_string();
                // One letter is too little to know a name by.
                if form.chars().count() >= 2 && seen.insert(form.clone()) {
                    words.push((form, index));
                }
            }
        }
        let mentions = |index: usize| article.entities[index].mentions.len();
        words.sort_by(|a, b| {
            b.0.chars()
                .count()
                .cmp(&a.0.chars().count())
                .then_with(|| mentions(b.1).cmp(&mentions(a.1)))
                .then_with(|| a.0.cmp(&b.0))
        });
        HeaderNames {
            words,
            looks: article.entities.iter().map(MentionLook::of).collect(),
        }
    }

    /// Where names stand in `text`: byte ranges with the index of their entity, by position.
    fn find(&self, text: &str) -> Vec<(std::ops::Range<usize>, usize)> {
        let mut found: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
        for (word, entity) in &self.words {
            for (at, _) in text.match_indices(word.as_str()) {
                let range = at..at + word.len();
                let whole = !text[..range.start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                    && !text[range.end..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                let free = found
                    .iter()
                    .all(|(r, _)| r.end <= range.start || range.end <= r.start);
                if whole && free {
                    found.push((range, *entity));
                }
            }
        }
        found.sort_by_key(|(range, _)| range.start);
        found
    }

    /// `text` as HTML, its names marked in their resting state (nothing selected).
    pub fn marked(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() * 2);
        let mut at = 0;
        for (range, entity) in self.find(text) {
            push_escaped(&mut out, &text[at..range.start]);
            let name = escape(&text[range.clone()]);
            self.looks[entity].write_mark(&mut out, "data-name-id", &name, false);
            at = range.end;
        }
        push_escaped(&mut out, &text[at..]);
        out
    }
}

/// Brings the names under `root` to the reader's selection and legend: a selected entity's
/// names are pressed, a hidden type's are plain text (no button, no tab stop). Like the text,
/// the header is one tab stop (`article_body`'s roving tabindex): one shown name has
/// `tabindex="0"`, the others `-1`.
pub fn show(root: &Element, selected: Option<&str>, hidden: &[EntityType]) {
    for name in elements::<Element>(root, "mark[data-name-id]") {
        let off = name
            .get_attribute("data-entity-type")
            .and_then(|code| EntityType::from_code(&code))
            .is_some_and(|t| hidden.contains(&t));
        let is_selected = !off && name.get_attribute("data-name-id").as_deref() == selected;
        if is_selected {
            name.set_attribute("data-selected", "true").ok();
        } else {
            name.remove_attribute("data-selected").ok();
        }
        if off {
            name.set_attribute("data-off", "").ok();
            for attribute in ["role", "aria-pressed", "tabindex"] {
                name.remove_attribute(attribute).ok();
            }
        } else {
            name.remove_attribute("data-off").ok();
            name.set_attribute("role", "button").ok();
            if !name.has_attribute("tabindex") {
                name.set_attribute("tabindex", "-1").ok();
            }
            let pressed = if is_selected { "true" } else { "false" };
            name.set_attribute("aria-pressed", pressed).ok();
        }
    }
    keep_one_tab_stop(root);
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_format::article::{Entity, Span};

    fn entity(
        id: &str,
        name: &str,
        entity_type: EntityType,
        mentions: &[(usize, usize)],
    ) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            entity_type,
            aliases: vec![],
            mentions: mentions.iter().map(|&(s, e)| Span::new(s, e)).collect(),
        }
    }

    #[test]
    fn headline_names_are_the_bodys_longest_first_whole_words_and_escaped() {
        // Body: "Donald Trump met Putin. Trump & co." — "Trump" is a mention of Donald Trump.
        let mut article = crate::test_support::article(&["Donald Trump met Putin. Trump & co."]);
        article.entities = vec![
            entity(
                "donald-trump",
                "Donald Trump",
                EntityType::Person,
                &[(0, 12), (24, 29)],
            ),
            entity("putin", "Putin", EntityType::Person, &[(17, 22)]),
            entity("g20", "G20", EntityType::Miscellaneous, &[]),
        ];
        let names = HeaderNames::new(&article);
        let html = names.marked("Trump <and> Donald Trump meet Putinism, Putin at the G20");
        let marked: Vec<&str> = html
            .split("data-name-id=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        assert_eq!(marked, ["donald-trump", "donald-trump", "putin", "g20"]);
        assert!(html.starts_with("<mark class=\"mention per\" data-name-id=\"donald-trump\""));
        assert!(
            html.contains("&lt;and&gt; <mark"),
            "text between names is escaped: {html}"
        );
        assert!(
            html.contains(">Donald Trump</mark> meet Putinism, <mark"),
            "{html}"
        );
        assert!(html.contains("data-tip=\"Donald Trump · Person · 2 mentions\""));
        assert_eq!(names.marked("No names here."), "No names here.");
        assert_eq!(names.marked(""), "");
    }

    #[test]
    fn odd_unicode_around_names_keeps_every_character() {
        let mut article = crate::test_support::article(&["Köln is big."]);
        article.entities = vec![entity("koln", "Köln", EntityType::Location, &[(0, 4)])];
        let names = HeaderNames::new(&article);
        assert_eq!(
            names.marked("👩‍👩‍👧 in Köln, not Kölner"),
            "👩‍👩‍👧 in <mark class=\"mention loc\" data-name-id=\"koln\" data-entity-type=\"LOC\" \
             data-tip=\"Köln · Place · 1 mention\" tabindex=\"-1\" role=\"button\" aria-pressed=\"false\">Köln</mark>, not Kölner"
        );
    }
}
