//! About Dateline: what it does with a reader's text, and the data and licences behind its
//! analysis (the attribution the CC BY training sets require; `models/MODEL_CARD.md` has the
//! details).

use yew::prelude::*;

use crate::route::Route;

/// The About page (`#/about`).
#[function_component(AboutPage)]
pub fn about_page() -> Html {
    html! {
        <article class="about" aria-labelledby="about-title">
            <h1 id="about-title">{"About Dateline"}</h1>
            <p>
                {"Dateline opens a news article in a clean reading view, highlights the people, \
                  organisations, places and other names in it, and draws a timeline of the dated \
                  events it mentions. Everything runs in your browser: the text you read or \
                  analyze is never sent anywhere, and there is no account, tracking or server."}
            </p>
            <h2>{"How the analysis works"}</h2>
            <p>
                {"Names are found by a statistical tagger (an averaged perceptron) with word \
                  lists, and dates by rules that read each time expression against the article's \
                  publication date. Like any automatic analysis it makes mistakes; on your own \
                  articles you can correct a name's type, merge two names, remove a mention or \
                  fix an event's date."}
            </p>
            <h2 id="data-and-licences">{"Data and licences"}</h2>
            <p>
                {"The names model was learnt from three annotated collections of text. Only \
                  entity names of the two openly licensed ones are kept in the model, as a word \
                  list; no text of any of them is."}
            </p>
            <ul class="credits">
                <li data-credit="gum">
                    <strong>{"GUM"}</strong>
                    {" (Georgetown University Multilayer corpus): annotations by Amir Zeldes and \
                      the GUM annotators, CC BY 4.0; texts by Wikinews contributors (CC BY 2.5), \
                      Wikipedia and Wikivoyage contributors (CC BY-SA 3.0), and the authors of \
                      academic articles and the courts named per document (CC BY 4.0). Zeldes, \
                      A. (2017), “The GUM Corpus: Creating Multilayer Resources in the \
                      Classroom”, Language Resources and Evaluation 51(3), 581–612. Only the \
                      genres whose licence allows it were used; names were lower-cased and \
                      re-tokenized."}
                </li>
                <li data-credit="wikigold">
                    <strong>{"Wikigold"}</strong>
                    {", by Dominic Balasuriya, Nicky Ringland, Joel Nothman, Tara Murphy and \
                      James R. Curran: “Named entity recognition in Wikipedia” (2009), and \
                      Nothman et al. (2013), “Learning multilingual named entity recognition from \
                      Wikipedia”, Artificial Intelligence 194. CC BY 4.0; text from English \
                      Wikipedia by Wikipedia contributors (CC BY-SA). Names were lower-cased and \
                      re-tokenized."}
                </li>
                <li data-credit="conll">
                    <strong>{"CoNLL-2003"}</strong>
                    {" (Reuters news, 1996–97): used to learn weights only; none of its names \
                      or text are in Dateline. Its terms are research use; see the model card."}
                </li>
            </ul>
            <p>
                {"Licences: "}
                <a href="https://creativecommons.org/licenses/by/4.0/" rel="license noopener" target="_blank">{"CC BY 4.0"}</a>
                {", "}
                <a href="https://creativecommons.org/licenses/by/2.5/" rel="license noopener" target="_blank">{"CC BY 2.5"}</a>
                {", "}
                <a href="https://creativecommons.org/licenses/by-sa/3.0/" rel="license noopener" target="_blank">{"CC BY-SA 3.0"}</a>
                {". Dateline's own word lists (countries, capitals, currencies, organisations) \
                  were written by the Dateline team from public facts."}
            </p>
            <h2>{"Software"}</h2>
            <p>
                {"Dateline is written in Rust with Yew and runs as WebAssembly. Web pages you \
                  open on the Analyze page are read with dom_smoothie (MIT), a port of Mozilla's \
                  Readability, and html5ever (MIT or Apache-2.0); its CSS selector code, \
                  selectors and cssparser from the Servo project, is under the Mozilla Public \
                  License 2.0 and used unmodified as published on crates.io."}
            </p>
            <p><a href={Route::Library.href()}>{"Back to the library"}</a></p>
        </article>
    }
}
