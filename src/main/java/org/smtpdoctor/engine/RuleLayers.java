package org.smtpdoctor.engine;

import org.drools.drl.ast.descr.AnnotationDescr;
import org.kie.api.definition.rule.Rule;
import org.smtpdoctor.wording.RuleLayer;

/**
 * The layer of a compiled rule, as its DRL says it: {@code @layer("concept")} marks a concept rule, a rule
 * without it is a provider rule. Kept in the rule itself so that hand-written DRL can be a concept rule too,
 * and {@code explain --drl} shows it.
 */
final class RuleLayers {
    private static final String KEY = "layer";

    private RuleLayers() {
    }

    /** True for the one annotation the gate lets through: {@code @layer("concept")} or {@code @layer("stage")}. */
    static boolean isLayerAnnotation(AnnotationDescr annotation) {
        return KEY.equals(annotation.getName()) && annotation.getValueMap().size() == 1
                && RuleLayer.fromId(unquoted(annotation.getSingleValueAsString()))
                        .filter(layer -> layer != RuleLayer.PROVIDER).isPresent();
    }

    /** The layer of a compiled rule. */
    static RuleLayer of(Rule rule) {
        Object value = rule.getMetaData().get(KEY);
        return value == null ? RuleLayer.PROVIDER : RuleLayer.fromId(unquoted(value.toString())).orElse(RuleLayer.PROVIDER);
    }

    private static String unquoted(String value) {
        return value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }
}
