//! The "Source and licence" block under an article whose text comes from elsewhere: where it
//! comes from, a link to the original, the licence with its link, and the credit line the
//! licence asks for (which says how the text was changed).

use dateline_format::article::Credit;
use yew::prelude::*;

/// Props of [`CreditBlock`].
#[derive(Properties, PartialEq)]
pub struct CreditProps {
    /// The credit to show.
    pub credit: Credit,
    /// The publisher, e.g. "Wikinews"; may be empty.
    pub source: AttrValue,
}

/// The host of a web address, for the link's text ("en.wikinews.org").
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// "Source and licence": the original's address, the licence and the attribution line.
#[function_component(CreditBlock)]
pub fn credit_block(props: &CreditProps) -> Html {
    let credit = &props.credit;
    let source = if props.source.is_empty() {
        host(&credit.url).to_string()
    } else {
        props.source.to_string()
    };
    html! {
        <section class="credit" aria-labelledby="credit-title">
            <h2 id="credit-title">{"Source and licence"}</h2>
            <dl>
                <dt>{"Source"}</dt>
                <dd>
                    {source}{" — "}
                    <a class="credit-original" href={credit.url.clone()} rel="noopener noreferrer external">
                        {"original article on "}{host(&credit.url)}
                    </a>
                </dd>
                <dt>{"Licence"}</dt>
                <dd>
                    if let Some(url) = &credit.licence_url {
                        <a class="credit-licence" href={url.clone()} rel="noopener noreferrer external license">{&credit.licence}</a>
                    } else {
                        <span class="credit-licence">{&credit.licence}</span>
                    }
                </dd>
            </dl>
            <p class="attribution">{&credit.attribution}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::host;

    #[test]
    fn hosts_of_addresses() {
        assert_eq!(host("https://en.wikinews.org/wiki/X"), "en.wikinews.org");
        assert_eq!(host("http://www.centcom.mil/MEDIA/"), "www.centcom.mil");
        assert_eq!(host("https://example.org?q=1"), "example.org");
        assert_eq!(host("https://example.org"), "example.org");
    }
}
