package org.smtpdoctor.authoring;

import org.smtpdoctor.catalog.Catalog;
import org.smtpdoctor.catalog.CatalogLoader;
import org.smtpdoctor.catalog.CatalogText;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;
import org.smtpdoctor.source.YamlNode;

/**
 * Unfinished texts are errors: new-rule writes its advice stubs with {@code TODO}, and a stub that passed lint
 * would reach the people reading the advice. The catalog's stubs are reported from the texts the catalog
 * keeps (saying which text of which category, in which language); any other {@code TODO} in a YAML text of
 * the rules or samples (a rule's source, a case's source) is reported where it stands.
 */
final class TodoMarkers {
    private static final String MARKER = CatalogText.UNFINISHED_MARKER;

    private TodoMarkers() {
    }

    /** The catalog's stubs: each an error at the text, saying what to write there. */
    static void checkCatalog(Catalog catalog, Problems problems) {
        for (CatalogText stub : catalog.unfinished()) {
            problems.error(stub.file(), stub.line(), stub.column(), span(stub.text()) + " is a stub: write " + stub.what()
                    + " of " + stub.category() + " here, in words the person sending the mail understands, in place"
                    + " of the whole quoted text (until then lint and verify fail, and people are shown the general"
                    + " advice of an unknown error)");
        }
    }

    /**
     * Every other TODO in the YAML texts of {@code tree}; the catalog files are skipped when {@code catalogChecked}
     * (their stubs were reported by {@link #checkCatalog}).
     */
    static void checkFiles(SourceTree tree, boolean catalogChecked, Problems problems) {
        for (SourceFile file : tree.files(".yaml")) {
            boolean catalogFile = file.name().equals(CatalogLoader.CATEGORIES_FILE) || file.name().startsWith("catalog/");
            if (catalogChecked && catalogFile || !file.content().contains(MARKER)) {
                continue;
            }
            YamlNode root = YamlNode.parse(file, new Problems()); // syntax errors are reported by the loaders
            if (root == null) {
                continue;
            }
            for (YamlNode text : root.scalars()) {
                int at = text.text().indexOf(MARKER);
                if (at >= 0) {
                    problems.add(text.errorAt(at, span(text.text()) + " is unfinished: write what belongs here in place"
                            + " of the TODO (for a source: where the reply was seen, such as a provider's page or a log)"));
                }
            }
        }
    }

    /** The offending text, quoted and shortened, for a message. */
    static String span(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return "\"" + (one.length() <= 70 ? one : one.substring(0, 67) + "...") + "\"";
    }
}
