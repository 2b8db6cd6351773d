package org.smtpdoctor.catalog;

import java.util.Map;

/**
 * All knowledge that is text or tables rather than rules: the taxonomy, the advice per category and
 * language, and the status code tables. Built by {@link CatalogLoader}; immutable and thread-safe.
 */
public final class Catalog {
    private final Taxonomy taxonomy;
    private final Map<String, CatalogEntry> entries;
    private final StatusCodes statusCodes;

    Catalog(Taxonomy taxonomy, Map<String, CatalogEntry> entries, StatusCodes statusCodes) {
        this.taxonomy = taxonomy;
        this.entries = Map.copyOf(entries);
        this.statusCodes = statusCodes;
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /** The entry for a category; every category of the taxonomy has one (the loader checks). */
    public CatalogEntry entry(String category) {
        CatalogEntry entry = entries.get(category);
        if (entry == null) {
            throw new IllegalArgumentException("no catalog entry for " + category);
        }
        return entry;
    }

    public StatusCodes statusCodes() {
        return statusCodes;
    }

    /**
     * The catalog language for a requested one: {@code language} itself when the catalog has it, else
     * the default language.
     */
    public String language(String language) {
        return taxonomy.languages().contains(language) ? language : taxonomy.defaultLanguage();
    }
}
