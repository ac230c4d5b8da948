//! A saved page's bytes as text, in the character set the page was written in.
//!
//! In order: a byte order mark; bytes that are valid UTF-8 (a page in a legacy character set
//! with non-ASCII text is practically never valid UTF-8, while pages re-saved as UTF-8 often
//! keep their old `<meta charset>`); the charset the page declares in a `<meta>` tag within its
//! first bytes; and windows-1252, as browsers assume for Western pages. Bytes the character set
//! has no character for become U+FFFD.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta charset>` is looked for (browsers look at 1024 bytes; saved
/// pages sometimes have long comments first).
const PRESCAN_BYTES: usize = 8192;

/// A page decoded to text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The page as text.
    pub text: String,
    /// Name of the character set it was read in (`UTF-8`, `windows-1252`, `Shift_JIS`, …).
    pub encoding: &'static str,
    /// Whether some bytes were not characters of that set (they became U+FFFD).
    pub had_errors: bool,
}

/// Decodes a saved page's bytes (see the module's documentation for how the character set is
/// chosen).
///
/// ```
/// let page = b"<meta charset=\"windows-1252\"><p>Caf\xe9 \x93quoted\x94</p>";
/// let decoded = dateline_extract::decode_html(page);
/// assert_eq!(decoded.encoding, "windows-1252");
/// assert!(decoded.text.contains("Café “quoted”"));
/// ```
pub fn decode_html(bytes: &[u8]) -> Decoded {
    let encoding = match Encoding::for_bom(bytes) {
        Some((encoding, _)) => encoding,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => declared_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]).unwrap_or(WINDOWS_1252),
    };
    // `decode` removes a byte order mark of the encoding it sniffs, and prefers the BOM's.
    let (text, encoding, had_errors) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        had_errors,
    }
}

/// The character set a `<meta charset="…">` or `<meta http-equiv="Content-Type"
/// content="…; charset=…">` in `head` declares, if encoding_rs knows it. A declared UTF-16 means
/// UTF-8 (the bytes were not UTF-16, or there would have been a BOM), as in the HTML standard.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        if let Some(encoding) = charset_in_tag(&lower[start..end]) {
            if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                return Some(UTF_8);
            }
            return Some(encoding);
        }
        from = end;
    }
    None
}

/// The encoding named after `charset=` in one (lowercased) `<meta …>` tag.
fn charset_in_tag(tag: &[u8]) -> Option<&'static Encoding> {
    let at = find(tag, b"charset")?;
    let rest = &tag[at + b"charset".len()..];
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..len])
}

/// Position of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_pages_are_read_as_utf8_whatever_they_declare() {
        let page = "<meta charset=\"gb2312\"><p>Café</p>".as_bytes();
        let decoded = decode_html(page);
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.text.contains("Café"));
    }

    #[test]
    fn legacy_charsets_declared_in_meta() {
        let latin1 = b"<html><head><meta http-equiv=\"Content-Type\" \
            content=\"text/html; charset=ISO-8859-1\"></head><p>na\xefve r\xe9sum\xe9</p>";
        let decoded = decode_html(latin1);
        // The HTML standard reads ISO-8859-1 as windows-1252.
        assert_eq!(decoded.encoding, "windows-1252");
        assert!(decoded.text.contains("naïve résumé"));
        assert!(!decoded.had_errors);

        let sjis = b"<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>";
        let decoded = decode_html(sjis);
        assert_eq!(decoded.encoding, "Shift_JIS");
        assert!(decoded.text.contains("日本"));
    }

    #[test]
    fn undeclared_legacy_bytes_are_read_as_windows_1252() {
        let decoded = decode_html(b"<p>\x93Smart quotes\x94 \x96 dash</p>");
        assert_eq!(decoded.encoding, "windows-1252");
        assert_eq!(decoded.text, "<p>“Smart quotes” – dash</p>");
    }

    #[test]
    fn byte_order_marks_win() {
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in "<p>é</p>".encode_utf16() {
            utf16.extend(unit.to_le_bytes());
        }
        let decoded = decode_html(&utf16);
        assert_eq!(decoded.encoding, "UTF-16LE");
        assert_eq!(decoded.text, "<p>é</p>");
        let decoded = decode_html(b"\xEF\xBB\xBF<p>x</p>");
        assert_eq!(decoded.text, "<p>x</p>");
    }

    #[test]
    fn bad_utf8_declared_as_utf8_is_replaced() {
        let decoded = decode_html(b"<meta charset='utf-8'><p>bad \xff byte</p>");
        assert_eq!(decoded.encoding, "UTF-8");
        assert!(decoded.had_errors);
        assert!(decoded.text.contains("bad \u{FFFD} byte"));
    }

    #[test]
    fn unknown_labels_fall_back() {
        let decoded = decode_html(b"<meta charset=\"klingon\"><p>caf\xe9</p>");
        assert_eq!(decoded.encoding, "windows-1252");
        assert!(decoded.text.contains("café"));
    }
}
