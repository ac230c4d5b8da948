fn main() {
    for depth in [1_000usize, 2_000, 4_000] {
        let html = format!(
            "<p>{}deep text here{}</p>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let t = std::time::Instant::now();
        let doc = dom_query::Document::from(html.as_str());
        let parse = t.elapsed();
        let n = doc.select("div").length();
        let t = std::time::Instant::now();
        let r = dateline_extract::extract(&html);
        println!(
            "{depth} parse {parse:?} ({n}) extract {:?} {:?}",
            t.elapsed(),
            r.map(|a| a.paragraphs.len())
        );
    }
}
