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
use crate::lexicon::Lexicon;
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
    /// Quantization: the `quantile` of absolute weights maps to 127 steps.
    pub quantile: f64,
    /// Drop feature rows whose largest weight is below this many quantization steps.
    pub prune: f32,
    /// Set single weights below this many quantization steps to zero (a smaller file).
    pub zero: f32,
    /// Feature dropout during training (0 = none).
    pub dropout: f32,
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
    unmarked: Vec<bool>,
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
    /// Share of features left out of each training step.
    dropout: f32,
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
            dropout: 0.0,
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
            if !self.dropped(key) {
                if let Some(&id) = self.ids.get(&key) {
                    for (s, w) in scores.iter_mut().zip(&self.w[id as usize]) {
                        *s += w;
                    }
                }
            }
        })
    }

    /// Feature dropout: whether `key` sits out the current training step (a fixed hash of the
    /// key and the step, so runs are reproducible).
    fn dropped(&self, key: FeatureKey) -> bool {
        if self.dropout <= 0.0 {
            return false;
        }
        let mut x = u64::from(key) ^ (self.step as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        ((x % 10_000) as f32) < self.dropout * 10_000.0
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
                    if self.dropped(key) {
                        continue;
                    }
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

/// A named dev set.
pub struct DevSet {
    pub name: String,
    pub docs: Vec<Document>,
}

/// Scores on each dev set and their mean F1 (what picks the epoch).
pub fn evaluate_all(model: &NerModel, devs: &[DevSet]) -> (f64, String) {
    let mut sum = 0.0;
    let mut report = String::new();
    for dev in devs {
        let scores = evaluate(model, &dev.docs);
        sum += scores.overall.f1();
        report.push_str(&format!("\n    {:<9} {scores}", dev.name));
    }
    let mean = sum / devs.len().max(1) as f64;
    (mean, format!("mean F1 {:.2}{report}", 100.0 * mean))
}

/// The gazetteer of the whole model (`None`) or of one jackknife fold (`Some(f)`: without the
/// names of fold `f`'s documents): the lexicons plus the names of the open documents.
fn gazetteer_for(train: &[Document], lexicon: &Lexicon, fold: Option<(usize, usize)>) -> Gazetteer {
    let counts = NameCounts::from_documents(
        train
            .iter()
            .enumerate()
            .filter(|(i, d)| d.open && fold.is_none_or(|(f, n)| i % n != f))
            .map(|(_, d)| d),
    );
    let mut g = counts.gazetteer(1);
    lexicon.fill(&mut g);
    g
}

fn prepare(train: &[Document], gazetteers: &[Gazetteer]) -> Vec<Vec<TrainSentence>> {
    let folds = gazetteers.len();
    train
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
                    static_features(r, &ctx, &gazetteers[i % folds], &mut features);
                    TrainSentence {
                        tokens: s.tokens.clone(),
                        gold: spans_to_tags(s.tokens.len(), &s.entities),
                        unmarked: s.unmarked.clone(),
                        features,
                    }
                })
                .collect()
        })
        .collect()
}

/// The best tag sequence that agrees with the gold tags, where an `unmarked` token may also be
/// any MISC tag: the source's `O` there is no evidence against MISC.
fn latent_gold(emissions: &[[f32; NUM_TAGS]], trans: &[f32], s: &TrainSentence) -> Vec<u8> {
    let misc = type_index(dateline_format::article::EntityType::Miscellaneous);
    let constrained: Vec<[f32; NUM_TAGS]> = emissions
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let free = s.unmarked.get(i).copied().unwrap_or(false);
            std::array::from_fn(|t| {
                let ok = t == s.gold[i] as usize || free && (t == 0 || (t - 1) / 4 == misc);
                if ok {
                    e[t]
                } else {
                    -1e9
                }
            })
        })
        .collect();
    tags::viterbi(&constrained, trans)
}

/// One pass over the documents in `order`; returns the sentences tagged wrong.
fn epoch(weights: &mut Weights, data: &[Vec<TrainSentence>], order: &[usize]) -> usize {
    let mut dynamic = SentenceFeatures::new();
    let mut mistakes = 0usize;
    for &d in order {
        let mut history = History::new();
        for s in &data[d] {
            let refs: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            history_features(&refs, &history, &mut dynamic);
            let emissions = weights.emissions(&s.features, &dynamic);
            let predicted = tags::viterbi(&emissions, &weights.trans);
            let gold = if s.unmarked.contains(&true) {
                latent_gold(&emissions, &weights.trans, s)
            } else {
                s.gold.clone()
            };
            if predicted != gold {
                mistakes += 1;
                weights.update(&s.features, &dynamic, &gold, &predicted);
            }
            weights.step += 1.0;
            history.record(&refs, &predicted);
        }
    }
    mistakes
}

/// The averaged weights of now, quantized and pruned.
fn snapshot(weights: &Weights, gazetteer: &Gazetteer, settings: &Settings) -> NerModel {
    let mut parts = weights.averaged(gazetteer);
    let scale = quantization_scale(&parts, settings.quantile);
    let floor = settings.prune * scale;
    parts
        .weights
        .retain(|(_, w)| w.iter().any(|x| x.abs() >= floor));
    let small = settings.zero * scale;
    for (_, row) in &mut parts.weights {
        for x in row.iter_mut().filter(|x| x.abs() < small) {
            *x = 0.0;
        }
    }
    NerModel::from_parts(&parts, scale)
}

/// Trains on `train` (each document `repeat[i]` times an epoch), picks the epoch with the best
/// mean quantized dev F1, returns that model. The gazetteer holds `lexicon` and the names of the
/// open training documents, jackknifed over folds during training.
pub fn train(
    train: &[Document],
    repeat: &[usize],
    devs: &[DevSet],
    lexicon: &Lexicon,
    settings: &Settings,
) -> NerModel {
    let folds = settings.folds.max(2);
    let fold_gazetteers: Vec<Gazetteer> = (0..folds)
        .map(|f| gazetteer_for(train, lexicon, Some((f, folds))))
        .collect();
    let gazetteer = gazetteer_for(train, lexicon, None);
    eprintln!("gazetteer: {} phrases", gazetteer.len());
    let data = prepare(train, &fold_gazetteers);

    let mut weights = Weights::new();
    weights.dropout = settings.dropout;
    let mut rng = SeededRng::new(settings.seed);
    let mut order: Vec<usize> = (0..data.len())
        .flat_map(|d| std::iter::repeat_n(d, repeat.get(d).copied().unwrap_or(1)))
        .collect();
    let mut best: Option<(f64, usize, NerModel)> = None;
    for epoch_no in 1..=settings.epochs {
        rng.shuffle(&mut order);
        let mistakes = epoch(&mut weights, &data, &order);
        let model = snapshot(&weights, &gazetteer, settings);
        let (f1, report) = evaluate_all(&model, devs);
        eprintln!(
            "epoch {epoch_no:2}: {mistakes} sentences wrong in training ({} features); dev {report}",
            model.feature_count()
        );
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, epoch_no, model));
        } else if best
            .as_ref()
            .is_some_and(|b| epoch_no - b.1 >= settings.patience)
        {
            eprintln!("no gain for {} epochs: stopping", settings.patience);
            break;
        }
    }
    match best {
        Some((f1, epoch_no, model)) => {
            eprintln!("best: epoch {epoch_no}, mean dev F1 {:.2}", 100.0 * f1);
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
            quantile: 0.999,
            prune: 0.0,
            zero: 0.0,
            dropout: 0.0,
        };
        let devs = [DevSet {
            name: "toy".into(),
            docs: docs.clone(),
        }];
        let lexicon = Lexicon::default();
        let model = train(&docs, &[1, 2], &devs, &lexicon, &settings);
        let scores = evaluate(&model, &docs);
        assert_eq!(scores.overall.f1(), 1.0);
        // Same seed, same bytes.
        let again = train(&docs, &[1, 2], &devs, &lexicon, &settings);
        assert_eq!(again.to_bytes(), model.to_bytes());
    }

    #[test]
    fn unmarked_tokens_may_be_misc_or_o() {
        use dateline_engine::ner::tags::{tag, Position};
        use dateline_format::article::EntityType::{Miscellaneous, Person};
        let per = tag(Person, Position::Unit);
        let misc = tag(Miscellaneous, Position::Unit);
        let sentence = |unmarked: Vec<bool>| TrainSentence {
            tokens: vec!["Australian".into(), "Smith".into()],
            gold: vec![0, per],
            unmarked,
            features: SentenceFeatures::new(),
        };
        let trans = vec![0.0; NUM_TAGS * NUM_TAGS];
        let mut emissions = vec![[0.0; NUM_TAGS]; 2];
        emissions[0][misc as usize] = 2.0;
        emissions[0][tag(Person, Position::Unit) as usize] = 5.0;
        // Where the source's O is evidence, gold stays O; where it is not, MISC may win, never PER.
        assert_eq!(
            latent_gold(&emissions, &trans, &sentence(vec![false; 2])),
            [0, per]
        );
        assert_eq!(
            latent_gold(&emissions, &trans, &sentence(vec![true, false])),
            [misc, per]
        );
        emissions[0][0] = 3.0;
        assert_eq!(
            latent_gold(&emissions, &trans, &sentence(vec![true, false])),
            [0, per]
        );
    }

    #[test]
    fn gazetteer_thresholds() {
        let docs = parse(TOY).unwrap();
        let counts = NameCounts::from_documents(&docs);
        assert_eq!(counts.gazetteer(1).get("paris"), Some(0b100));
        assert!(counts.gazetteer(2).is_empty());
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
