//! Exact-span, exact-type precision, recall and F1, overall and per type.

use std::fmt;

use dateline_engine::ner::tags::type_index;
use dateline_engine::ner::SentenceEntities;
use dateline_format::article::EntityType;

/// Counts of true positives, predictions and gold entities.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Overall and per-type counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub overall: Counts,
    pub by_type: [Counts; 4],
}

impl Scores {
    /// Adds one sentence.
    pub fn add(&mut self, gold: &SentenceEntities, predicted: &SentenceEntities) {
        for g in gold {
            self.overall.gold += 1;
            self.by_type[type_index(g.2)].gold += 1;
        }
        for p in predicted {
            self.overall.predicted += 1;
            self.by_type[type_index(p.2)].predicted += 1;
            if gold.contains(p) {
                self.overall.correct += 1;
                self.by_type[type_index(p.2)].correct += 1;
            }
        }
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "F1 {:.2}", 100.0 * self.overall.f1())?;
        for ty in EntityType::ALL {
            write!(
                f,
                " {} {:.2}",
                ty.code(),
                100.0 * self.by_type[type_index(ty)].f1()
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_exact_matches() {
        let mut s = Scores::default();
        let gold = vec![(0, 2, EntityType::Person), (3, 4, EntityType::Location)];
        let pred = vec![
            (0, 2, EntityType::Person),
            (3, 4, EntityType::Organization),
            (5, 6, EntityType::Person),
        ];
        s.add(&gold, &pred);
        assert_eq!(
            s.overall,
            Counts {
                correct: 1,
                predicted: 3,
                gold: 2
            }
        );
        assert!((s.overall.f1() - 0.4).abs() < 1e-9);
        assert_eq!(s.by_type[type_index(EntityType::Location)].f1(), 0.0);
        assert_eq!(Counts::default().f1(), 0.0);
        assert!(s.to_string().starts_with("F1 40.00 PER 66.67"));
    }
}
