package org.smtpdoctor.catalog;

import java.util.List;
import java.util.Map;

/** A catalog entry's text in one language, before placeholders are filled and the deployment's steps chosen. */
record AdviceText(String title, String explanation, List<RemedyStep> remedy) {

    Advice render(String language, Map<String, String> params, List<String> links, Deployment deployment) {
        return new Advice(language, Placeholders.fill(title, params, deployment, language),
                Placeholders.fill(explanation, params, deployment, language),
                remedy.stream().map(step -> Placeholders.fill(step.text(deployment.resends()), params, deployment, language))
                        .toList(), links);
    }
}
