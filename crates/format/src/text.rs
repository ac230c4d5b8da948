//! How body text is laid out: paragraphs, and the one way a text is split into them.

/// What separates two paragraphs in [`crate::article::Article::body_text`].
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

/// The paragraphs of a text: blocks separated by blank lines, the lines within a block joined by
/// spaces, empty blocks dropped. `\r\n` line ends count as `\n`.
///
/// ```
/// assert_eq!(
///     dateline_format::text::paragraphs("One\nline.\r\n\r\n\n\nTwo."),
///     ["One line.", "Two."]
/// );
/// ```
pub fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split(PARAGRAPH_SEPARATOR)
        .map(|block| {
            block
                .split('\n')
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|paragraph| !paragraph.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_paragraph_contains_the_separator() {
        for text in [
            "",
            "\n\n\n",
            "a\n\n\nb",
            " a \n b \n\n\n\n c",
            "\r\n\r\nx\r\n",
        ] {
            let found = paragraphs(text);
            assert!(found
                .iter()
                .all(|p| !p.is_empty() && !p.contains(PARAGRAPH_SEPARATOR)));
        }
        assert_eq!(paragraphs(" a \n b \n\n\n\n c"), ["a b", "c"]);
    }
}
