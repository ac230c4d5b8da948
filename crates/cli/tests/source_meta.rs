//! What a source's metadata file may say, and how `dateline bundle` reads it: dates that are a
//! day, a month or unknown, a credit, a title that must agree with the text, provenance keys.

use dateline_cli::bundle::{article_from_text, same_headline, SourceMeta};
use dateline_engine::analysis::Analyzer;

fn meta(json: &str) -> SourceMeta {
    serde_json::from_str(json).unwrap()
}

const TEXT: &str =
    "Coalition forces strike targets\n\nOn Tuesday, officials met. They met again last year.";

#[test]
fn shared_article_metadata_is_read_with_its_credit() {
    let meta = meta(
        r#"{"title": "Coalition forces strike targets", "published": null,
            "published_month": "2016-12", "source": "US CENTCOM",
            "url": "https://www.centcom.mil/x", "licence": "Public domain (US government work)",
            "licence_url": "https://www.centcom.mil/Home/Privacy-and-Security/",
            "licence_text": "Information presented on this web site is public.",
            "attribution": "“Coalition forces strike targets”, U.S. Central Command.",
            "re3d_id": "ABC", "gum_id": null, "gum_split": null}"#,
    );
    let article = article_from_text(&Analyzer::default(), "centcom-x", TEXT, &meta).unwrap();
    assert_eq!(article.published.as_deref(), Some("2016-12"));
    assert!(!article.published_inferred);
    let credit = article.credit.unwrap();
    assert_eq!(credit.url, "https://www.centcom.mil/x");
    assert_eq!(credit.licence, "Public domain (US government work)");
    assert!(credit.attribution.starts_with("“Coalition"));
    // "last year" is anchored by the month; "on Tuesday" needs the day and is not.
    let values: Vec<&str> = article.timexes.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(values, ["XXXX-WXX-2", "2015"]);
}

#[test]
fn unknown_keys_partial_credits_and_disagreeing_metadata_are_refused() {
    assert!(serde_json::from_str::<SourceMeta>(r#"{"publisher": "x"}"#).is_err());
    let refused = |json: &str| {
        let err = article_from_text(&Analyzer::default(), "x", TEXT, &meta(json)).unwrap_err();
        format!("{err:#}")
    };
    assert!(refused(r#"{"url": "https://x.org"}"#).contains("a credit needs all of"));
    assert!(
        refused(r#"{"published": "2016-11-02", "published_month": "2016-12"}"#)
            .contains("is not in \"published_month\"")
    );
    let message = refused(r#"{"title": "Another headline"}"#);
    assert!(
        message.contains("\"Another headline\"") && message.contains("first line"),
        "{message}"
    );
    assert!(
        refused(r#"{"url": "ftp://x.org", "licence": "L", "attribution": "A"}"#)
            .contains("not a web address")
    );
}

#[test]
fn a_title_names_the_same_headline_despite_case_spacing_and_accents() {
    assert!(same_headline(
        "Wikinews interviews academic Simon Licen",
        "Wikinews interviews academic Simon Ličen"
    ));
    assert!(same_headline(
        "Frank Messina: An interview with the 'Mets Poet'",
        "Frank Messina: An Interview with the 'Mets Poet'"
    ));
    assert!(same_headline("Stardust@home", "Stardust @ home"));
    assert!(!same_headline("Stardust@home", "Stardust at home"));
    assert!(!same_headline("A headline", "A headline, longer"));
}

#[test]
fn a_dateline_gives_the_day_when_the_metadata_does_not() {
    let text = "Senate votes\n\nWASHINGTON, Dec. 10, 2016 — The Senate voted today.";
    let article = article_from_text(&Analyzer::default(), "x", text, &meta("{}")).unwrap();
    assert_eq!(article.published.as_deref(), Some("2016-12-10"));
    assert!(article.published_inferred);
    let article = article_from_text(
        &Analyzer::default(),
        "x",
        text,
        &meta(r#"{"published_month": "2016-12"}"#),
    )
    .unwrap();
    assert_eq!(
        (article.published.as_deref(), article.published_inferred),
        (Some("2016-12-10"), true)
    );
}
