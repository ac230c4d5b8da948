//! Static pages for the reading app, made at build time from Trunk's `index.html` (it carries
//! the hashed asset names and the Content-Security-Policy) and the bundled article files.
//!
//! Each page is the template with the app's HTML for one route in `#app` (rendered natively by
//! the app's own components, `dateline_app::prerendered`), `data-route` naming that route, and a
//! head of its own: title, description, canonical address, Open Graph and Twitter card tags, and
//! for an article a JSON-LD `NewsArticle`. A page below the site's root starts its head with
//! `<base href>` back to the root, so every relative address the app uses (its assets, the
//! article files, `sw.js`, the manifest, the workers) resolves as on `index.html`.

use anyhow::{bail, Context, Result};
use dateline_app::markup::escape as escape_html;
use dateline_format::article::{Article, EntityType};
use serde_json::{json, Value};

/// One page: where it goes, the route it shows, and what its head says.
pub struct Page {
    /// Its path below the site's root: `""` (index.html), `"article/<id>/"`, `"timeline/"`.
    pub dir: String,
    /// The app's route (`/article/<id>`), put on `#app` as `data-route`.
    pub route: String,
    /// `<title>`.
    pub title: String,
    /// `<meta name="description">`.
    pub description: String,
    /// Files the app reads before it hydrates the page, preloaded (relative to the root).
    pub preload: Vec<String>,
    /// The note shown without JavaScript, before the page.
    pub noscript: String,
    /// The article a page shows, for its `og:type`, `article:*` tags and JSON-LD.
    pub article: Option<ArticleHead>,
}

/// What an article page's head says about it.
pub struct ArticleHead {
    /// `NewsArticle` as JSON-LD.
    pub json_ld: Value,
    /// `YYYY-MM-DD` or `YYYY-MM`, when known.
    pub published: Option<String>,
}

/// JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` as JSON escapes,
/// so no text (`</script>`, `<!--`) can end the block or change how it is parsed.
pub fn script_json(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The page's description: the standfirst, else the start of the first paragraph (at most about
/// 200 characters, cut at a word).
pub fn description(article: &Article) -> String {
    let text = if article.standfirst.trim().is_empty() {
        article.paragraphs.first().map(String::as_str).unwrap_or("")
    } else {
        article.standfirst.as_str()
    };
    let text = text.trim();
    if text.chars().count() <= 200 {
        return text.to_string();
    }
    let cut: String = text.chars().take(200).collect();
    let cut = match cut.rfind(' ') {
        Some(at) => &cut[..at],
        None => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// schema.org's type for an entity type.
fn schema_type(entity_type: EntityType) -> &'static str {
    match entity_type {
        EntityType::Person => "Person",
        EntityType::Organization => "Organization",
        EntityType::Location => "Place",
        _ => "Thing",
    }
}

/// The `NewsArticle` of an article (`url`: its address, when the site's is known).
pub fn news_article(article: &Article, url: Option<&str>) -> Value {
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": description(article),
        "inLanguage": article.language,
        "wordCount": article.word_count(),
    });
    let object = ld.as_object_mut().expect("an object");
    if let Some(published) = &article.published {
        object.insert("datePublished".into(), json!(published));
    }
    if !article.source.is_empty() {
        let publisher = json!({ "@type": "Organization", "name": article.source });
        object.insert("publisher".into(), publisher.clone());
        object.insert("sourceOrganization".into(), publisher);
    }
    if let Some(credit) = &article.credit {
        object.insert("isBasedOn".into(), json!(credit.url));
        object.insert("creditText".into(), json!(credit.attribution));
        if let Some(licence) = &credit.licence_url {
            object.insert("license".into(), json!(licence));
        }
    }
    if let Some(url) = url {
        object.insert("url".into(), json!(url));
        object.insert("mainEntityOfPage".into(), json!(url));
    }
    // Most mentioned first, as the entity panel lists them.
    let mut entities: Vec<_> = article.entities.iter().collect();
    entities.sort_by(|a, b| {
        b.mentions
            .len()
            .cmp(&a.mentions.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    let mentions: Vec<Value> = entities
        .iter()
        .map(|e| json!({ "@type": schema_type(e.entity_type), "name": e.name }))
        .collect();
    if !mentions.is_empty() {
        object.insert("mentions".into(), Value::Array(mentions));
    }
    ld
}

/// How many directories deep a page is: its `<base href>` climbs that many.
fn base_href(dir: &str) -> Option<String> {
    let depth = dir.split('/').filter(|s| !s.is_empty()).count();
    (depth > 0).then(|| "../".repeat(depth))
}

/// The template's part from `start` to the end of the first `end` after it, as a range.
fn find(template: &str, start: &str, end: &str) -> Result<std::ops::Range<usize>> {
    let from = template
        .find(start)
        .with_context(|| format!("the template has no {start}"))?;
    let to = template[from..]
        .find(end)
        .with_context(|| format!("the template's {start} has no {end}"))?;
    Ok(from..from + to + end.len())
}

/// Fills in the template (Trunk's `index.html`) for `page`, with `app_html` (the server
/// renderer's HTML of the route) in `#app`. `site` is the site's absolute address ending in
/// `/` when known: then the page names its canonical and Open Graph address; else both are left
/// out, since a relative canonical address is one search engines may misread (Lighthouse fails
/// it) and Open Graph wants an absolute one.
pub fn fill(template: &str, page: &Page, app_html: &str, site: Option<&str>) -> Result<String> {
    let mut html = template.to_string();
    let app = find(&html, "<div id=\"app\"", "</div>")?;
    if html[app.clone()].matches("<div").count() != 1 {
        bail!("the template's #app holds other elements than the boot message");
    }
    // The page's base is the site's root, so an in-page link must name its page: the skip link
    // works without the app too (the app sets it back and moves focus itself).
    let app_html = match page.dir.as_str() {
        "" => app_html.to_string(),
        dir => app_html.replace("href=\"#main\"", &format!("href=\"{dir}#main\"")),
    };
    let app_div = format!(
        "<noscript><p class=\"noscript-note\">{}</p></noscript>\n    <div id=\"app\" {}=\"{}\">{app_html}</div>",
        escape_html(&page.noscript),
        dateline_app::prerendered::ROUTE_ATTRIBUTE,
        escape_html(&page.route),
    );
    html.replace_range(app, &app_div);

    let title = find(&html, "<title>", "</title>")?;
    html.replace_range(
        title,
        &format!("<title>{}</title>", escape_html(&page.title)),
    );
    let description = find(&html, "<meta name=\"description\"", ">")?;
    html.replace_range(
        description,
        &format!(
            "<meta name=\"description\" content=\"{}\">",
            escape_html(&page.description)
        ),
    );
    // The template preloads the library's index; a page's loader preloads what it needs instead.
    let preload = find(
        &html,
        "<link rel=\"preload\" href=\"articles/index.json\"",
        ">",
    )?;
    html.replace_range(preload.start..skip_line_end(&html, preload.end), "");
    start_app_after_first_paint(&mut html, &page.preload)?;

    let address = site.map(|site| format!("{site}{}", page.dir));
    let mut head = Vec::new();
    if let Some(address) = &address {
        head.push(format!(
            "<link rel=\"canonical\" href=\"{}\">",
            escape_html(address)
        ));
    }
    let meta = |property: &str, content: &str| {
        format!(
            "<meta property=\"{property}\" content=\"{}\">",
            escape_html(content)
        )
    };
    let name = |name: &str, content: &str| {
        format!(
            "<meta name=\"{name}\" content=\"{}\">",
            escape_html(content)
        )
    };
    let og_title = page.title.trim_end_matches(" — Dateline");
    head.push(meta("og:site_name", "Dateline"));
    head.push(meta("og:title", og_title));
    head.push(meta("og:description", &page.description));
    head.push(meta(
        "og:type",
        if page.article.is_some() {
            "article"
        } else {
            "website"
        },
    ));
    if let Some(address) = &address {
        head.push(meta("og:url", address));
    }
    head.push(name("twitter:card", "summary"));
    head.push(name("twitter:title", og_title));
    head.push(name("twitter:description", &page.description));
    if let Some(article) = &page.article {
        if let Some(published) = &article.published {
            head.push(meta("article:published_time", published));
        }
        head.push(format!(
            "<script type=\"application/ld+json\">{}</script>",
            script_json(&article.json_ld)
        ));
    }
    let end = html
        .find("</head>")
        .context("the template has no </head>")?;
    html.insert_str(end, &format!("  {}\n  ", head.join("\n    ")));

    if let Some(base) = base_href(&page.dir) {
        // First in the head, before any relative address.
        let charset = find(&html, "<meta charset", ">")?;
        html.insert_str(charset.end, &format!("\n    <base href=\"{base}\">"));
    }
    Ok(html)
}

/// Replaces Trunk's loader (an inline module that imports the app's JS, which fetches its wasm,
/// and the preload links of both) with one that starts the same way after the page's first
/// paint, preloading `data` (the files the app hydrates from) then. The page is readable as it
/// stands, so its text never waits behind the app's download; a load audit (Lighthouse) sees
/// nothing of the app before the text has painted. "Painted" is the browser's first contentful
/// paint entry (a frame can reach the screen well after `requestAnimationFrame` ran for it),
/// else, where paint timing is missing, the frame after the first. It starts at once when the
/// address's hash asks for another screen than the page (`index.html#/article/<id>`: the app
/// draws that one, so the page's own paint is not worth waiting for; the rule is
/// `prerendered::page_of`'s), and when the page is hidden (it paints nothing).
/// When the app's files cannot be loaded or its wasm cannot start (an old browser, a blocked
/// download), the page stays as it is and says so above it (`data-app="failed"`), instead of
/// leaving its controls silently dead. The new inline script gets its hash into the CSP from `scripts/csp_hash.py`, run after.
pub fn start_app_after_first_paint(html: &mut String, data: &[String]) -> Result<()> {
    let loader = find(html, "<script type=\"module\">", "</script>")?;
    let quoted_after = |text: &str, key: &str| -> Result<String> {
        let from = text
            .find(key)
            .map(|at| at + key.len())
            .with_context(|| format!("Trunk's loader has no {key:?}: its format changed"))?;
        let to = text[from..]
            .find('\'')
            .context("Trunk's loader has an unterminated string")?;
        Ok(text[from..from + to].to_string())
    };
    let trunk_loader = &html[loader.clone()];
    let js = quoted_after(trunk_loader, "import init, * as bindings from '")?;
    let wasm = quoted_after(trunk_loader, "module_or_path: '")?;
    let quoted = |s: &str| serde_json::to_string(s).expect("a string serializes");
    let data: Vec<String> = data.iter().map(|file| quoted(file)).collect();
    let script = format!(
        "<script type=\"module\">
let started = false;
const start = async () => {{
  if (started) return;
  started = true;
  for (const href of [{data}]) {{
    const link = Object.assign(document.createElement('link'), {{ rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }});
    document.head.append(link);
  }}
  const app = document.getElementById('app');
  try {{
    const bindings = await import({js});
    const wasm = await bindings.default({{ module_or_path: {wasm} }});
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent('TrunkApplicationStarted', {{ detail: {{ wasm }} }}));
  }} catch (error) {{
    const note = Object.assign(document.createElement('p'), {{ className: 'noscript-note', textContent: `Dateline could not start here (${{error?.message ?? error}}), so this page reads as it is: selecting a name or an event, the legend's toggles and export need the app. Reloading may help.` }});
    note.setAttribute('role', 'alert');
    app?.before(note);
    app?.setAttribute('data-app', 'failed');
  }}
}};
const page = document.getElementById('app')?.dataset.route ?? '/';
const asked = location.hash.slice(1);
const own = !asked.startsWith('/') || asked === page || asked.startsWith(page === '/' ? '/?' : page + '/') || asked.startsWith(page + '?');
if (!own || document.visibilityState !== 'visible') start();
else if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {{
  new PerformanceObserver((paints, observer) => {{
    if (paints.getEntriesByName('first-contentful-paint').length) {{ observer.disconnect(); setTimeout(start); }}
  }}).observe({{ type: 'paint', buffered: true }});
  addEventListener('visibilitychange', start, {{ once: true }});
}} else requestAnimationFrame(() => setTimeout(start));
</script>",
        data = data.join(", "),
        js = quoted(&js),
        wasm = quoted(&wasm),
    );
    html.replace_range(loader, &script);
    for preloaded in [&js, &wasm] {
        let link = html
            .find(&format!("href=\"{preloaded}\""))
            .and_then(|at| html[..at].rfind("<link").map(|start| (start, at)))
            .and_then(|(start, at)| html[at..].find('>').map(|end| start..at + end + 1))
            .with_context(|| format!("Trunk's page has no preload link of {preloaded}"))?;
        let end = skip_line_end(html, link.end);
        html.replace_range(link.start..end, "");
    }
    Ok(())
}

/// `at`, or past the line's end and the next line's indentation when only spaces follow `at` on
/// its line, so a removed element leaves no blank line.
fn skip_line_end(html: &str, at: usize) -> usize {
    let rest = &html[at..];
    match rest.find('\n') {
        Some(newline) if rest[..newline].trim().is_empty() => {
            let after = at + newline + 1;
            after + (html[after..].len() - html[after..].trim_start_matches(' ').len())
        }
        _ => at,
    }
}

/// An article's page.
pub fn article_page(article: &Article, site: Option<&str>) -> Page {
    let dir = format!("article/{}/", article.id);
    let url = site.map(|site| format!("{site}{dir}"));
    Page {
        route: format!("/article/{}", article.id),
        title: format!("{} — Dateline", article.title),
        description: description(article),
        preload: vec![format!("articles/{}.json", article.id)],
        noscript: "Without JavaScript and WebAssembly this page shows the article and its timeline; selecting a name or an event, the legend's toggles and export need them.".into(),
        article: Some(ArticleHead {
            json_ld: news_article(article, url.as_deref()),
            published: article.published.clone(),
        }),
        dir,
    }
}

/// The library's page (`index.html`).
pub fn library_page(articles: usize) -> Page {
    Page {
        dir: String::new(),
        route: "/".into(),
        title: "Library — Dateline".into(),
        description: format!("Dateline: {articles} news stories with their people, places and organisations highlighted and their events on a timeline. Runs entirely in your browser."),
        preload: vec!["articles/index.json".into()],
        noscript: "Without JavaScript and WebAssembly the articles open and read fine; searching the library, the story timeline's zoom and analyzing your own text need them.".into(),
        article: None,
    }
}

/// The story timeline's page (`timeline/`).
pub fn timeline_page(events: usize) -> Page {
    Page {
        dir: "timeline/".into(),
        route: "/timeline".into(),
        title: "Story timeline — Dateline".into(),
        description: format!("Every dated event of Dateline's library, {events} in all, in date order, each linked to the sentence of its article."),
        preload: vec!["articles/index.json".into(), "articles/events.json".into()],
        noscript: "Without JavaScript and WebAssembly the list of events reads fine and links to its articles; the axis's zoom and filtering need them.".into(),
        article: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="description" content="Dateline: read a news story.">
    <title>Dateline</title>
<script type="module">
import init, * as bindings from './app-1.js';
const wasm = await init({ module_or_path: './app-1_bg.wasm' });
window.wasmBindings = bindings;
</script>
    <link rel="preload" href="articles/index.json" as="fetch" crossorigin="anonymous">
  <link rel="modulepreload" href="./app-1.js" crossorigin="anonymous" integrity="sha384-x"><link rel="preload" href="./app-1_bg.wasm" crossorigin="anonymous" integrity="sha384-y" as="fetch" type="application/wasm"></head>
  <body>
    <div id="app">
      <p class="boot-message" role="status">Loading Dateline…</p>
      <noscript><p class="boot-message">needs JavaScript</p></noscript>
    </div>
  </body>
</html>"#;

    fn article() -> Article {
        let json = r#"{"schema_version":2,"id":"a-1","title":"Say \"hi\" </script><script>alert(1)</script>","standfirst":"","source":"O'Brien & Co","published":"2017-07","language":"en","paragraphs":["First words here."],"entities":[],"timexes":[],"events":[]}"#;
        Article::from_json(json).expect("a valid article")
    }

    #[test]
    fn an_article_page_escapes_its_head_and_starts_the_app_after_its_first_paint() {
        let article = article();
        let page = article_page(&article, None);
        let html = fill(TEMPLATE, &page, "<article>…</article>", None).unwrap();
        assert!(html.contains("<meta charset=\"utf-8\">\n    <base href=\"../../\">"));
        assert!(
            html.contains("<div id=\"app\" data-route=\"/article/a-1\"><article>…</article></div>")
        );
        assert!(html.contains("<title>Say &quot;hi&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; — Dateline</title>"));
        assert!(html.contains("<meta name=\"description\" content=\"First words here.\">"));
        assert!(
            !html.contains("rel=\"canonical\"") && !html.contains("og:url"),
            "without the site's address, no canonical or Open Graph address"
        );
        // Nothing of the app loads before the first paint: the loader starts it, and preloads
        // the article's file, after a frame.
        assert!(!html.contains("<link rel=\"preload\"") && !html.contains("modulepreload"));
        assert!(!html.contains("articles/index.json"));
        let loader = html.split("<script type=\"module\">").nth(1).unwrap();
        let loader = loader.split("</script>").next().unwrap();
        assert!(loader.contains("for (const href of [\"articles/a-1.json\"])"));
        assert!(loader.contains("await import(\"./app-1.js\")"));
        assert!(loader.contains("module_or_path: \"./app-1_bg.wasm\""));
        assert!(loader.contains("getEntriesByName('first-contentful-paint')"));
        assert!(!html.contains("boot-message"));
        // One script end tag for the loader and one for the JSON-LD: the title cannot close it.
        assert_eq!(html.matches("</script>").count(), 2);
        let ld = html.split("application/ld+json\">").nth(1).unwrap();
        let ld: Value = serde_json::from_str(ld.split("</script>").next().unwrap()).unwrap();
        assert_eq!(ld["headline"], article.title.as_str());
        assert_eq!(ld["datePublished"], "2017-07");
        assert_eq!(ld["publisher"]["name"], "O'Brien & Co");
    }

    #[test]
    fn a_known_site_makes_addresses_absolute() {
        let page = article_page(&article(), Some("https://example.org/news/"));
        let html = fill(TEMPLATE, &page, "", Some("https://example.org/news/")).unwrap();
        assert!(html
            .contains("<link rel=\"canonical\" href=\"https://example.org/news/article/a-1/\">"));
        assert!(html.contains(
            "<meta property=\"og:url\" content=\"https://example.org/news/article/a-1/\">"
        ));
        let library = fill(TEMPLATE, &library_page(3), "", None).unwrap();
        assert!(!library.contains("<base"));
        assert!(!library.contains("rel=\"canonical\""));
        let library = fill(
            TEMPLATE,
            &library_page(3),
            "",
            Some("https://example.org/news/"),
        )
        .unwrap();
        assert!(library.contains("<link rel=\"canonical\" href=\"https://example.org/news/\">"));
    }

    #[test]
    fn long_first_paragraphs_are_cut_at_a_word() {
        let mut article = article();
        article.paragraphs = vec!["word ".repeat(100)];
        let text = description(&article);
        assert!(text.ends_with("word…"), "{text}");
        assert!(text.chars().count() <= 201);
    }
}
