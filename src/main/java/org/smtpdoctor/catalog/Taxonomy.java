package org.smtpdoctor.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The category ids of {@code rules/categories.yaml}, in precedence order, and the catalog languages.
 */
public final class Taxonomy {
    /** The fallback categories the engine concludes when nothing else decides; categories.yaml must have them. */
    public static final String UNKNOWN_TRANSIENT = "unknown.transient";
    public static final String UNKNOWN_PERMANENT = "unknown.permanent";
    public static final String UNKNOWN_UNCLASSIFIED = "unknown.unclassified";
    static final Set<String> REQUIRED = Set.of(UNKNOWN_TRANSIENT, UNKNOWN_PERMANENT, UNKNOWN_UNCLASSIFIED);
    /** The family of the fallbacks: a category in it says that no rule knew the reply. */
    public static final String FALLBACK_FAMILY = "unknown";

    private final Map<String, Category> byId = new LinkedHashMap<>();
    private final Map<String, Integer> lines;
    private final List<String> languages;
    private final String defaultLanguage;

    Taxonomy(List<Category> categories, Map<String, Integer> lines, List<String> languages, String defaultLanguage) {
        categories.forEach(c -> byId.put(c.id(), c));
        this.lines = Map.copyOf(lines);
        this.languages = List.copyOf(languages);
        this.defaultLanguage = defaultLanguage;
    }

    /** The category id (or family) is a fallback: {@code unknown.*}, or null (nothing concluded). */
    public static boolean isFallback(String id) {
        return id == null || id.equals(FALLBACK_FAMILY) || id.startsWith(FALLBACK_FAMILY + ".");
    }

    /** The line of categories.yaml that lists the category, for problems about it. */
    int line(String id) {
        return lines.getOrDefault(id, 0);
    }

    /** The category with this id, or null. */
    public Category get(String id) {
        return byId.get(id);
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** All categories, highest precedence first. */
    public List<Category> categories() {
        return List.copyOf(byId.values());
    }

    /** The languages every catalog entry has, e.g. [en, ru]. */
    public List<String> languages() {
        return languages;
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }
}
