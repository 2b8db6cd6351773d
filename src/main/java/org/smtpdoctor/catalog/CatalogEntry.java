package org.smtpdoctor.catalog;

import java.util.List;
import java.util.Collections;
import java.util.Set;
import java.util.HashSet;
import java.util.Map;

/** Everything the catalog says about one category: who acts, whether a retry helps, and text per language. */
public final class CatalogEntry {
    private final String category;
    private final Actor actor;
    private final Retry retry;
    private final Retry transientRetry;
    private final List<String> links;
    private final Map<String, AdviceText> texts;
    /** The rule parameters any of its texts names. */
    private final Set<String> parameters;

    CatalogEntry(String category, Actor actor, Retry retry, Retry transientRetry, List<String> links,
                 Map<String, AdviceText> texts) {
        this.category = category;
        this.actor = actor;
        this.retry = retry;
        this.transientRetry = transientRetry;
        this.links = List.copyOf(links);
        this.texts = Map.copyOf(texts);
        Set<String> names = new HashSet<>();
        texts.values().forEach(text -> text.addParameterNames(names));
        this.parameters = Set.copyOf(names);
    }

    /** Whether the advice reads the same for a diagnosis with {@code params} as without any (no text names one of them). */
    public boolean readsNoneOf(Set<String> params) {
        return Collections.disjoint(parameters, params);
    }

    public String category() {
        return category;
    }

    public Actor actor() {
        return actor;
    }

    /** Whether a retry helps, for a permanent reply or one without a code. */
    public Retry retry() {
        return retry;
    }

    /**
     * Whether a retry helps for this reply: a transient (4xx) reply of a category whose entry sets
     * {@code retryIfTransient} gets that value (a 452 "mailbox over quota" clears by itself, a 552 does not);
     * otherwise {@link #retry()}.
     */
    public Retry retry(boolean transientReply) {
        return transientReply && transientRetry != null ? transientRetry : retry;
    }

    /**
     * The advice in {@code language} (which the catalog guarantees to have), placeholders filled: rule
     * parameters from {@code params}, the application's name from {@code deployment}, whose {@code resends}
     * also chooses the remedy steps written per answer.
     */
    public Advice advice(String language, Map<String, String> params, Deployment deployment) {
        AdviceText text = texts.get(language);
        if (text == null) {
            throw new IllegalArgumentException("no '" + language + "' text for " + category);
        }
        return text.render(language, params, links, deployment);
    }
}
