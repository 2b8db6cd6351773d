package org.smtpdoctor.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A catalog entry's text in one language, read once at load ({@link Placeholders.Text}), before placeholders are
 * filled and the deployment's steps chosen.
 */
record AdviceText(Placeholders.Text title, Placeholders.Text explanation, List<RemedyStep> remedy) {

    static AdviceText of(String title, String explanation, List<RemedyStep> remedy) {
        return new AdviceText(Placeholders.Text.of(title), Placeholders.Text.of(explanation), List.copyOf(remedy));
    }

    Advice render(String language, Map<String, String> params, List<String> links, Deployment deployment) {
        return new Advice(language, title.fill(params, deployment, language),
                explanation.fill(params, deployment, language),
                remedy.stream().map(step -> step.text(deployment.resends()).fill(params, deployment, language))
                        .toList(), links);
    }

    /** Adds the rule parameters its placeholders name (without them, it reads the same for every diagnosis). */
    void addParameterNames(Set<String> names) {
        title.addParameterNames(names);
        explanation.addParameterNames(names);
        remedy.forEach(step -> step.texts().values().forEach(text -> text.addParameterNames(names)));
    }
}
