package org.smtpdoctor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * All knowledge that is text or tables rather than rules: the taxonomy, the advice per category and
 * language, and the status code tables. Built by {@link CatalogLoader}; immutable and thread-safe.
 */
public final class Catalog {
    private final Taxonomy taxonomy;
    private final Map<String, CatalogEntry> entries;
    private final StatusCodes statusCodes;
    private final Map<String, CatalogText> keys;
    private final List<CatalogText> texts;
    private final Set<String> unfinishedCategories;
    private final Deployment deployment;

    Catalog(Taxonomy taxonomy, Map<String, CatalogEntry> entries, StatusCodes statusCodes,
            Map<String, CatalogText> keys, List<CatalogText> texts, Deployment deployment) {
        this.taxonomy = taxonomy;
        this.deployment = deployment;
        this.entries = Map.copyOf(entries);
        this.statusCodes = statusCodes;
        this.keys = Map.copyOf(keys);
        this.texts = List.copyOf(texts);
        this.unfinishedCategories = texts.stream().filter(CatalogText::isUnfinished).map(CatalogText::category)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The application that sends the mail, as the advice names it (the rule set's {@code deployment.yaml}). */
    public Deployment deployment() {
        return deployment;
    }

    /** This catalog with the application named as {@code other} says (a deployment given for one run). */
    public Catalog withDeployment(Deployment other) {
        return new Catalog(taxonomy, entries, statusCodes, keys, texts, other);
    }

    /**
     * The advice for a diagnosis of {@code category} ({@link #shownEntry}) in {@code language}, with the rule's
     * parameters and this catalog's deployment.
     */
    public Advice advice(String category, int failureClass, String language, Map<String, String> params) {
        return shownEntry(category, failureClass).advice(language, params, deployment);
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

    /**
     * The entry whose advice a person is shown for a diagnosis of {@code category}: its own, unless a text of
     * it (or of its description) is still an unfinished stub; then the fallback of the reply's class
     * ({@code unknown.transient} for 4, {@code unknown.permanent} for 5, else {@code unknown.unclassified}),
     * so that a "TODO" never reaches the person reading the advice.
     */
    public CatalogEntry shownEntry(String category, int failureClass) {
        if (!isUnfinished(category)) {
            return entry(category);
        }
        return entry(switch (failureClass) {
            case 4 -> Taxonomy.UNKNOWN_TRANSIENT;
            case 5 -> Taxonomy.UNKNOWN_PERMANENT;
            default -> Taxonomy.UNKNOWN_UNCLASSIFIED;
        });
    }

    /** True when a text of the category's entry or description is still a stub ({@link CatalogText#isUnfinished}). */
    public boolean isUnfinished(String category) {
        return unfinishedCategories.contains(category);
    }

    /** Every unfinished stub, in file order. */
    public List<CatalogText> unfinished() {
        return texts.stream().filter(CatalogText::isUnfinished).toList();
    }

    /**
     * Every text of the catalog with where it stands: descriptions in categories.yaml, then the advice texts,
     * file by file.
     */
    public List<CatalogText> texts() {
        return texts;
    }

    /** Where the entry of {@code category} starts (its key), or null when it has none. */
    public CatalogText entryKey(String category) {
        return keys.get(category);
    }

    /** The advice texts of one category (every language), in file order. */
    public List<CatalogText> adviceTexts(String category) {
        List<CatalogText> of = new ArrayList<>();
        CatalogText key = keys.get(category);
        for (CatalogText t : texts) {
            if (t.category().equals(category) && key != null && t.file().equals(key.file())) {
                of.add(t);
            }
        }
        return of;
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
