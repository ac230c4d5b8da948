//! HTML written as text: the article text's marks (rendered as one string per part, far cheaper
//! to build, parse and hydrate than an element-by-element tree), the standalone export and the
//! prerendered pages' heads.

/// Escapes text for an HTML text node or attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped for an HTML text node or a quoted attribute value.
pub fn push_escaped(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_could_end_a_text_or_an_attribute_and_keeps_the_rest() {
        assert_eq!(
            escape(r#"<b class="x">Tom & Jerry's</b>"#),
            "&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;"
        );
        // Multi-byte characters around the escaped ones stay whole.
        assert_eq!(escape("Ünïcödé «&» 東京 👩‍👩‍👧"), "Ünïcödé «&amp;» 東京 👩‍👩‍👧");
        assert_eq!(escape(""), "");
    }
}
