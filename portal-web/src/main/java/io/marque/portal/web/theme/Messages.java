package io.marque.portal.web.theme;

import io.marque.portal.tenant.Themes;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.AbstractMap;
import java.util.Set;

/**
 * Every text of the UI, as {@code #{msg['key']}}: the tenant's theme wording in the reader's
 * language, falling back through the theme's parents to {@code base}. A missing key shows as
 * itself, so it is seen rather than breaking the page.
 */
@Named("msg")
@RequestScoped
public class Messages extends AbstractMap<String, String> {

    @Inject
    Ui ui;

    @Inject
    Themes themes;

    @Override
    public String get(Object key) {
        String text = ui.getTheme().message(ui.getLocale(), String.valueOf(key));
        return text == null ? String.valueOf(key) : text;
    }

    /** A message with {0}-style arguments. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), ui.getLocale()).format(args);
    }

    /** Texts that are message keys are translated; others (already plain text) pass through. */
    public String text(String keyOrText) {
        if (keyOrText == null) {
            return "";
        }
        String text = ui.getTheme().message(ui.getLocale(), keyOrText);
        return text == null ? keyOrText : text;
    }

    @Override
    public boolean containsKey(Object key) {
        return true;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return Set.of();
    }
}
