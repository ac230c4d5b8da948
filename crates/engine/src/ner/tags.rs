//! The BILOU tag set and the conversions between tag sequences and entity spans.
//!
//! Tag `0` is `O`; entity type `t` (its index in [`EntityType::ALL`]) owns tags `1 + 4t ..= 4 + 4t`
//! for `B`egin, `I`nside, `L`ast and `U`nit. Decoding only ever produces well-formed sequences, so
//! [`tags_to_spans`] can be strict; it still copes with ill-formed input without panicking.

use dateline_format::article::EntityType;

/// Number of tags: `O` plus four positions for each of the four entity types.
pub const NUM_TAGS: usize = 17;

/// The tag outside every entity.
pub const OUTSIDE: u8 = 0;

/// Where a token sits inside its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// First token of a multi-token entity.
    Begin,
    /// Neither first nor last token of a multi-token entity.
    Inside,
    /// Last token of a multi-token entity.
    Last,
    /// The only token of a one-token entity.
    Unit,
}

/// Index of `ty` in [`EntityType::ALL`].
pub fn type_index(ty: EntityType) -> usize {
    match ty {
        EntityType::Person => 0,
        EntityType::Organization => 1,
        EntityType::Location => 2,
        EntityType::Miscellaneous => 3,
    }
}

/// The tag for `ty` at `pos`.
pub fn tag(ty: EntityType, pos: Position) -> u8 {
    let p = match pos {
        Position::Begin => 1,
        Position::Inside => 2,
        Position::Last => 3,
        Position::Unit => 4,
    };
    (type_index(ty) * 4 + p) as u8
}

/// The entity type and position of a tag, `None` for `O` and out-of-range tags.
pub fn split(tag: u8) -> Option<(EntityType, Position)> {
    if tag == OUTSIDE || tag as usize >= NUM_TAGS {
        return None;
    }
    let t = (tag - 1) as usize;
    let pos = match t % 4 {
        0 => Position::Begin,
        1 => Position::Inside,
        2 => Position::Last,
        _ => Position::Unit,
    };
    Some((EntityType::ALL[t / 4], pos))
}

/// Whether `cur` may follow `prev` (`None` = sentence start).
pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
    let open = |t: u8| matches!(split(t), Some((_, Position::Begin | Position::Inside)));
    match (prev.filter(|&p| open(p)), split(cur)) {
        // After O, L, U or at the start: only O, B or U.
        (None, None) => true,
        (None, Some((_, pos))) => matches!(pos, Position::Begin | Position::Unit),
        // Inside an open entity: continue or close it, with the same type.
        (Some(_), None) => false,
        (Some(p), Some((ty, pos))) => {
            matches!(pos, Position::Inside | Position::Last) && split(p).map(|(t, _)| t) == Some(ty)
        }
    }
}

/// Whether a sentence may end on `tag`.
pub fn allowed_last(tag: u8) -> bool {
    !matches!(split(tag), Some((_, Position::Begin | Position::Inside)))
}

/// `allowed` as a table, `[previous][current]`, for the decoder's inner loop.
const TRANSITION_OK: [[bool; NUM_TAGS]; NUM_TAGS] = {
    const fn is_open(t: usize) -> bool {
        t != 0 && (t - 1) % 4 < 2
    }
    const fn may_follow(prev: usize, cur: usize) -> bool {
        let pos = if cur == 0 { 4 } else { (cur - 1) % 4 };
        if !is_open(prev) {
            cur == 0 || pos == 0 || pos == 3
        } else {
            cur != 0 && (pos == 1 || pos == 2) && (cur - 1) / 4 == (prev - 1) / 4
        }
    }
    let mut table = [[false; NUM_TAGS]; NUM_TAGS];
    let mut p = 0;
    while p < NUM_TAGS {
        let mut c = 0;
        while c < NUM_TAGS {
            table[p][c] = may_follow(p, c);
            c += 1;
        }
        p += 1;
    }
    table
};

/// BILOU tags for `n` tokens with the given entity spans (token ranges, end exclusive).
///
/// Empty, out-of-range or overlapping spans are skipped (the later one loses).
pub fn spans_to_tags(n: usize, spans: &[(usize, usize, EntityType)]) -> Vec<u8> {
    let mut tags = vec![OUTSIDE; n];
    for &(start, end, ty) in spans {
        if start >= end || end > n || tags[start..end].iter().any(|&t| t != OUTSIDE) {
            continue;
        }
        if end - start == 1 {
            tags[start] = tag(ty, Position::Unit);
            continue;
        }
        tags[start] = tag(ty, Position::Begin);
        for t in &mut tags[start + 1..end - 1] {
            *t = tag(ty, Position::Inside);
        }
        tags[end - 1] = tag(ty, Position::Last);
    }
    tags
}

/// Entity spans (token ranges, end exclusive) from BILOU tags.
///
/// Lenient with ill-formed sequences: an entity runs from a `B` (or a stray `I`/`L`) while the type
/// stays the same, and ends at an `L`, a `U`, a type change or `O`.
pub fn tags_to_spans(tags: &[u8]) -> Vec<(usize, usize, EntityType)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let cur = split(t);
        if let Some((start, ty)) = open {
            let continues =
                matches!(cur, Some((cty, Position::Inside | Position::Last)) if cty == ty);
            if !continues {
                spans.push((start, i, ty));
                open = None;
            }
        }
        match cur {
            None => {}
            Some((ty, Position::Unit)) => spans.push((i, i + 1, ty)),
            Some((ty, Position::Last)) => {
                let start = open.take().map_or(i, |(s, _)| s);
                spans.push((start, i + 1, ty));
            }
            Some((ty, Position::Begin | Position::Inside)) if open.is_none() => {
                open = Some((i, ty));
            }
            Some(_) => {}
        }
    }
    if let Some((start, ty)) = open {
        spans.push((start, tags.len(), ty));
    }
    spans
}

/// The best tag sequence under BILOU constraints (Viterbi).
///
/// `emissions[i][t]` scores tag `t` at token `i`; `transitions[p * NUM_TAGS + t]` scores `t` after
/// `p`. A `transitions` slice of the wrong length counts as all zeros.
pub fn viterbi(emissions: &[[f32; NUM_TAGS]], transitions: &[f32]) -> Vec<u8> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let zeros = [0.0; NUM_TAGS * NUM_TAGS];
    let trans = if transitions.len() == NUM_TAGS * NUM_TAGS {
        transitions
    } else {
        &zeros
    };
    let mut score = [f32::NEG_INFINITY; NUM_TAGS];
    for (t, s) in score.iter_mut().enumerate() {
        if allowed(None, t as u8) {
            *s = emissions[0][t];
        }
    }
    // Only a few tags may precede each tag; list them once.
    let mut preds = [[0u8; NUM_TAGS]; NUM_TAGS];
    let mut pred_count = [0usize; NUM_TAGS];
    for t in 0..NUM_TAGS {
        for (p, row) in TRANSITION_OK.iter().enumerate() {
            if row[t] {
                preds[t][pred_count[t]] = p as u8;
                pred_count[t] += 1;
            }
        }
    }
    let mut back = vec![[0u8; NUM_TAGS]; n];
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; NUM_TAGS];
        for t in 0..NUM_TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            // Selects, not branches: which predecessor wins is as good as random to a branch
            // predictor. The first of equal scores wins, as with `if s > best`.
            for &p in &preds[t][..pred_count[t]] {
                let s = score[p as usize] + trans[p as usize * NUM_TAGS + t];
                let better = score[p as usize] > f32::NEG_INFINITY && s > best;
                best = if better { s } else { best };
                arg = if better { p } else { arg };
            }
            next[t] = best + emissions[i][t];
            back[i][t] = arg;
        }
        score = next;
    }
    let mut last = OUTSIDE;
    let mut best = f32::NEG_INFINITY;
    for (t, &s) in score.iter().enumerate() {
        if allowed_last(t as u8) && s > best {
            best = s;
            last = t as u8;
        }
    }
    let mut out = vec![OUTSIDE; n];
    out[n - 1] = last;
    for i in (1..n).rev() {
        out[i - 1] = back[i][out[i] as usize];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_split_round_trip() {
        for ty in EntityType::ALL {
            for pos in [
                Position::Begin,
                Position::Inside,
                Position::Last,
                Position::Unit,
            ] {
                let t = tag(ty, pos);
                assert!((1..NUM_TAGS as u8).contains(&t));
                assert_eq!(split(t), Some((ty, pos)));
            }
        }
        assert_eq!(split(OUTSIDE), None);
        assert_eq!(split(200), None);
    }

    #[test]
    fn spans_round_trip() {
        let spans = vec![
            (0, 2, EntityType::Person),
            (3, 4, EntityType::Location),
            (4, 7, EntityType::Organization),
        ];
        let tags = spans_to_tags(8, &spans);
        assert_eq!(tags_to_spans(&tags), spans);
        for w in tags.windows(2) {
            assert!(allowed(Some(w[0]), w[1]));
        }
        assert!(allowed(None, tags[0]));
        assert!(allowed_last(tags[7]));
    }

    #[test]
    fn bad_spans_are_skipped() {
        let spans = vec![(2, 1, EntityType::Person), (0, 9, EntityType::Person)];
        assert_eq!(spans_to_tags(3, &spans), vec![OUTSIDE; 3]);
    }

    #[test]
    fn lenient_decoding() {
        let i_per = tag(EntityType::Person, Position::Inside);
        let u_loc = tag(EntityType::Location, Position::Unit);
        let spans = tags_to_spans(&[i_per, i_per, u_loc, i_per]);
        assert_eq!(
            spans,
            vec![
                (0, 2, EntityType::Person),
                (2, 3, EntityType::Location),
                (3, 4, EntityType::Person)
            ]
        );
    }

    #[test]
    fn viterbi_respects_constraints() {
        // Emissions alone would give B-PER, O: invalid.
        let mut e = [[0.0f32; NUM_TAGS]; 2];
        let b = tag(EntityType::Person, Position::Begin) as usize;
        let u = tag(EntityType::Person, Position::Unit) as usize;
        e[0][b] = 5.0;
        e[0][u] = 1.0;
        e[1][OUTSIDE as usize] = 6.0;
        let path = viterbi(&e, &[]);
        assert_eq!(path, vec![u as u8, OUTSIDE]);
        assert!(viterbi(&[], &[]).is_empty());
        // NaN scores must not panic either.
        let nan = [[f32::NAN; NUM_TAGS]; 3];
        assert_eq!(viterbi(&nan, &[0.0; NUM_TAGS * NUM_TAGS]).len(), 3);
    }

    #[test]
    fn transition_table_matches_allowed() {
        for (p, row) in TRANSITION_OK.iter().enumerate() {
            for (t, &ok) in row.iter().enumerate() {
                assert_eq!(ok, allowed(Some(p as u8), t as u8), "{p} -> {t}");
            }
        }
    }

    #[test]
    fn transitions() {
        let b = tag(EntityType::Person, Position::Begin);
        let l = tag(EntityType::Person, Position::Last);
        let l_org = tag(EntityType::Organization, Position::Last);
        assert!(allowed(None, b));
        assert!(!allowed(None, l));
        assert!(allowed(Some(b), l));
        assert!(!allowed(Some(b), l_org));
        assert!(!allowed(Some(b), OUTSIDE));
        assert!(!allowed_last(b));
    }
}
