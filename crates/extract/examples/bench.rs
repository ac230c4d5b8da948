//! Extraction speed, as numbers: every page of Readability's dev set (when `../shared` is beside
//! the repository), then made-up news pages of 1 MB and 10 MB (scripts, navigation, an article,
//! a long comment thread).
//!
//! ```text
//! cargo run --release -p dateline-extract --example bench [PAGES_DIR]
//! ```

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dateline_extract::extract;

/// Runs per page; the fastest is reported (the least disturbed by other work on the machine).
const RUNS: usize = 5;

fn fastest(html: &str, runs: usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut paragraphs = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let article = extract(html);
        best = best.min(started.elapsed());
        paragraphs = article.map_or(0, |a| a.paragraphs.len());
    }
    (best, paragraphs)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Deterministic filler text.
struct Words(u64);

impl Words {
    fn sentence(&mut self, words: usize) -> String {
        const VOCABULARY: &[&str] = &[
            "minister",
            "said",
            "the",
            "budget",
            "on",
            "Tuesday",
            "railway",
            "research",
            "of",
            "council",
            "agreed",
            "talks",
            "in",
            "Brussels",
            "a",
            "new",
            "plan",
            "for",
            "and",
            "spending",
            "parliament",
            "vote",
            "next",
            "month",
            "after",
            "debate",
            "with",
        ];
        let mut out = Vec::with_capacity(words);
        for _ in 0..words {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            out.push(VOCABULARY[(self.0 >> 33) as usize % VOCABULARY.len()]);
        }
        format!("{}.", out.join(" "))
    }
}

/// A news page of about `bytes` bytes: head with metadata and a large script, navigation, the
/// article (40 paragraphs), a sidebar, and comments until the size is reached.
fn news_page(bytes: usize) -> String {
    let mut words = Words(7);
    let mut page = String::with_capacity(bytes + 4096);
    page.push_str(r#"<!doctype html><html lang="en"><head><title>Ministers agree a budget - Example News</title>
        <meta property="article:published_time" content="2024-05-06T10:00:00+02:00">
        <script>"#);
    page.push_str(&"var tracking = {a: 1, b: [1, 2, 3]};\n".repeat(bytes / 10 / 38));
    page.push_str("</script></head><body><header><nav><ul>");
    for i in 0..200 {
        page.push_str(&format!(
            r#"<li><a href="/section/{i}">Section {i}</a></li>"#
        ));
    }
    page.push_str("</ul></nav></header><main><article><h1>Ministers agree a budget</h1>");
    for i in 0..40 {
        if i % 8 == 0 {
            page.push_str(&format!("<h2>{}</h2>", words.sentence(5)));
        }
        page.push_str(&format!(
            "<p>{} {} {}</p>",
            words.sentence(20),
            words.sentence(15),
            words.sentence(25)
        ));
    }
    page.push_str(r#"</article><aside class="sidebar"><ul>"#);
    for _ in 0..50 {
        page.push_str(&format!(
            r##"<li><a href="#">{}</a></li>"##,
            words.sentence(8)
        ));
    }
    page.push_str(r#"</ul></aside><section class="comments">"#);
    while page.len() < bytes {
        page.push_str(&format!(
            r#"<div class="comment"><div class="meta"><a href="/u">reader</a> <span>2 hours ago</span></div><div class="body"><p>{}</p></div><div class="actions"><a href="/r">Reply</a> <a href="/l">Like</a></div></div>"#,
            words.sentence(30)
        ));
    }
    page.push_str("</section></main><footer>Copyright</footer></body></html>");
    page
}

fn dev_pages(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("({} is absent: no per-page numbers)", dir.display());
        return;
    };
    let mut folders: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    folders.sort();
    let mut times = Vec::new();
    println!("{:<40} {:>9} {:>9} {:>6}", "page", "bytes", "ms", "paras");
    for folder in folders {
        let Ok(html) = std::fs::read_to_string(folder.join("source.html")) else {
            continue;
        };
        let (time, paragraphs) = fastest(&html, RUNS);
        let name = folder.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "{name:<40} {:>9} {:>9.2} {paragraphs:>6}",
            html.len(),
            ms(time)
        );
        times.push(ms(time));
    }
    times.sort_by(f64::total_cmp);
    if let (Some(max), false) = (times.last(), times.is_empty()) {
        println!(
            "{} pages: median {:.2} ms, max {max:.2} ms, total {:.1} ms",
            times.len(),
            times[times.len() / 2],
            times.iter().sum::<f64>()
        );
    }
}

fn main() {
    let dir = std::env::args().nth(1).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/readability-pages/dev"),
        PathBuf::from,
    );
    dev_pages(&dir);
    for (label, size, runs) in [("1 MB", 1_000_000, 20), ("10 MB", 10_000_000, 3)] {
        let page = news_page(size);
        let (time, paragraphs) = fastest(&page, runs);
        println!(
            "made-up news page, {label} ({} bytes): {:.1} ms, {paragraphs} paragraphs",
            page.len(),
            ms(time)
        );
    }
}
