package org.smtpdoctor.authoring;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smtpdoctor.catalog.Catalog;
import org.smtpdoctor.catalog.CatalogLoader;
import org.smtpdoctor.catalog.Placeholders;
import org.smtpdoctor.catalog.Taxonomy;
import org.smtpdoctor.engine.RuleSetCheck;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;
import org.smtpdoctor.source.YamlNode;

/**
 * Checks that the catalog and the rules fit together: an entry nothing can conclude is dead text, and a
 * placeholder that no rule of its category provides always shows its fallback. Both are warnings: the advice
 * still reads right, but the author meant something that does not happen.
 */
final class CatalogUsage {
    private CatalogUsage() {
    }

    static void check(SourceTree tree, RuleSetCheck rules, Problems problems) {
        Catalog catalog = rules.catalog();
        Set<String> reachable = new HashSet<>(catalog.statusCodes().categories());
        reachable.addAll(List.of(Taxonomy.UNKNOWN_TRANSIENT, Taxonomy.UNKNOWN_PERMANENT, Taxonomy.UNKNOWN_UNCLASSIFIED));
        Map<String, Set<String>> provided = new HashMap<>();
        for (RuleSetCheck.Rule rule : rules.rules()) {
            reachable.add(rule.category());
            provided.computeIfAbsent(rule.category(), c -> new HashSet<>()).addAll(rule.params());
        }
        for (SourceFile file : tree.files(".yaml")) {
            if (!file.name().startsWith("catalog/")) {
                continue;
            }
            YamlNode root = YamlNode.parse(file, new Problems()); // its syntax errors come from the loader
            if (root == null) {
                continue;
            }
            root.entries(new Problems(), file.name()).forEach((key, entry) -> {
                String id = key.text();
                if (!catalog.taxonomy().contains(id)) {
                    return; // reported by the loader
                }
                if (!reachable.contains(id)) {
                    problems.add(key.warning("the entry '" + id + "' is never used: no rule concludes it and no code in "
                            + CatalogLoader.REPLY_CODES_FILE + " or " + CatalogLoader.ENHANCED_CODES_FILE
                            + " leads to it"));
                }
                checkPlaceholders(id, entry, provided.getOrDefault(id, Set.of()), problems);
            });
        }
    }

    private static void checkPlaceholders(String id, YamlNode entry, Set<String> provided, Problems problems) {
        for (YamlNode text : entry.scalars()) {
            for (String name : Placeholders.names(text.text())) {
                if (!provided.contains(name)) {
                    problems.add(text.warning("placeholder {" + name + "|…} of '" + id + "' always shows its fallback: "
                            + "no rule of that category provides '" + name + "' (" + (provided.isEmpty()
                            ? "its rules provide no parameters"
                            : "its rules provide " + String.join(", ", provided.stream().sorted().toList()))
                            + "); name a group (?P<" + name + ">…) in a find pattern, or pass it to conclude"));
                }
            }
        }
    }
}
