//! Training: a structured averaged perceptron (Collins 2002) over BILOU tags with Viterbi decoding.
//!
//! Gazetteer features are jackknifed: the training documents are split into folds and each fold
//! sees a gazetteer built from the other folds only, so the model learns how much a match is worth
//! for a name it has not seen before (as at tagging time), not that every training name matches.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use dateline_engine::ner::features::{
    self, history_features, static_features, DocContext, FeatureKey, History, SentenceFeatures,
};
use dateline_engine::ner::tags::{self, spans_to_tags, type_index, NUM_TAGS};
use dateline_engine::ner::{Gazetteer, ModelParts, NerModel};
use dateline_engine::rng::SeededRng;

use crate::conll::Document;
use crate::score::Scores;

/// Keys are already hashes: use them as they are.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u32(&mut self, v: u32) {
        self.0 = u64::from(v);
    }
}

type KeyMap<V> = HashMap<FeatureKey, V, BuildHasherDefault<KeyHasher>>;

/// Training settings.
#[derive(Clone, Debug)]
pub struct Settings {
    pub epochs: usize,
    pub patience: usize,
    pub seed: u64,
    pub folds: usize,
    /// Minimum times a phrase must be seen as an entity type to enter the gazetteer.
    pub min_gazetteer_count: u32,
    /// Quantization: the `quantile` of absolute weights maps to 127 steps.
    pub quantile: f64,
    /// Drop feature rows whose largest weight is below this many quantization steps.
    pub prune: f32,
}

/// Phrase -> counts per entity type, from gold annotations.
#[derive(Clone, Debug, Default)]
pub struct NameCounts(HashMap<String, [u32; 4]>);

impl NameCounts {
    pub fn from_documents<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Self {
        let mut counts = NameCounts::default();
        for doc in docs {
            for s in &doc.sentences {
                for &(start, end, ty) in &s.entities {
                    let phrase = s.tokens[start..end].join(" ").to_lowercase();
                    counts.0.entry(phrase).or_default()[type_index(ty)] += 1;
                }
            }
        }
        counts
    }

    fn subtract(&self, other: &NameCounts) -> NameCounts {
        let mut out = self.0.clone();
        for (phrase, c) in &other.0 {
            if let Some(mine) = out.get_mut(phrase) {
                for (m, o) in mine.iter_mut().zip(c) {
                    *m -= o;
                }
            }
        }
        NameCounts(out)
    }

    pub fn gazetteer(&self, min_count: u32) -> Gazetteer {
        let mut g = Gazetteer::new();
        for (phrase, counts) in &self.0 {
            let mask = counts
                .iter()
                .enumerate()
                .filter(|(_, &c)| c >= min_count)
                .fold(0u8, |m, (t, _)| m | 1 << t);
            g.insert(phrase, mask);
        }
        g
    }
}

struct TrainSentence {
    tokens: Vec<String>,
    gold: Vec<u8>,
    features: SentenceFeatures,
}

struct Weights {
    ids: KeyMap<u32>,
    keys: Vec<FeatureKey>,
    w: Vec<[f32; NUM_TAGS]>,
    /// Sum of `step * update`, for averaging.
    u: Vec<[f32; NUM_TAGS]>,
    trans: Vec<f32>,
    trans_u: Vec<f32>,
    step: f32,
}

impl Weights {
    fn new() -> Self {
        Weights {
            ids: KeyMap::default(),
            keys: Vec::new(),
            w: Vec::new(),
            u: Vec::new(),
            trans: vec![0.0; NUM_TAGS * NUM_TAGS],
            trans_u: vec![0.0; NUM_TAGS * NUM_TAGS],
            step: 1.0,
        }
    }

    fn id(&mut self, key: FeatureKey) -> usize {
        let next = self.keys.len() as u32;
        let id = *self.ids.entry(key).or_insert(next);
        if id == next {
            self.keys.push(key);
            self.w.push([0.0; NUM_TAGS]);
            self.u.push([0.0; NUM_TAGS]);
        }
        id as usize
    }

    fn emissions(
        &self,
        fixed: &SentenceFeatures,
        dynamic: &SentenceFeatures,
    ) -> Vec<[f32; NUM_TAGS]> {
        features::emissions(fixed, dynamic, |key, scores| {
            if let Some(&id) = self.ids.get(&key) {
                for (s, w) in scores.iter_mut().zip(&self.w[id as usize]) {
                    *s += w;
                }
            }
        })
    }

    fn update(
        &mut self,
        fixed: &SentenceFeatures,
        dynamic: &SentenceFeatures,
        gold: &[u8],
        predicted: &[u8],
    ) {
        let step = self.step;
        for (i, (&g, &p)) in gold.iter().zip(predicted).enumerate() {
            if g != p {
                for &key in fixed.token(i).iter().chain(dynamic.token(i)) {
                    let id = self.id(key);
                    self.w[id][g as usize] += 1.0;
                    self.u[id][g as usize] += step;
                    self.w[id][p as usize] -= 1.0;
                    self.u[id][p as usize] -= step;
                }
            }
            if i > 0 {
                let gt = gold[i - 1] as usize * NUM_TAGS + g as usize;
                let pt = predicted[i - 1] as usize * NUM_TAGS + p as usize;
                if gt != pt {
                    self.trans[gt] += 1.0;
                    self.trans_u[gt] += step;
                    self.trans[pt] -= 1.0;
                    self.trans_u[pt] -= step;
                }
            }
        }
    }

    /// The averaged weights.
    fn averaged(&self, gazetteer: &Gazetteer) -> ModelParts {
        let avg = |w: f32, u: f32| w - u / self.step;
        let weights = self
            .keys
            .iter()
            .zip(self.w.iter().zip(&self.u))
            .map(|(&k, (w, u))| (k, std::array::from_fn(|t| avg(w[t], u[t]))))
            .collect();
        let transitions = self
            .trans
            .iter()
            .zip(&self.trans_u)
            .map(|(&w, &u)| avg(w, u))
            .collect();
        ModelParts {
            gazetteer: gazetteer.clone(),
            transitions,
            weights,
        }
    }
}

/// The weight that maps to 127 quantization steps: the `quantile` of absolute non-zero weights.
pub fn quantization_scale(parts: &ModelParts, quantile: f64) -> f32 {
    let mut all: Vec<f32> = parts
        .weights
        .iter()
        .flat_map(|(_, w)| w.iter().map(|x| x.abs()))
        .filter(|&x| x > 0.0)
        .collect();
    if all.is_empty() {
        return 1.0;
    }
    let k = ((all.len() - 1) as f64 * quantile.clamp(0.0, 1.0)) as usize;
    let (_, &mut v, _) = all.select_nth_unstable_by(k, f32::total_cmp);
    (v / 127.0).max(f32::MIN_POSITIVE)
}

/// Scores a model on documents.
pub fn evaluate(model: &NerModel, docs: &[Document]) -> Scores {
    let mut scores = Scores::default();
    for doc in docs {
        let predicted = model.tag_document(&doc.token_refs());
        for (s, p) in doc.sentences.iter().zip(&predicted) {
            scores.add(&s.entities, p);
        }
    }
    scores
}

/// Trains on `train`, picks the epoch with the best quantized dev F1, returns that model.
pub fn train(train: &[Document], dev: &[Document], settings: &Settings) -> NerModel {
    let folds = settings.folds.max(2);
    let all_counts = NameCounts::from_documents(train);
    let fold_gazetteers: Vec<Gazetteer> = (0..folds)
        .map(|f| {
            let held = NameCounts::from_documents(
                train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % folds == f)
                    .map(|(_, d)| d),
            );
            all_counts
                .subtract(&held)
                .gazetteer(settings.min_gazetteer_count)
        })
        .collect();
    let gazetteer = all_counts.gazetteer(settings.min_gazetteer_count);
    eprintln!("gazetteer: {} phrases", gazetteer.len());

    let mut weights = Weights::new();
    let data: Vec<Vec<TrainSentence>> = train
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let refs = doc.token_refs();
            let ctx = DocContext::new(&refs);
            doc.sentences
                .iter()
                .zip(&refs)
                .map(|(s, r)| {
                    let mut features = SentenceFeatures::new();
                    static_features(r, &ctx, &fold_gazetteers[i % folds], &mut features);
                    TrainSentence {
                        tokens: s.tokens.clone(),
                        gold: spans_to_tags(s.tokens.len(), &s.entities),
                        features,
                    }
                })
                .collect()
        })
        .collect();

    let mut rng = SeededRng::new(settings.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut best: Option<(f64, usize, NerModel)> = None;
    let mut dynamic = SentenceFeatures::new();
    for epoch in 1..=settings.epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0usize;
        for &d in &order {
            let mut history = History::new();
            for s in &data[d] {
                let refs: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                history_features(&refs, &history, &mut dynamic);
                let predicted =
                    tags::viterbi(&weights.emissions(&s.features, &dynamic), &weights.trans);
                if predicted != s.gold {
                    mistakes += 1;
                    weights.update(&s.features, &dynamic, &s.gold, &predicted);
                }
                weights.step += 1.0;
                history.record(&refs, &predicted);
            }
        }
        let mut parts = weights.averaged(&gazetteer);
        let scale = quantization_scale(&parts, settings.quantile);
        let floor = settings.prune * scale;
        parts
            .weights
            .retain(|(_, w)| w.iter().any(|x| x.abs() >= floor));
        let model = NerModel::from_parts(&parts, scale);
        let scores = evaluate(&model, dev);
        let f1 = scores.overall.f1();
        eprintln!(
            "epoch {epoch:2}: {mistakes} sentences wrong in training; dev {scores} ({} features)",
            model.feature_count()
        );
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, epoch, model));
        } else if best
            .as_ref()
            .is_some_and(|b| epoch - b.1 >= settings.patience)
        {
            eprintln!("no gain for {} epochs: stopping", settings.patience);
            break;
        }
    }
    match best {
        Some((f1, epoch, model)) => {
            eprintln!("best: epoch {epoch}, dev F1 {:.2}", 100.0 * f1);
            model
        }
        None => NerModel::from_parts(
            &ModelParts {
                gazetteer,
                ..ModelParts::default()
            },
            1.0,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conll::parse;

    const TOY: &str = "-DOCSTART- -X- O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\
        visited VBD I-VP O\nParis NNP I-NP I-LOC\n. . O O\n\n\
        -DOCSTART- -X- O O\n\nJohn NNP I-NP I-PER\nSmith NNP I-NP I-PER\nleft VBD I-VP O\n\
        Berlin NNP I-NP I-LOC\n. . O O\n";

    #[test]
    fn learns_a_toy_corpus() {
        let docs = parse(TOY).unwrap();
        let settings = Settings {
            epochs: 5,
            patience: 5,
            seed: 7,
            folds: 2,
            min_gazetteer_count: 1,
            quantile: 0.999,
            prune: 0.0,
        };
        let model = train(&docs, &docs, &settings);
        let scores = evaluate(&model, &docs);
        assert_eq!(scores.overall.f1(), 1.0);
        // Same seed, same bytes.
        assert_eq!(train(&docs, &docs, &settings).to_bytes(), model.to_bytes());
    }

    #[test]
    fn gazetteer_thresholds() {
        let docs = parse(TOY).unwrap();
        let counts = NameCounts::from_documents(&docs);
        assert_eq!(counts.gazetteer(1).get("paris"), Some(0b100));
        assert!(counts.gazetteer(2).is_empty());
        assert!(counts.subtract(&counts).gazetteer(1).is_empty());
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut items: Vec<u32> = (0..50).collect();
        SeededRng::new(3).shuffle(&mut items);
        let mut sorted = items.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(items, sorted);
    }
}
