//! Statistical named-entity recognition: an averaged perceptron trained on CoNLL-2003.
