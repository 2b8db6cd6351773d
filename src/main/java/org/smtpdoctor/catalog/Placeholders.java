package org.smtpdoctor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catalog placeholders: {@code {url|the link in the message}} is the rule parameter {@code url}, or the
 * words after '|' when the diagnosis has no such parameter (the enhanced-code layer, for one, has none).
 */
public final class Placeholders {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][\\w-]*)(?:\\|([^{}]*))?\\}");

    private Placeholders() {
    }

    /** Fills every placeholder of {@code text}. */
    public static String fill(String text, Map<String, String> params) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            if (value == null) {
                value = m.group(2) == null ? "" : m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The parameter names the placeholders of {@code text} ask for, in order. */
    public static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The placeholders of {@code text} that lack a fallback, as written (for load errors). */
    public static List<String> withoutFallback(String text) {
        List<String> bare = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (m.group(2) == null) {
                bare.add(m.group());
            }
        }
        return bare;
    }
}
