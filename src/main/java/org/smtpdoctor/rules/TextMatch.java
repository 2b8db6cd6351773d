package org.smtpdoctor.rules;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A pattern that occurs in the reply text ({@link Reply#wording}, {@link Reply#find}): its named groups become
 * the diagnosis' parameters ({@code (?P<url>https?://\S+)} gives the parameter {@code url}). They are read
 * only when asked for, that is when the rule fires: a rule whose other conditions fail costs no capture.
 */
public final class TextMatch {
    private final Pattern pattern;
    private final String text;
    private final RequiredLiterals.Lead lead;
    private Map<String, String> params;

    /** A match of {@code pattern}, known to occur in {@code text}; {@code pattern} is null when it has no named groups. */
    TextMatch(Pattern pattern, String text) {
        this(pattern, text, null);
    }

    /**
     * A match of {@code pattern}, known to occur in {@code text}, none of whose matches starts before its {@code lead}
     * (or null) allows: the capture looks from there.
     */
    TextMatch(Pattern pattern, String text, RequiredLiterals.Lead lead) {
        this.pattern = pattern;
        this.text = text;
        this.lead = lead;
    }

    /** The named groups of the pattern's first match, by name (groups that took no part left out). */
    public Map<String, String> params() {
        if (params == null) {
            Map<String, String> values = new LinkedHashMap<>();
            if (pattern != null && !pattern.namedGroups().isEmpty()) {
                Matcher m = pattern.matcher(text);
                if (RequiredLiterals.Lead.find(m, text, lead)) {
                    for (String name : pattern.namedGroups().keySet()) {
                        String value = m.group(name);
                        if (value != null) {
                            values.put(name, value);
                        }
                    }
                }
            }
            params = Collections.unmodifiableMap(values);
        }
        return params;
    }

    @Override
    public String toString() {
        return "TextMatch[" + (pattern == null ? "no parameters" : pattern.pattern()) + "]";
    }
}
