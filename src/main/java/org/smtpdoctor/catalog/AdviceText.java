package org.smtpdoctor.catalog;

import java.util.List;
import java.util.Map;

/** A catalog entry's text in one language, before placeholders are filled. */
record AdviceText(String title, String explanation, List<String> remedy) {

    Advice render(String language, Map<String, String> params, List<String> links) {
        return new Advice(language, Placeholders.fill(title, params), Placeholders.fill(explanation, params),
                remedy.stream().map(step -> Placeholders.fill(step, params)).toList(), links);
    }
}
