package org.smtpdoctor.catalog;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The application that sends the mail, as one deployment names it in the advice: its name and where its mail
 * settings live, in each catalog language ({@link AppForm}), and whether it resends by itself
 * ({@link AppResends}). Given once in the rule set ({@code deployment.yaml}) or, for one run, in a file of the
 * same form ({@code Diagnoser.Builder#deployment}, {@code --deployment}); read by {@link DeploymentLoader}.
 * The catalog's texts name no product: {@code {app.name}} and its kin are filled from here.
 */
public final class Deployment {
    private final Map<String, Map<AppForm, String>> forms;
    private final AppResends resends;

    Deployment(Map<String, Map<AppForm, String>> forms, AppResends resends) {
        Map<String, Map<AppForm, String>> copy = new LinkedHashMap<>();
        forms.forEach((language, byForm) -> copy.put(language, Map.copyOf(new EnumMap<>(byForm))));
        this.forms = Map.copyOf(copy);
        this.resends = resends;
    }

    /** How the application is named in {@code language} in the given form (the loader guarantees every form of every language). */
    public String form(String language, AppForm form) {
        Map<AppForm, String> byForm = forms.get(language);
        if (byForm == null) {
            throw new IllegalArgumentException("the deployment names the application in no '" + language + "'");
        }
        return byForm.get(form);
    }

    /** Whether the application sends a message again by itself after a temporary failure. */
    public AppResends resends() {
        return resends;
    }

    /** This deployment with {@code resends} instead (the CLI's {@code --app-resends}). */
    public Deployment withResends(AppResends resends) {
        return new Deployment(forms, resends);
    }
}
