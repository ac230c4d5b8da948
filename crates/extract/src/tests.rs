//! [`extract`] on small pages made for each case.

use super::*;

/// A page with an article long enough for Readability, `head` in its head and `extra` after the
/// article's paragraphs.
fn page(head: &str, extra: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en-GB"><head>{head}</head><body>
        <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
        <main><article><h1>Ministers agree on a new budget</h1>
        <p class="byline">By <span class="author">Jane Reporter</span></p>
        <p>After three days of talks, the finance ministers of the union agreed late on Tuesday
        on a budget for the coming year, which raises spending on research and on railways.</p>
        <h2>What changes</h2>
        <p>Research grants rise by a tenth, and the money for railways doubles, the ministers
        said at a press conference in Brussels that lasted well past midnight.</p>
        <ul><li>More money for research.</li><li>Twice as much for railways.</li></ul>
        <p>The parliament still has to approve the budget, which it is expected to do next month
        after a debate in which several groups have promised to ask for further changes.</p>
        {extra}</article></main>
        <footer><p>Copyright Example News</p></footer></body></html>"#
    )
}

#[test]
fn headline_byline_site_language_and_paragraphs() {
    let head = r#"<title>Ministers agree on a new budget | Example News</title>
        <meta property="og:site_name" content="Example News">"#;
    let article = extract(&page(head, "")).unwrap();
    assert_eq!(article.title, "Ministers agree on a new budget");
    assert_eq!(article.site_name.as_deref(), Some("Example News"));
    assert_eq!(article.lang.as_deref(), Some("en-GB"));
    assert_eq!(article.published, None);
    let paragraphs = &article.paragraphs;
    assert!(
        paragraphs.iter().any(|p| p == "What changes"),
        "{paragraphs:?}"
    );
    assert!(paragraphs.iter().any(|p| p == "More money for research."));
    assert!(paragraphs
        .iter()
        .any(|p| p == "Twice as much for railways."));
    assert!(paragraphs
        .iter()
        .all(|p| !p.trim().is_empty() && !p.contains('\n')));
    assert!(!paragraphs
        .iter()
        .any(|p| p.contains("Copyright") || p.contains("Home")));
    let order: Vec<usize> = [
        "After three days",
        "What changes",
        "Research grants",
        "The parliament",
    ]
    .iter()
    .map(|start| {
        paragraphs
            .iter()
            .position(|p| p.starts_with(start))
            .unwrap()
    })
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{paragraphs:?}");
}

#[test]
fn byline_from_metadata() {
    let head = r#"<meta name="author" content="  Jane   Reporter "><title>Budget</title>"#;
    let article = extract(&page(head, "")).unwrap();
    assert_eq!(article.byline.as_deref(), Some("Jane Reporter"));
}

#[test]
fn publication_day_from_each_kind_of_metadata() {
    for (head, day) in [
        (
            r#"<meta property="article:published_time" content="2021-03-04T23:30:00-05:00">"#,
            "2021-03-04",
        ),
        (
            r#"<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",
                "datePublished": "2021-03-05T09:00:00+01:00"}]}</script>"#,
            "2021-03-05",
        ),
        (
            r#"<meta name="DC.date" content="2021-03-06">"#,
            "2021-03-06",
        ),
        (
            r#"<meta name="dcterms.created" content="2021/3/7">"#,
            "2021-03-07",
        ),
        (
            r#"<meta name="publish-date" content="March 8, 2021">"#,
            "2021-03-08",
        ),
    ] {
        let article = extract(&page(head, "")).unwrap();
        assert_eq!(article.published.as_deref(), Some(day), "{head}");
    }
    let time = r#"<p>Published <time datetime="2021-03-09T10:00:00Z">Tuesday</time></p>"#;
    let article = extract(&page("", time)).unwrap();
    assert_eq!(article.published.as_deref(), Some("2021-03-09"));
}

#[test]
fn scripts_styles_and_frames_never_reach_the_text() {
    let extra = r#"<script>document.write("SCRIPTED")</script><style>.x{content:"STYLED"}</style>
        <iframe src="https://ads.example/">FRAMED</iframe><noscript>NOSCRIPT</noscript>
        <p>Closing words of the article, after the embedded things.<script>var INLINE</script></p>"#;
    let article = extract(&page(
        "<style>body{}</style><script>var HEAD</script>",
        extra,
    ))
    .unwrap();
    let text = article.paragraphs.join("\n");
    for hidden in [
        "SCRIPTED",
        "STYLED",
        "FRAMED",
        "NOSCRIPT",
        "INLINE",
        "HEAD",
        "ads.example",
    ] {
        assert!(!text.contains(hidden), "{hidden} in {text}");
    }
    assert!(text.contains("Closing words of the article"));
}

#[test]
fn pages_without_an_article_are_a_typed_error() {
    for html in [
        "",
        "   ",
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><body><script>app()</script><style>p{}</style></body></html>",
        "<html><body><img src=a.png><iframe src=x></iframe></body></html>",
    ] {
        assert_eq!(extract(html), Err(ExtractError::NoArticle), "{html:?}");
    }
}

#[test]
fn a_short_text_is_still_an_article() {
    let article = extract("<html><body><p>Just one short paragraph.</p></body></html>").unwrap();
    assert_eq!(article.paragraphs, ["Just one short paragraph."]);
}

#[test]
fn pages_past_the_limits_are_refused() {
    let huge = " ".repeat(MAX_HTML_BYTES + 1);
    assert_eq!(
        extract(&huge),
        Err(ExtractError::TooLarge {
            bytes: MAX_HTML_BYTES + 1,
            limit: MAX_HTML_BYTES
        })
    );
    assert!(extract(&huge)
        .unwrap_err()
        .to_string()
        .contains("at most 16 MB"));
    let deep = format!(
        "<p>{}deep{}</p>",
        "<div>".repeat(MAX_DEPTH + 10),
        "</div>".repeat(MAX_DEPTH + 10)
    );
    assert_eq!(
        extract(&deep),
        Err(ExtractError::TooDeep { limit: MAX_DEPTH })
    );
    let nested = format!("<p>{}ok{}</p>", "<div>".repeat(100), "</div>".repeat(100));
    assert!(extract(&nested).is_ok());
}

#[test]
fn too_many_elements_are_refused() {
    let many = "<p>x</p>".repeat(MAX_ELEMENTS + 10);
    assert!(matches!(
        extract(&many),
        Err(ExtractError::TooManyElements {
            limit: MAX_ELEMENTS,
            ..
        })
    ));
}
