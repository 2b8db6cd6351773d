package org.smtpdoctor.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.smtpdoctor.source.CategoryId;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;
import org.smtpdoctor.source.YamlNode;

/**
 * Reads the YAML half of a rules directory: {@code categories.yaml}, {@code catalog/*.yaml} and
 * {@code codes/*.yaml}. Every problem is reported with file, line and column; nothing is guessed.
 */
public final class CatalogLoader {
    public static final String CATEGORIES_FILE = "categories.yaml";
    public static final String ENHANCED_CODES_FILE = "codes/enhanced-status-codes.yaml";
    public static final String REPLY_CODES_FILE = "codes/reply-codes.yaml";
    /** The words that say a failure's class where a text has no code ({@link FailureClassWords}); optional. */
    public static final String CLASS_WORDS_FILE = "codes/failure-class-words.yaml";
    /** The application that sends the mail, as the advice names it ({@link Deployment}). */
    public static final String DEPLOYMENT_FILE = "deployment.yaml";
    static final String CATALOG_DIR = "catalog/";

    private static final List<String> ENTRY_FIELDS = List.of("actor", "retry", "retryIfTransient", "links");
    private static final List<String> TEXT_FIELDS = List.of("title", "explanation", "remedy");
    /** A remedy step written per answer to "does the application resend by itself?" ({@link RemedyStep}). */
    static final String IF_APP_RESENDS = "ifAppResends";

    private CatalogLoader() {
    }

    /** Loads and cross-checks the catalog of {@code tree}; problems go to {@code problems}, null when any is an error. */
    public static Catalog load(SourceTree tree, Problems problems) {
        List<CatalogText> texts = new ArrayList<>();
        Map<String, CatalogText> keys = new HashMap<>();
        Taxonomy taxonomy = loadTaxonomy(tree, problems, texts);
        if (taxonomy == null) {
            return null;
        }
        Map<String, CatalogEntry> entries = loadEntries(tree, taxonomy, problems, keys, texts);
        StatusCodes codes = new StatusCodes(
                loadCodeTable(tree, ENHANCED_CODES_FILE, "\\d\\.\\d{1,2}", taxonomy, problems),
                integerKeys(loadCodeTable(tree, REPLY_CODES_FILE, "[2-5]\\d\\d", taxonomy, problems)),
                classWords(tree, problems));
        SourceFile deploymentFile = tree.file(DEPLOYMENT_FILE);
        Deployment deployment = null;
        if (deploymentFile == null) {
            problems.error(DEPLOYMENT_FILE, 0, 0, "missing file (expected in " + tree.description() + "): it names"
                    + " the application that sends the mail, as the advice says it; copy the project's rules/"
                    + DEPLOYMENT_FILE + " for the neutral wording");
        } else {
            deployment = DeploymentLoader.load(deploymentFile, taxonomy.languages(), problems);
        }
        return problems.hasErrors() ? null : new Catalog(taxonomy, entries, codes, keys, texts, deployment);
    }

    /** The class words, or none when the rule set has no such file (its texts without a code get no class). */
    private static FailureClassWords classWords(SourceTree tree, Problems problems) {
        SourceFile file = tree.file(CLASS_WORDS_FILE);
        return file == null ? FailureClassWords.NONE : FailureClassWords.load(file, problems);
    }

    private static YamlNode parseRequired(SourceTree tree, String name, Problems problems) {
        SourceFile file = tree.file(name);
        if (file == null) {
            problems.error(name, 0, 0, "missing file (expected in " + tree.description() + ")");
            return null;
        }
        return YamlNode.parse(file, problems);
    }

    private static Taxonomy loadTaxonomy(SourceTree tree, Problems problems, List<CatalogText> texts) {
        YamlNode root = parseRequired(tree, CATEGORIES_FILE, problems);
        if (root == null) {
            return null;
        }
        Map<String, YamlNode> top = root.fields(problems, CATEGORIES_FILE,
                List.of("languages", "defaultLanguage", "categories"));
        List<String> languages = new ArrayList<>();
        if (top.containsKey("languages")) {
            top.get("languages").items(problems, "languages").forEach(n -> languages.add(n.text()));
        }
        if (languages.isEmpty()) {
            problems.add(root.error("categories.yaml must list the catalog languages, e.g. languages: [en, ru]"));
            return null;
        }
        String defaultLanguage = root.requiredText(top, "defaultLanguage", problems, CATEGORIES_FILE);
        if (defaultLanguage != null && !languages.contains(defaultLanguage)) {
            problems.add(top.get("defaultLanguage").error("defaultLanguage '" + defaultLanguage
                    + "' is not one of the languages " + languages));
        }
        List<Category> categories = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        Map<String, YamlNode> seen = new HashMap<>();
        YamlNode list = top.get("categories");
        if (list == null) {
            problems.add(root.error("categories.yaml lacks the list 'categories'"));
            return null;
        }
        List<String> fields = new ArrayList<>(languages);
        fields.add(0, "id");
        for (YamlNode item : list.items(problems, "categories")) {
            Map<String, YamlNode> f = item.fields(problems, "a category", fields);
            String id = item.requiredText(f, "id", problems, "a category");
            if (id == null) {
                continue;
            }
            if (CategoryId.parse(id).isEmpty()) {
                problems.add(f.get("id").error("category id '" + id + "' is not of the form " + CategoryId.FORM_DESCRIPTION));
            }
            YamlNode earlier = seen.putIfAbsent(id, item);
            if (earlier != null) {
                problems.add(item.error("category '" + id + "' is listed twice (first at line " + earlier.line() + ")"));
                continue;
            }
            Map<String, String> description = new LinkedHashMap<>();
            for (String language : languages) {
                String text = item.requiredText(f, language, problems, "category " + id);
                if (text != null) {
                    description.put(language, text);
                    YamlNode node = f.get(language);
                    texts.add(new CatalogText(id, "the " + CatalogText.languageName(language) + " description",
                            CATEGORIES_FILE, node.line(), node.column(), text));
                }
            }
            categories.add(new Category(id, description, categories.size()));
            lines.put(id, item.line());
        }
        for (String required : Taxonomy.REQUIRED) {
            if (!seen.containsKey(required)) {
                problems.add(list.error("the fallback category '" + required + "' must be listed"));
            }
        }
        return new Taxonomy(categories, lines, languages, defaultLanguage == null ? languages.get(0) : defaultLanguage);
    }

    private static Map<String, CatalogEntry> loadEntries(SourceTree tree, Taxonomy taxonomy, Problems problems,
                                                         Map<String, CatalogText> keys, List<CatalogText> texts) {
        Map<String, CatalogEntry> entries = new LinkedHashMap<>();
        Map<String, String> definedIn = new HashMap<>();
        List<SourceFile> files = tree.files(".yaml").stream().filter(f -> f.name().startsWith(CATALOG_DIR)).toList();
        Set<String> allowed = new LinkedHashSet<>(ENTRY_FIELDS);
        allowed.addAll(taxonomy.languages());
        for (SourceFile file : files) {
            YamlNode root = YamlNode.parse(file, problems);
            if (root == null) {
                continue;
            }
            for (Map.Entry<YamlNode, YamlNode> e : root.entries(problems, file.name()).entrySet()) {
                String id = e.getKey().text();
                if (!taxonomy.contains(id)) {
                    problems.add(e.getKey().error("catalog entry for unknown category '" + id + "' (not in categories.yaml)"));
                    continue;
                }
                String other = definedIn.putIfAbsent(id, file.name() + ":" + e.getKey().line());
                if (other != null) {
                    problems.add(e.getKey().error("category '" + id + "' already has an entry at " + other));
                    continue;
                }
                keys.put(id, new CatalogText(id, "the entry", file.name(), e.getKey().line(), e.getKey().column(), id));
                CatalogEntry entry = readEntry(id, e.getValue(), allowed, taxonomy, problems, texts);
                if (entry != null) {
                    entries.put(id, entry);
                }
            }
        }
        for (Category category : taxonomy.categories()) {
            if (!definedIn.containsKey(category.id())) {
                problems.error(CATEGORIES_FILE, taxonomy.line(category.id()), 5, "category '" + category.id()
                        + "' has no catalog entry (expected in " + CATALOG_DIR + category.family() + ".yaml)");
            }
        }
        return entries;
    }

    private static CatalogEntry readEntry(String id, YamlNode node, Set<String> allowed, Taxonomy taxonomy,
                                          Problems problems, List<CatalogText> kept) {
        String what = "entry " + id;
        Map<String, YamlNode> f = node.fields(problems, what, allowed);
        String actorId = node.requiredText(f, "actor", problems, what);
        Actor actor = actorId == null ? null : Actor.byId(actorId);
        if (actorId != null && actor == null) {
            problems.add(f.get("actor").error("actor '" + actorId + "' is not one of "
                    + Arrays.stream(Actor.values()).map(Actor::id).collect(Collectors.joining(", "))));
        }
        Retry retry = retryValue(f, "retry", node.requiredText(f, "retry", problems, what), problems);
        Retry transientRetry = f.containsKey("retryIfTransient")
                ? retryValue(f, "retryIfTransient", f.get("retryIfTransient").text(), problems) : null;
        List<String> links = new ArrayList<>();
        if (f.containsKey("links")) {
            for (YamlNode link : f.get("links").items(problems, "links of " + id)) {
                if (!link.text().startsWith("https://") && !link.text().startsWith("http://")) {
                    problems.add(link.error("link '" + link.text() + "' is not an http(s) URL"));
                }
                links.add(link.text());
            }
        }
        Map<String, AdviceText> texts = new LinkedHashMap<>();
        for (String language : taxonomy.languages()) {
            YamlNode text = f.get(language);
            if (text == null) {
                problems.add(node.error(what + " has no '" + language + "' text"));
                continue;
            }
            AdviceText advice = readText(id + " (" + language + ")", text, problems);
            keepTexts(id, language, text, kept);
            if (advice != null) {
                texts.put(language, advice);
            }
        }
        if (actor == null || retry == null || texts.size() != taxonomy.languages().size()) {
            return null;
        }
        return new CatalogEntry(id, actor, retry, transientRetry, links, texts);
    }

    /** The Retry named by {@code id} (null when absent); an unknown id is a problem at the field. */
    private static Retry retryValue(Map<String, YamlNode> fields, String key, String id, Problems problems) {
        Retry retry = id == null ? null : Retry.byId(id);
        if (id != null && retry == null) {
            problems.add(fields.get(key).error(key + " '" + id + "' is not one of automatic, after-fix, no"));
        }
        return retry;
    }

    /** Keeps each advice text of one language with its position, for lint. */
    private static void keepTexts(String id, String language, YamlNode node, List<CatalogText> texts) {
        Map<String, YamlNode> f = node.fields(new Problems(), "", TEXT_FIELDS); // problems reported by readText
        String in = " in " + CatalogText.languageName(language);
        for (String field : TEXT_FIELDS) {
            YamlNode value = f.get(field);
            if (value == null) {
                continue;
            }
            if (!field.equals("remedy")) {
                value.scalars().forEach(t -> texts.add(new CatalogText(id, "the " + field + in, node.file(), t.line(),
                        t.column(), t.text())));
                continue;
            }
            List<YamlNode> steps = value.isScalar() ? List.of(value) : value.items(new Problems(), "");
            for (int i = 0; i < steps.size(); i++) {
                String what = "remedy step " + (i + 1) + in;
                for (YamlNode t : steps.get(i).scalars()) {
                    texts.add(new CatalogText(id, what, node.file(), t.line(), t.column(), t.text()));
                }
            }
        }
    }

    private static AdviceText readText(String what, YamlNode node, Problems problems) {
        Map<String, YamlNode> f = node.fields(problems, what, TEXT_FIELDS);
        String title = node.requiredText(f, "title", problems, what);
        String explanation = node.requiredText(f, "explanation", problems, what);
        List<RemedyStep> remedy = new ArrayList<>();
        YamlNode steps = f.get("remedy");
        if (steps == null) {
            problems.add(node.error(what + " lacks the field 'remedy' (a list of steps)"));
        } else {
            for (YamlNode step : steps.items(problems, "remedy of " + what)) {
                RemedyStep read = readStep(step, problems);
                if (read != null) {
                    remedy.add(read);
                }
                step.scalars().forEach(text -> checkPlaceholders(text, problems, what));
            }
            if (remedy.isEmpty() && !steps.isScalar()) { // a scalar was already reported as "must be a list"
                problems.add(steps.error("remedy of " + what + " has no steps"));
            }
        }
        for (String field : List.of("title", "explanation")) {
            if (f.containsKey(field) && f.get(field).isScalar()) {
                checkPlaceholders(f.get(field), problems, what);
            }
        }
        if (title == null || explanation == null || remedy.isEmpty()) {
            return null;
        }
        return AdviceText.of(title, explanation, remedy);
    }

    /**
     * A remedy step: a text, or a map {@code ifAppResends:} with a text for each of yes, no and unknown; null
     * (and reported) when it is neither.
     */
    private static RemedyStep readStep(YamlNode step, Problems problems) {
        if (step.isScalar()) {
            if (step.text().isBlank()) {
                problems.add(step.error("a remedy step must be a non-empty text"));
                return null;
            }
            return RemedyStep.always(step.text());
        }
        String what = "a remedy step written per answer";
        Map<String, YamlNode> f = step.fields(problems, what, List.of(IF_APP_RESENDS));
        YamlNode choice = f.get(IF_APP_RESENDS);
        if (choice == null) {
            problems.add(step.error("a remedy step must be a text, or " + IF_APP_RESENDS + ": with a text for each"
                    + " of yes, no and unknown"));
            return null;
        }
        List<String> answers = Arrays.stream(AppResends.values()).map(AppResends::id).toList();
        Map<String, YamlNode> byAnswer = choice.fields(problems, IF_APP_RESENDS, answers);
        Map<AppResends, String> texts = new EnumMap<>(AppResends.class);
        for (AppResends answer : AppResends.values()) {
            String text = choice.requiredText(byAnswer, answer.id(), problems, IF_APP_RESENDS
                    + " (the advice must say what to do whichever the deployment answers)");
            if (text != null) {
                texts.put(answer, text);
            }
        }
        return texts.size() == answers.size() ? RemedyStep.of(texts) : null;
    }

    private static void checkPlaceholders(YamlNode text, Problems problems, String what) {
        for (String bare : Placeholders.withoutFallback(text.text())) {
            problems.add(text.error("placeholder " + bare + " in " + what + " needs a fallback for diagnoses "
                    + "without that parameter, e.g. " + bare.replace("}", "|the text from the reply}")));
        }
        for (String unknown : Placeholders.unknownApplicationForms(text.text())) {
            problems.add(text.error("placeholder " + unknown + " in " + what + " names no form of the application:"
                    + " write one of " + Arrays.stream(AppForm.values()).map(a -> "{app." + a.id() + "}")
                    .collect(Collectors.joining(", ")) + " ({App.…} for a capital letter), without '|'"));
        }
    }

    private static Map<String, CodeMeaning> loadCodeTable(SourceTree tree, String name, String keyForm,
                                                          Taxonomy taxonomy, Problems problems) {
        Map<String, CodeMeaning> table = new LinkedHashMap<>();
        YamlNode root = parseRequired(tree, name, problems);
        if (root == null) {
            return table;
        }
        Map<String, YamlNode> top = root.fields(problems, name, List.of("codes"));
        if (!top.containsKey("codes")) {
            problems.add(root.error(name + " lacks the map 'codes'"));
            return table;
        }
        List<String> fields = new ArrayList<>(List.of("category", "transientCategory", "rfc"));
        fields.addAll(taxonomy.languages());
        for (Map.Entry<YamlNode, YamlNode> e : top.get("codes").entries(problems, "codes").entrySet()) {
            String code = e.getKey().text();
            if (!code.matches(keyForm)) {
                problems.add(e.getKey().error("'" + code + "' is not a code of the form " + keyForm));
                continue;
            }
            String what = "code " + code;
            YamlNode node = e.getValue();
            Map<String, YamlNode> f = node.fields(problems, what, fields);
            String category = checkedCategory(node, f, "category", true, taxonomy, problems, what);
            String transientCategory = checkedCategory(node, f, "transientCategory", false, taxonomy, problems, what);
            String rfc = node.requiredText(f, "rfc", problems, what);
            Map<String, String> meaning = new LinkedHashMap<>();
            for (String language : taxonomy.languages()) {
                String text = node.requiredText(f, language, problems, what);
                if (text != null) {
                    meaning.put(language, text);
                }
            }
            if (category != null) {
                table.put(code, new CodeMeaning(code, category, transientCategory, rfc, meaning, name, e.getKey().line()));
            }
        }
        return table;
    }

    private static String checkedCategory(YamlNode node, Map<String, YamlNode> f, String key, boolean required,
                                          Taxonomy taxonomy, Problems problems, String what) {
        if (!required && !f.containsKey(key)) {
            return null;
        }
        String id = node.requiredText(f, key, problems, what);
        if (id != null && !taxonomy.contains(id)) {
            problems.add(f.get(key).error("unknown category '" + id + "' (not in categories.yaml)"));
            return null;
        }
        return id;
    }

    private static Map<Integer, CodeMeaning> integerKeys(Map<String, CodeMeaning> table) {
        Map<Integer, CodeMeaning> byNumber = new HashMap<>();
        table.forEach((k, v) -> byNumber.put(Integer.parseInt(k), v));
        return byNumber;
    }
}
