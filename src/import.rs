//! What a reader brings to the Analyze page: pasted text or a file, checked and turned into
//! paragraphs. Text is only ever read, never rendered as HTML: a saved page is decoded here (in
//! the character set it declares, by the browser's `TextDecoder`) and handed as text to the page
//! worker ([`crate::page`]), which extracts its article; the document never sees its HTML.

use std::fmt;

/// The longest text analyzed at once, in characters: about 170,000 words, several times a long
/// feature. Longer texts would take long to analyze and would not fit the ~5 MB the browser keeps
/// for Dateline once analyzed; the reader is asked to split them.
pub const MAX_TEXT_CHARS: usize = 1_000_000;

/// The largest file read, in bytes (HTML carries markup around its text).
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;

/// What a file turned out to be.
#[derive(Clone, Debug, PartialEq)]
pub enum Imported {
    /// Text for the form: the title found in it (if any) and the body text.
    Text {
        /// A headline found in the file (an HTML `<title>` or `<h1>`).
        title: Option<String>,
        /// Body text, paragraphs separated by blank lines.
        text: String,
    },
    /// A Dateline article file, as text (to be validated by the caller).
    ArticleJson(String),
    /// A saved web page, decoded, for the page worker.
    Html(String),
}

/// Why input was refused; every message says what to do.
#[derive(Clone, Debug, PartialEq)]
pub enum InputError {
    /// No text at all.
    Empty,
    /// Longer than [`MAX_TEXT_CHARS`].
    TooLong(usize),
    /// A file larger than [`MAX_FILE_BYTES`].
    FileTooLarge(usize),
    /// The browser could not read the file.
    Unreadable,
    /// NUL bytes or similar: a PDF, an image, a word-processor file.
    Binary,
    /// Not UTF-8, at this byte offset.
    NotUtf8(usize),
    /// A file type Dateline does not read.
    UnknownType(String),
    /// A page in a character set the browser cannot decode.
    UnknownCharset(String),
    /// The publication date is not a date.
    BadDate,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => write!(f, "There is no text to analyze. Paste an article or choose a file."),
            InputError::TooLong(n) => write!(
                f,
                "This text has {} characters; Dateline analyzes up to {} (about 170,000 words) at a time. Split it into parts and analyze each.",
                group(*n),
                group(MAX_TEXT_CHARS)
            ),
            InputError::FileTooLarge(n) => write!(
                f,
                "This file is {:.1} MB; Dateline reads files up to {} MB.",
                *n as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
            InputError::Unreadable => write!(
                f,
                "This file could not be read. Check that it is still there and try again."
            ),
            InputError::Binary => write!(
                f,
                "This file is not text (it looks like a PDF, image or word-processor file). Save it as plain text or HTML first."
            ),
            InputError::NotUtf8(at) => write!(
                f,
                "This file is not UTF-8 text (the first bad byte is at offset {at}). Save it as UTF-8 and try again."
            ),
            InputError::UnknownType(name) => write!(
                f,
                "Dateline reads .txt, .md, .html and Dateline .json files, not “{name}”."
            ),
            InputError::UnknownCharset(label) => write!(
                f,
                "This page is written in a character set this browser cannot read (“{label}”). Save it as UTF-8 and try again."
            ),
            InputError::BadDate => write!(f, "The publication date must be a date (YYYY-MM-DD), or empty if you do not know it."),
        }
    }
}

fn group(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Reads a file the reader chose or dropped; files over [`MAX_FILE_BYTES`] are refused unread.
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, InputError> {
    let size = file.size() as usize;
    if size > MAX_FILE_BYTES {
        return Err(InputError::FileTooLarge(size));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| InputError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Turns a file's bytes into text for the form, a page for the page worker, or an article file
/// to open.
pub fn import_file(name: &str, bytes: &[u8]) -> Result<Imported, InputError> {
    Ok(match kind_of(name)? {
        FileKind::Json => Imported::ArticleJson(decode(bytes)?),
        FileKind::Text => Imported::Text {
            title: None,
            text: decode(bytes)?,
        },
        FileKind::Markdown => Imported::Text {
            title: None,
            text: strip_markdown(&decode(bytes)?),
        },
        FileKind::Html => Imported::Html(decode_page(bytes)?),
    })
}

/// Checks a file's bytes and decodes them as UTF-8 text.
pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(InputError::FileTooLarge(bytes.len()));
    }
    // Text files never contain NUL; PDFs, images and office files nearly always do early on.
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(InputError::Binary);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8(bytes.to_vec()).map_err(|e| InputError::NotUtf8(e.utf8_error().valid_up_to()))
}

/// The kind of file by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `.txt`, or no extension.
    Text,
    /// `.md`, `.markdown`.
    Markdown,
    /// `.html`, `.htm`.
    Html,
    /// `.json`.
    Json,
}

/// The kind of a file by its name, or the error for a type Dateline does not read.
pub fn kind_of(name: &str) -> Result<FileKind, InputError> {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, ext)| ext);
    match ext {
        "txt" | "text" | "" => Ok(FileKind::Text),
        "md" | "markdown" => Ok(FileKind::Markdown),
        "html" | "htm" | "xhtml" => Ok(FileKind::Html),
        "json" => Ok(FileKind::Json),
        _ => Err(InputError::UnknownType(name.to_string())),
    }
}

/// Removes the Markdown marks a reader would not want analyzed: heading and quote markers, list
/// bullets, emphasis, and link targets (`[text](url)` keeps `text`).
pub fn strip_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let mut line = line.trim_start();
        line = line.trim_start_matches('#').trim_start();
        line = line.trim_start_matches('>').trim_start();
        for bullet in ["- ", "* ", "+ "] {
            if let Some(rest) = line.strip_prefix(bullet) {
                line = rest;
            }
        }
        let mut rest = line;
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find("](").map(|i| open + i) else {
                break;
            };
            let Some(end) = rest[close..].find(')').map(|i| close + i) else {
                break;
            };
            out.push_str(&rest[..open]);
            out.push_str(&rest[open + 1..close]);
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        out.push('\n');
    }
    out.replace("**", "").replace("__", "")
}

pub use dateline_format::text::paragraphs;

/// Checks pasted or loaded body text.
pub fn check_text(text: &str) -> Result<(), InputError> {
    if text.trim().is_empty() {
        return Err(InputError::Empty);
    }
    let chars = text.chars().count();
    if chars > MAX_TEXT_CHARS {
        return Err(InputError::TooLong(chars));
    }
    Ok(())
}

/// How many bytes at the start of a page are searched for its `<meta charset>` (browsers look
/// at 1024; saved pages often put comments first).
const CHARSET_PRESCAN: usize = 4096;

/// The character set a page declares near its start, lower-cased: `<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(CHARSET_PRESCAN)];
    let head: String = head
        .iter()
        .map(|&b| char::from(b.to_ascii_lowercase()))
        .collect();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        let tag = &rest[at..];
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        if let Some(found) = tag.find("charset") {
            let value = tag[found + "charset".len()..].trim_start();
            if let Some(value) = value.strip_prefix('=') {
                let label: String = value
                    .trim_start()
                    .trim_start_matches(['"', '\''])
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
                    .collect();
                if !label.is_empty() {
                    return Some(label);
                }
            }
        }
        rest = &rest[at + "<meta".len()..];
    }
    None
}

/// Decodes a saved page: UTF-8 unless it declares another character set, which the browser's
/// `TextDecoder` reads (no decoder tables in the app). A page that declares nothing and is not
/// UTF-8 is read as windows-1252, as browsers do.
pub fn decode_page(bytes: &[u8]) -> Result<String, InputError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(InputError::FileTooLarge(bytes.len()));
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err(InputError::Binary);
    }
    if let Some(text) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode(text);
    }
    let label = declared_charset(bytes);
    let label = match label.as_deref() {
        Some("utf-8" | "utf8" | "unicode-1-1-utf-8") => return decode(bytes),
        Some(label) => label.to_string(),
        None => match decode(bytes) {
            Err(InputError::NotUtf8(_)) => "windows-1252".to_string(),
            decoded => return decoded,
        },
    };
    let decoder = web_sys::TextDecoder::new_with_label(&label)
        .map_err(|_| InputError::UnknownCharset(label.clone()))?;
    decoder
        .decode_with_u8_array(bytes)
        .map_err(|_| InputError::UnknownCharset(label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_binary_and_non_utf8_bytes() {
        assert_eq!(decode(b"%PDF-1.4\n\0\0binary"), Err(InputError::Binary));
        assert_eq!(decode(b"caf\xe9 au lait"), Err(InputError::NotUtf8(3)));
        assert_eq!(decode("\u{feff}Café".as_bytes()), Ok("Café".to_string()));
    }

    #[test]
    fn checks_empty_and_long_text() {
        assert_eq!(check_text("  \n "), Err(InputError::Empty));
        let long = "a".repeat(MAX_TEXT_CHARS + 1);
        assert_eq!(
            check_text(&long),
            Err(InputError::TooLong(MAX_TEXT_CHARS + 1))
        );
        assert!(InputError::TooLong(MAX_TEXT_CHARS + 1)
            .to_string()
            .contains("1,000,001"));
        assert_eq!(check_text("Text."), Ok(()));
    }

    #[test]
    fn finds_the_declared_charset() {
        assert_eq!(
            declared_charset(b"<html><head><meta charset=\"windows-1252\"><title>"),
            Some("windows-1252".to_string())
        );
        assert_eq!(
            declared_charset(
                b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-1'>"
            ),
            Some("iso-8859-1".to_string())
        );
        assert_eq!(
            declared_charset(b"<meta charset=utf-8>"),
            Some("utf-8".to_string())
        );
        assert_eq!(declared_charset(b"<p>charset=latin1</p>"), None);
        assert_eq!(declared_charset(b"<meta name=description content=x>"), None);
        // UTF-8 pages decode without the browser.
        assert_eq!(
            decode_page("<meta charset=\"utf-8\"><p>Café</p>".as_bytes()),
            Ok("<meta charset=\"utf-8\"><p>Café</p>".to_string())
        );
    }

    #[test]
    fn knows_file_kinds_by_extension() {
        assert_eq!(kind_of("a.TXT"), Ok(FileKind::Text));
        assert_eq!(kind_of("story.htm"), Ok(FileKind::Html));
        assert_eq!(kind_of("x.json"), Ok(FileKind::Json));
        assert!(matches!(
            kind_of("report.pdf"),
            Err(InputError::UnknownType(_))
        ));
    }

    #[test]
    fn splits_paragraphs_and_strips_markdown() {
        assert_eq!(
            paragraphs("One\nline.\r\n\r\nTwo.\n\n\n"),
            vec!["One line.", "Two."]
        );
        assert_eq!(
            strip_markdown("# Title\n\n> Quoted **bold** [link](http://x) end.\n- item"),
            "Title\n\nQuoted bold link end.\nitem\n"
        );
    }
}
