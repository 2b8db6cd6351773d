package org.smtpdoctor.authoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.smtpdoctor.catalog.Actor;
import org.smtpdoctor.catalog.CatalogText;
import org.smtpdoctor.catalog.Placeholders;
import org.smtpdoctor.catalog.Retry;
import org.smtpdoctor.source.CategoryId;

/**
 * The advice of a category that does not exist yet, as staff write it with the rule that first needs it (on the
 * desk page): who acts, whether a retry helps, and in every language of the catalog a title, what happened and
 * the steps. {@link RuleScaffold} writes it as the category's line in {@code categories.yaml} (the title) and its
 * catalog entry, with the rule and the sample case, all or nothing; so a new category never goes out as stubs.
 *
 * @param actor who acts: an {@link Actor} id ({@code sender-settings}, ...)
 * @param retry whether sending again helps: a {@link Retry} id ({@code automatic}, {@code after-fix}, {@code no})
 * @param texts the texts by language tag ({@code en}, {@code ru})
 */
public record NewCategoryAdvice(String actor, String retry, Map<String, Text> texts) {
    static final int MAX_TITLE = 200;
    static final int MAX_EXPLANATION = 2_000;
    static final int MAX_STEP = 600;
    static final int MAX_STEPS = 10;

    /**
     * The advice in one language.
     *
     * @param title       what went wrong, in one line
     * @param explanation what happened, for the person who sends the mail
     * @param remedy      the steps, in order
     */
    public record Text(String title, String explanation, List<String> remedy) {
    }

    /**
     * Everything that keeps this advice from being written for {@code category} in {@code languages}, each in
     * plain words (what is missing or wrong, where, and what to write); empty when it can be written. The checks
     * are those lint makes of a catalog entry: known actor and retry, every text present in every language, no
     * unfinished (TODO) text, placeholders with a fallback; and bounds on length, so a text is advice, not a file.
     */
    public List<String> problems(CategoryId category, List<String> languages) {
        List<String> problems = new ArrayList<>();
        if (actor == null || Actor.byId(actor) == null) {
            problems.add("who acts for " + category + ": choose one of "
                    + Arrays.stream(Actor.values()).map(Actor::id).collect(Collectors.joining(", ")));
        }
        if (retry == null || Retry.byId(retry) == null) {
            problems.add("whether a retry helps for " + category + ": choose one of automatic, after-fix, no");
        }
        for (String language : languages) {
            String in = " in " + Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
            Text text = texts == null ? null : texts.get(language);
            if (text == null) {
                problems.add("the advice" + in + " is missing: write its title, what happened and the steps");
                continue;
            }
            checkText(problems, "the title" + in, text.title(), MAX_TITLE, true);
            checkText(problems, "what happened" + in, text.explanation(), MAX_EXPLANATION, false);
            List<String> steps = text.remedy() == null ? List.of()
                    : text.remedy().stream().filter(s -> s != null && !s.isBlank()).toList();
            if (steps.isEmpty()) {
                problems.add("the steps" + in + " are missing: write at least one thing to do");
            } else if (steps.size() > MAX_STEPS) {
                problems.add("the steps" + in + " are " + steps.size() + ": keep at most " + MAX_STEPS);
            }
            for (int i = 0; i < Math.min(steps.size(), MAX_STEPS); i++) {
                checkText(problems, "step " + (i + 1) + in, steps.get(i), MAX_STEP, true);
            }
        }
        if (texts != null) {
            texts.keySet().stream().filter(l -> !languages.contains(l)).sorted().forEach(l -> problems.add(
                    "the advice in '" + l + "' is not one of the catalog's languages (" + String.join(", ", languages)
                            + "): leave it out"));
        }
        return problems;
    }

    private static void checkText(List<String> problems, String what, String value, int max, boolean oneLine) {
        if (value == null || value.isBlank()) {
            problems.add(what + " is empty: write it");
            return;
        }
        if (value.length() > max) {
            problems.add(what + " has " + value.length() + " characters: keep it under " + max);
        }
        if (value.contains(CatalogText.UNFINISHED_MARKER)) {
            problems.add(what + " says " + CatalogText.UNFINISHED_MARKER + ": write the text itself");
        }
        if (oneLine && value.strip().contains("\n")) {
            problems.add(what + " is more than one line: write it in one");
        }
        for (String bare : Placeholders.withoutFallback(value)) {
            problems.add(what + ": the placeholder " + bare + " needs a text for replies without it, such as "
                    + bare.replace("}", "|the server}"));
        }
    }

    /** The texts in {@code language}, stripped, blank steps left out (call after {@link #problems} is empty). */
    Text in(String language) {
        Text text = texts.get(language);
        return new Text(text.title().strip(), text.explanation().strip(),
                text.remedy().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList());
    }
}
