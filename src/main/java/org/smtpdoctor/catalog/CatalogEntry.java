package org.smtpdoctor.catalog;

import java.util.List;
import java.util.Map;

/** Everything the catalog says about one category: who acts, whether a retry helps, and text per language. */
public final class CatalogEntry {
    private final String category;
    private final Actor actor;
    private final Retry retry;
    private final List<String> links;
    private final Map<String, AdviceText> texts;

    CatalogEntry(String category, Actor actor, Retry retry, List<String> links, Map<String, AdviceText> texts) {
        this.category = category;
        this.actor = actor;
        this.retry = retry;
        this.links = List.copyOf(links);
        this.texts = Map.copyOf(texts);
    }

    public String category() {
        return category;
    }

    public Actor actor() {
        return actor;
    }

    public Retry retry() {
        return retry;
    }

    /** The advice in {@code language} (which the catalog guarantees to have), placeholders filled. */
    public Advice advice(String language, Map<String, String> params) {
        AdviceText text = texts.get(language);
        if (text == null) {
            throw new IllegalArgumentException("no '" + language + "' text for " + category);
        }
        return text.render(language, params, links);
    }
}
