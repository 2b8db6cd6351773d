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
 * @param placed    where each rule is written and the layer it answers in, by package and name: one look-up per
 *                  verdict gives both (the layers read from the compiled rules once, not per verdict)
 * @param catalog   taxonomy, advice and status code tables
 * @param version   a hash of every file's content: two rule sets with the same files have the same version
 * @param drl       the DRL each YAML rule compiled to, by rule name (what {@code explain --drl} shows)
 * @param memo      the rules' verdicts by the facts they read, or null when hand-written DRL may read more
 * @param near      the YAML rules' wordings as the last layer reads them, said nearly
 */
record RuleSet(KieBase kieBase, ThreadSessions sessions, TextPatterns patterns, Map<Key, Placed> placed,
               Catalog catalog, String version, Map<String, String> drl, VerdictMemo memo, NearWordings near) {

    /** This rule set with its catalog's application named as {@code deployment} says (same rules, same version). */
    RuleSet withDeployment(Deployment deployment) {
        return new RuleSet(kieBase, sessions, patterns, placed, catalog.withDeployment(deployment), version, drl, memo, near);
    }

    /**
     * A rule by package and name. Hashed from the two names Drools hands every verdict (each hashes once), where a
     * joined string was built and hashed anew for every reply; equality written out, as a record's generated one
     * showed in the profile of every verdict's look-up.
     */
    record Key(String packageName, String ruleName) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && ruleName.equals(k.ruleName) && packageName.equals(k.packageName);
        }

        @Override
        public int hashCode() {
            return 31 * packageName.hashCode() + ruleName.hashCode();
        }
    }

    /**
     * Where a rule is written, and its layer: concept rules answer only when no provider rule matched, stage rules
     * only when no concept rule did either.
     */
    record Placed(RuleRef location, Basis layer) {
    }

    /**
     * Each rule of {@code locations} placed in its layer as {@code kieBase} compiled it (every rule is a provider
     * rule unless its metadata says otherwise); a compiled rule the index lacks gets a placeholder location.
     */
    static Map<Key, Placed> placed(Map<Key, RuleRef> locations, KieBase kieBase) {
        Map<Key, Placed> placed = new HashMap<>();
        locations.forEach((key, location) -> placed.put(key, new Placed(location, Basis.PATTERN)));
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleLayer layer = RuleLayers.of(rule);
                Basis basis = layer == RuleLayer.CONCEPT ? Basis.CONCEPT : layer == RuleLayer.STAGE ? Basis.STAGE : Basis.PATTERN;
                Key key = new Key(pkg.getName(), rule.getName());
                // Keyed by the compiled rule's own strings, the ones its verdicts carry: a look-up then compares the
                // names by identity instead of reading two rule names of 50-100 characters on every diagnosis.
                Placed known = placed.remove(key);
                placed.put(key, new Placed(known != null ? known.location() : placeholder(key), basis));
            }
        }
        return Map.copyOf(placed);
    }

    /** A rule by package and name; a provider rule at a placeholder location if the index does not know it. */
    Placed place(String packageName, String ruleName) {
        Key key = new Key(packageName, ruleName);
        Placed known = placed.get(key);
        return known != null ? known : new Placed(placeholder(key), Basis.PATTERN);
    }

    private static RuleRef placeholder(Key key) {
        return new RuleRef(key.ruleName(), key.packageName().replace('.', '/'), 0);
    }
}
