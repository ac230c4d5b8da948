//! A last line of defence: if the app ever panics, the reader sees a message, not a frozen page.

/// Installs a panic hook that writes a readable message into the page (and the console).
pub fn show_panics_in_page() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&detail.clone().into());
        let document = gloo::utils::document();
        if let Ok(message) = document.create_element("div") {
            message.set_class_name("panic-message");
            message.set_attribute("role", "alert").ok();
            message.set_text_content(Some(
                "Dateline hit an internal error and stopped. Reload the page to continue; \
                 your articles are not affected.",
            ));
            if let Some(body) = document.body() {
                body.prepend_with_node_1(&message).ok();
            }
        }
    }));
}
