//! The cache of `dateline bundle`: which bundled article files were made from which sources by
//! which analysis, so an unchanged source reuses its file instead of being analyzed again.
//!
//! An article is reused only when all three still hold: the digest of its source (text or saved
//! page, and metadata, byte for byte), the digest of the analysis (the running `dateline`
//! executable, which embeds the engine and the built-in model, plus any `--model` file), and the
//! digest of its bundled file as written last time (so a file edited or damaged by hand is
//! rebuilt). Any rebuilt binary counts as a new analysis: that rebuilds more often than needed,
//! never less.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The cache file's contents.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct BundleCache {
    /// [`analysis_key`] of the analysis that made the files.
    pub analysis: String,
    /// Per article id, what its file was made from.
    pub articles: BTreeMap<String, CacheEntry>,
}

/// What one bundled article file was made from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheEntry {
    /// [`source_key`] of its source.
    pub source: String,
    /// SHA-256 of the file as written.
    pub output: String,
}

impl BundleCache {
    /// The cache at `path` when it was made by `analysis`; empty when it is missing, unreadable
    /// or made by another analysis.
    pub fn load(path: &Path, analysis: &str) -> BundleCache {
        let cache: Option<BundleCache> = fs::read_to_string(path)
            .ok()
            .and_then(|json| serde_json::from_str(&json).ok());
        match cache {
            Some(cache) if cache.analysis == analysis => cache,
            _ => BundleCache {
                analysis: analysis.to_string(),
                articles: BTreeMap::new(),
            },
        }
    }

    /// Writes the cache, through a temporary file so a crash never leaves half of one.
    pub fn save(&self, path: &Path) -> Result<()> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        let temporary = path.with_extension("tmp");
        let json = serde_json::to_string(self).context("writing the bundle cache")?;
        fs::write(&temporary, json).with_context(|| format!("writing {}", temporary.display()))?;
        fs::rename(&temporary, path).with_context(|| format!("writing {}", path.display()))
    }
}

/// Hex SHA-256 of `parts`, each prefixed by its length so that no two lists of parts collide.
pub fn digest(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The digest of a source: its kind (text or page), its bytes and its metadata's bytes.
pub fn source_key(kind: &str, source: &[u8], meta: &[u8]) -> String {
    digest(&[kind.as_bytes(), source, meta])
}

/// The digest of the analysis: the running executable and the model file given with
/// `--model` (`None` for the built-in model or none, both of which the executable decides).
pub fn analysis_key(model_file: Option<&[u8]>, with_model: bool) -> Result<String> {
    let exe = std::env::current_exe().context("finding the dateline executable")?;
    let binary = fs::read(&exe).with_context(|| format!("reading {}", exe.display()))?;
    let model: &[u8] = match (model_file, with_model) {
        (Some(bytes), _) => bytes,
        (None, true) => b"built-in model",
        (None, false) => b"rules only",
    };
    Ok(digest(&[&binary, model]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_separate_their_parts() {
        assert_ne!(digest(&[b"ab", b"c"]), digest(&[b"a", b"bc"]));
        assert_eq!(digest(&[b"x"]), digest(&[b"x"]));
        assert_eq!(digest(&[]).len(), 64);
    }

    #[test]
    fn a_cache_of_another_analysis_or_a_damaged_one_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.json");
        let mut cache = BundleCache::load(&path, "a");
        cache.articles.insert(
            "x".into(),
            CacheEntry {
                source: "s".into(),
                output: "o".into(),
            },
        );
        cache.save(&path).unwrap();
        assert_eq!(BundleCache::load(&path, "a").articles.len(), 1);
        assert!(BundleCache::load(&path, "b").articles.is_empty());
        fs::write(&path, "{not json").unwrap();
        assert!(BundleCache::load(&path, "a").articles.is_empty());
    }
}
