package org.smtpdoctor.engine;

import java.util.HashMap;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.smtpdoctor.catalog.Catalog;
import org.smtpdoctor.catalog.Deployment;
import org.smtpdoctor.rules.TextPatterns;
import org.smtpdoctor.wording.RuleLayer;

/**
 * One loaded rules directory: compiled DRL, compiled patterns, where each rule is written, and the catalog.
 * Immutable; a reload builds a new one.
 *
 * @param kieBase   the compiled rules
 * @param sessions  a session over {@code kieBase} per thread, reused from one evaluation to the next (making a
 *                  session's memory for every rule anew, or resetting it, was most of an evaluation's time)
 * @param patterns  every pattern the rules use, compiled at load
 * @param locations rule locations by package and name
 * @param layered   the layer of each concept and stage rule, by package and name (read from the compiled rules
 *                  once, not per verdict); every other rule is a provider rule
 * @param catalog   taxonomy, advice and status code tables
 * @param version   a hash of every file's content: two rule sets with the same files have the same version
 * @param drl       the DRL each YAML rule compiled to, by rule name (what {@code explain --drl} shows)
 * @param memo      the rules' verdicts by the facts they read, or null when hand-written DRL may read more
 */
record RuleSet(KieBase kieBase, ThreadSessions sessions, TextPatterns patterns, Map<Key, RuleRef> locations,
               Map<Key, Basis> layered, Catalog catalog, String version, Map<String, String> drl, VerdictMemo memo) {

    /** This rule set with its catalog's application named as {@code deployment} says (same rules, same version). */
    RuleSet withDeployment(Deployment deployment) {
        return new RuleSet(kieBase, sessions, patterns, locations, layered, catalog.withDeployment(deployment), version,
                drl, memo);
    }

    /**
     * A rule by package and name. Hashed from the two names Drools hands every verdict (each hashes once), where a
     * joined string was built and hashed anew for every reply.
     */
    record Key(String packageName, String ruleName) {
    }

    /** The layers of the concept and stage rules of {@code kieBase} (every other rule is a provider rule). */
    static Map<Key, Basis> layeredRules(KieBase kieBase) {
        Map<Key, Basis> layered = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleLayer layer = RuleLayers.of(rule);
                if (layer != RuleLayer.PROVIDER) {
                    layered.put(new Key(pkg.getName(), rule.getName()), layer == RuleLayer.CONCEPT ? Basis.CONCEPT : Basis.STAGE);
                }
            }
        }
        return Map.copyOf(layered);
    }

    /**
     * The layer of a wording rule: concept rules answer only when no provider rule matched, stage rules only when
     * no concept rule did either.
     */
    Basis layer(String packageName, String ruleName) {
        return layered.getOrDefault(new Key(packageName, ruleName), Basis.PATTERN);
    }

    /** Where a rule is written; a placeholder location if Drools names a rule the index does not know. */
    RuleRef location(String packageName, String ruleName) {
        RuleRef ref = locations.get(new Key(packageName, ruleName));
        return ref != null ? ref : new RuleRef(ruleName, packageName.replace('.', '/'), 0);
    }
}
