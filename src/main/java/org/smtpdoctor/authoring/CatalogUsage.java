package org.smtpdoctor.authoring;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smtpdoctor.catalog.Catalog;
import org.smtpdoctor.catalog.CatalogLoader;
import org.smtpdoctor.catalog.CatalogText;
import org.smtpdoctor.catalog.Category;
import org.smtpdoctor.catalog.Placeholders;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.engine.RuleSetCheck;
import org.smtpdoctor.source.Problems;

/**
 * Checks that the catalog and the rules fit together: an entry nothing can conclude is dead text, and a
 * placeholder that no rule of its category provides always shows its fallback. Both are warnings: the advice
 * still reads right, but the author meant something that does not happen. Positions come from the texts the
 * catalog keeps; the YAML is not read again.
 */
final class CatalogUsage {
    private CatalogUsage() {
    }

    static void check(RuleSetCheck rules, Problems problems) {
        Catalog catalog = rules.catalog();
        Set<String> reachable = new HashSet<>(catalog.statusCodes().categories());
        reachable.addAll(List.of(Taxonomy.UNKNOWN_TRANSIENT, Taxonomy.UNKNOWN_PERMANENT, Taxonomy.UNKNOWN_UNCLASSIFIED));
        Map<String, Set<String>> provided = new HashMap<>();
        for (RuleSetCheck.Rule rule : rules.rules()) {
            reachable.add(rule.category());
            provided.computeIfAbsent(rule.category(), c -> new HashSet<>()).addAll(rule.params());
        }
        for (Category category : catalog.taxonomy().categories()) {
            String id = category.id();
            CatalogText key = catalog.entryKey(id);
            if (key != null && !reachable.contains(id)) {
                problems.warning(key.file(), key.line(), key.column(), "the entry '" + id + "' is never used: no rule"
                        + " concludes it and no code in " + CatalogLoader.REPLY_CODES_FILE + " or "
                        + CatalogLoader.ENHANCED_CODES_FILE + " leads to it; add a rule in " + id.replace('.', '/')
                        + ".yaml, or remove the entry");
            }
            for (CatalogText text : catalog.adviceTexts(id)) {
                checkPlaceholders(text, provided.getOrDefault(id, Set.of()), problems);
            }
        }
    }

    /** How a wording provides the parameter: {url} for a type's own name, else {name:type}. */
    private static String placeholderFor(String name) {
        return List.of("ip", "host", "address", "url", "number", "id").contains(name) ? "{" + name + "}"
                : "{" + name + ":number} (or another type: ip, host, address, url, id)";
    }

    private static void checkPlaceholders(CatalogText text, Set<String> provided, Problems problems) {
        for (String name : Placeholders.names(text.text())) {
            if (!provided.contains(name)) {
                problems.warning(text.file(), text.line(), text.column(), "placeholder {" + name + "|…} in " + text.what()
                        + " of '" + text.category() + "' always shows its fallback: no rule of that category provides '"
                        + name + "' (" + (provided.isEmpty() ? "its rules provide no parameters"
                        : "its rules provide " + String.join(", ", provided.stream().sorted().toList()))
                        + "); write " + placeholderFor(name) + " in a wording of the rule, or drop the placeholder");
            }
        }
    }
}
