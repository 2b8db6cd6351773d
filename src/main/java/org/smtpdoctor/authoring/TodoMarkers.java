package org.smtpdoctor.authoring;

import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;
import org.smtpdoctor.source.YamlNode;

/**
 * Warns of "TODO" left in YAML texts: new-rule writes its stubs with it, and a stub that loads and verifies
 * would otherwise reach the people reading the advice.
 */
final class TodoMarkers {
    private TodoMarkers() {
    }

    static void check(SourceTree tree, Problems problems) {
        for (SourceFile file : tree.files(".yaml")) {
            YamlNode root = YamlNode.parse(file, new Problems()); // syntax errors are reported by the loaders
            if (root == null) {
                continue;
            }
            for (YamlNode text : root.scalars()) {
                if (text.text().contains("TODO")) {
                    problems.add(text.warning("a TODO is left in this text: write what people should read"));
                }
            }
        }
    }
}
