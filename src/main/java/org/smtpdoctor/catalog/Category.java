package org.smtpdoctor.catalog;

import java.util.Map;

/**
 * One category of the taxonomy in {@code rules/categories.yaml}.
 *
 * @param id          e.g. {@code auth.invalid-credentials}: rule conclusion, catalog key and sample file name
 * @param description one line per language
 * @param precedence  position in categories.yaml; when wording rules of several categories match, the lowest wins
 */
public record Category(String id, Map<String, String> description, int precedence) {

    /** The part before the dot, e.g. {@code auth}. */
    public String family() {
        return id.substring(0, id.indexOf('.'));
    }
}
