//! Merging mentions into entities, whatever found them: forms of one word-list entry ("U.S.",
//! "United States"), exact repeats, short forms of people ("Putin" → "Vladimir Putin") and
//! acronyms of organisations. The canonical name is the longest form (or the word lists' usual
//! one), the type the one with the strongest evidence over all mentions, the id a unique slug.

use crate::fast_hash::{FastMap, FastSet};

use super::Mention;
use crate::analysis::word_lists::{normalize, WordLists};
use dateline_format::article::{Entity, EntityType, Span};
use dateline_format::library::names::{slug, unique_id};

/// The mentions of one entity so far.
struct Group {
    /// The word lists' usual form, for known names.
    usual: Option<String>,
    /// Surface forms in order of first appearance.
    surfaces: Vec<String>,
    mentions: Vec<Span>,
    votes: [u32; 4],
    /// The strongest evidence of any mention.
    max_strength: u8,
    /// Merged into another group.
    merged: bool,
}

impl Group {
    fn new(usual: Option<String>) -> Group {
        Group {
            usual,
            surfaces: Vec::new(),
            mentions: Vec::new(),
            votes: [0; 4],
            max_strength: 0,
            merged: false,
        }
    }

    fn add(&mut self, surface: String, mention: &Mention) {
        if !self.surfaces.contains(&surface) {
            self.surfaces.push(surface);
        }
        self.mentions.push(mention.span);
        self.votes[type_index(mention.entity_type)] += 1 + u32::from(mention.strength) * 2;
        self.max_strength = self.max_strength.max(mention.strength);
    }

    fn entity_type(&self) -> EntityType {
        let mut best = 0;
        for (k, v) in self.votes.iter().enumerate() {
            if *v > self.votes[best] {
                best = k;
            }
        }
        EntityType::ALL[best]
    }

    /// The usual form when the text uses it ("Russian" over "Russians"), else the longest form.
    fn name(&self) -> &str {
        if let Some(usual) = self.usual.as_ref().filter(|u| self.surfaces.contains(u)) {
            return usual;
        }
        let mut best: &str = "";
        for s in &self.surfaces {
            if s.chars().count() > best.chars().count() {
                best = s;
            }
        }
        best
    }
}

fn type_index(t: EntityType) -> usize {
    EntityType::ALL.iter().position(|x| *x == t).unwrap_or(0)
}

fn words_of(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(normalize)
        .collect()
}

/// Groups mentions into entities (see the module docs). `text` is the analysed text.
pub fn merge(text: &str, mentions: Vec<Mention>) -> Vec<Entity> {
    let chars: Vec<char> = text.chars().collect();
    let mentions = without_overlaps(mentions, chars.len());
    let mut groups = group_by_name(&chars, &mentions);
    fold_short_forms(&mut groups);
    into_entities(groups)
}

/// The mentions that lie in the text, in order; where two overlap, the one that starts first
/// (or, starting together, the longer) wins.
fn without_overlaps(mut mentions: Vec<Mention>, text_len: usize) -> Vec<Mention> {
    mentions.retain(|m| !m.span.is_empty() && m.span.end <= text_len);
    mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mention> = Vec::new();
    for m in mentions {
        if kept.last().is_none_or(|k| k.span.end <= m.span.start) {
            kept.push(m);
        }
    }
    kept
}

/// One group per listed entity the mentions name as its listed type ("U.S." and "United States"
/// together), and one per other name, compared without case, dots or a leading "the ".
fn group_by_name(chars: &[char], mentions: &[Mention]) -> Vec<Group> {
    let lists = WordLists::get();
    let mut groups: Vec<Group> = Vec::new();
    let mut by_key: FastMap<String, usize> = FastMap::default();
    for m in mentions {
        let surface: String = chars[m.span.start..m.span.end].iter().collect();
        let known = lists
            .lookup(&surface)
            .filter(|k| k.entity_type == m.entity_type);
        let key = match known {
            Some(known) => format!("known:{}", known.group),
            None => normalize(surface.strip_prefix("the ").unwrap_or(&surface)),
        };
        let g = *by_key.entry(key).or_insert_with(|| {
            groups.push(Group::new(known.map(|k| k.group.clone())));
            groups.len() - 1
        });
        groups[g].add(surface, m);
    }
    groups
}

/// Merges short forms into the longer name they stand for: "Putin" → "Vladimir Putin";
/// "NATO" → "North Atlantic Treaty Organization".
fn fold_short_forms(groups: &mut [Group]) {
    // Each group's name as words, worked out once and again only when its name may change (it
    // takes in another group): comparing every pair must not normalize every name every time.
    let mut names: Vec<NameWords> = groups.iter().map(|g| NameWords::of(g.name())).collect();
    for g in 0..groups.len() {
        if let Some(target) = longer_form_of(groups, &names, g) {
            move_into(groups, g, target);
            names[target] = NameWords::of(groups[target].name());
        }
    }
}

/// A name's normalized words and the initials an acronym of it would have.
struct NameWords {
    words: Vec<String>,
    initials: String,
}

impl NameWords {
    fn of(name: &str) -> NameWords {
        let lists = WordLists::get();
        let words = words_of(name);
        let initials = words
            .iter()
            .filter(|w| !lists.acronym_skipped_words.contains(*w))
            .filter_map(|w| w.chars().next())
            .collect();
        NameWords { words, initials }
    }
}

/// The group whose name group `g`'s name is a short form of; of several, the one with more
/// mentions.
fn longer_form_of(groups: &[Group], names: &[NameWords], g: usize) -> Option<usize> {
    let short = &groups[g];
    let words = &names[g].words;
    let short_type = short.entity_type();
    // Only guesses give way to another type: a listed or titled name keeps its own.
    let weak = short.max_strength <= 1;
    let mut target: Option<usize> = None;
    for (h, other) in groups.iter().enumerate() {
        if h == g || other.merged {
            continue;
        }
        let other_words = &names[h].words;
        if other_words.len() <= words.len() {
            continue;
        }
        let fits = match other.entity_type() {
            EntityType::Person if short_type == EntityType::Person || weak => {
                is_short_person(words, other_words)
            }
            EntityType::Organization if short_type == EntityType::Organization || weak => {
                is_acronym(words, &names[h].initials)
                    || other_words.starts_with(words) && short_type == EntityType::Organization
            }
            _ => false,
        };
        if fits {
            target = match target {
                Some(t) if groups[t].mentions.len() >= other.mentions.len() => Some(t),
                _ => Some(h),
            };
        }
    }
    target
}

/// "Putin" (or "Vladimir") for "Vladimir Putin"; "al-Assad" for "Bashar al-Assad".
fn is_short_person(words: &[String], full: &[String]) -> bool {
    words.len() == 1 && (full.last() == words.first() || full.first() == words.first())
        || words.len() == 2 && full.ends_with(words)
}

/// "FBI" for "Federal Bureau of Investigation" (words already normalized, so lower-case), given
/// the initials of the full name ([`NameWords`]).
fn is_acronym(words: &[String], initials: &str) -> bool {
    words.len() == 1 && initials.chars().count() >= 2 && initials == words[0]
}

/// Moves group `from`'s mentions and forms into group `to`, its votes going to `to`'s type.
fn move_into(groups: &mut [Group], from: usize, to: usize) {
    let moved = std::mem::take(&mut groups[from].mentions);
    let surfaces = std::mem::take(&mut groups[from].surfaces);
    let votes = groups[from].votes;
    groups[from].merged = true;
    let to = &mut groups[to];
    to.mentions.extend(moved);
    for s in surfaces {
        if !to.surfaces.contains(&s) {
            to.surfaces.push(s);
        }
    }
    let to_type = type_index(to.entity_type());
    to.votes[to_type] += votes.iter().sum::<u32>();
}

/// The groups left after merging, as entities in order of first mention, with unique ids.
fn into_entities(groups: Vec<Group>) -> Vec<Entity> {
    let mut live: Vec<Group> = groups
        .into_iter()
        .filter(|g| !g.merged && !g.mentions.is_empty())
        .collect();
    for g in &mut live {
        g.mentions.sort();
    }
    live.sort_by_key(|g| g.mentions.first().map_or(0, |m| m.start));
    let mut used: FastSet<String> = FastSet::default();
    live.into_iter()
        .map(|g| {
            let name = g.name().to_string();
            let id = unique_id(&slug(&name), &mut used);
            let aliases = g.surfaces.iter().filter(|s| **s != name).cloned().collect();
            Entity {
                id,
                name,
                entity_type: g.entity_type(),
                aliases,
                mentions: g.mentions,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::rule_mentions;
    use crate::analysis::segment::segment;
    use EntityType::{Location as Loc, Person as Per};

    #[test]
    fn merging_groups_short_forms() {
        let text = "Vladimir Putin met Donald Trump. Putin and Trump spoke of the U.S. and the United States.";
        let doc = segment(text);
        let mentions = rule_mentions(&doc, &vec![false; doc.tokens.len()]);
        let entities = merge(text, mentions);
        let names: Vec<(&str, &str, usize)> = entities
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str(), e.mentions.len()))
            .collect();
        assert_eq!(
            names,
            [
                ("vladimir-putin", "Vladimir Putin", 2),
                ("donald-trump", "Donald Trump", 2),
                ("united-states", "United States", 2)
            ]
        );
        let chars: Vec<char> = text.chars().collect();
        let putin = &entities[0];
        let got: Vec<String> = putin
            .mentions
            .iter()
            .map(|m| chars[m.start..m.end].iter().collect())
            .collect();
        assert_eq!(got, ["Vladimir Putin", "Putin"]);
        assert_eq!(putin.aliases, ["Putin"]);
    }

    #[test]
    fn ids_stay_unique() {
        // One "Georgia" read as the country, one as a person: two entities, one slug.
        let text = "Georgia met Georgia.";
        let mentions = vec![
            Mention {
                span: Span::new(0, 7),
                entity_type: Loc,
                strength: 3,
            },
            Mention {
                span: Span::new(12, 19),
                entity_type: Per,
                strength: 1,
            },
        ];
        let entities = merge(text, mentions);
        let ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["georgia", "georgia-2"]);
    }
}
