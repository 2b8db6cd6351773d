package org.smtpdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.source.Problem;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;

/**
 * The deployment setting: the application's name forms and whether it resends, read from deployment.yaml like
 * the rest of the catalog (untrusted, every mistake at file:line:col), and the placeholders that use it.
 */
class DeploymentTest {
    private static final List<String> LANGUAGES = List.of("en", "ru");
    private static final String PLANFIX = """
            resends: "yes"
            en:
              name: "Planfix"
              in: "in Planfix"
              settings: "the corporate server account configured in Planfix"
              inSettings: "in the corporate server account configured in Planfix"
            ru:
              name: "Планфикс"
              in: "в Планфиксе"
              settings: "настроенную учетную запись корпоративного сервера в Планфиксе"
              inSettings: "в настроенной учетной записи корпоративного сервера в Планфиксе"
            """;

    @TempDir
    Path temp;

    private static Deployment read(String yaml, Problems problems) {
        return DeploymentLoader.load(new SourceFile("deployment.yaml", yaml), LANGUAGES, problems);
    }

    private static List<String> errors(String yaml) {
        Problems problems = new Problems();
        assertThat(read(yaml, problems)).isNull();
        return problems.all().stream().filter(Problem::isError).map(Problem::toString).toList();
    }

    @Test
    void theRuleSetsDeploymentIsNeutralAndDoesNotKnowWhetherTheApplicationResends() {
        Deployment neutral = CatalogLoader.load(SourceTree.of(TestRules.PROJECT_RULES), new Problems()).deployment();
        assertThat(neutral.resends()).isEqualTo(AppResends.UNKNOWN);
        assertThat(neutral.form("en", AppForm.NAME)).isEqualTo("the application");
        assertThat(neutral.form("ru", AppForm.NAME)).isEqualTo("приложение");
        assertThat(neutral.form("en", AppForm.SETTINGS)).isEqualTo("the application's mail account settings");
        assertThat(neutral.form("ru", AppForm.SETTINGS)).isEqualTo("настройки почтового аккаунта в приложении");
    }

    @Test
    void applicationPlaceholdersTakeTheFormInTheLanguageAndACapitalOnRequest() {
        Deployment planfix = read(PLANFIX, new Problems());
        assertThat(Placeholders.Text.of("В этом случае {app.name} делает попытку; проверьте {app.inSettings}.").fill(Map.of(),
                planfix, "ru")).isEqualTo("В этом случае Планфикс делает попытку; проверьте в настроенной учетной"
                + " записи корпоративного сервера в Планфиксе.");
        Deployment neutral = CatalogLoader.load(SourceTree.of(TestRules.PROJECT_RULES), new Problems()).deployment();
        assertThat(Placeholders.Text.of("{App.name} could not connect {app.in}.").fill(Map.of(), neutral, "en"))
                .isEqualTo("The application could not connect in the application.");
        assertThat(Placeholders.Text.of("{App.name} делает {host|сервер}").fill(Map.of("host", "{app.name}"), neutral, "ru"))
                .as("a value is put in as it is, never read for placeholders again")
                .isEqualTo("Приложение делает {app.name}");
    }

    @Test
    void aRuleParameterCannotPoseAsTheApplication() {
        assertThat(Placeholders.names("{app.name} at {host|the server}")).containsExactly("host");
        assertThat(Placeholders.withoutFallback("{app.name} at {host}")).containsExactly("{host}");
        assertThat(Placeholders.unknownApplicationForms("{app.nmae} {app.name|x} {foo.bar} {app.in}"))
                .containsExactly("{app.nmae}", "{app.name|x}", "{foo.bar}");
    }

    @Test
    void everyMistakeIsReportedAtItsPlaceInOneRun() {
        String yaml = PLANFIX.replace("resends: \"yes\"", "resends: sometimes")
                .replace("  in: \"in Planfix\"\n", "  inn: \"in Planfix\"\n")
                .replace("  settings: \"настроенную", "  settings: |\n    две\n    строки\n  x: \"настроенную");
        assertThat(errors(yaml)).contains(
                "deployment.yaml:1:10: error: resends 'sometimes' is not one of yes, no, unknown (whether the application"
                        + " sends a message again by itself after a temporary failure)",
                "deployment.yaml:4:3: error: unknown field 'inn' in the 'en' names (allowed: name, in, settings, inSettings)",
                "deployment.yaml:3:3: error: the 'en' names lacks the field 'in'",
                "deployment.yaml:10:13: error: a name form must be one line: it is put into sentences of the advice");
    }

    @Test
    void aLanguageOfTheCatalogWithoutNamesIsAnError() {
        String yaml = PLANFIX.substring(0, PLANFIX.indexOf("ru:"));
        assertThat(errors(yaml)).containsExactly("deployment.yaml:1:1: error: deployment.yaml does not name the"
                + " application in 'ru': add ru: with name, in, settings, inSettings");
    }

    @Test
    void anAttackersDeploymentFileIsRefusedNotExpanded() {
        assertThat(errors("""
                en: &names
                  name: "x"
                ru: *names
                """)).anySatisfy(e -> assertThat(e).contains("YAML anchor &names refused"));
        String paragraph = "a".repeat(DeploymentLoader.MAX_FORM_LENGTH + 1);
        assertThat(errors(PLANFIX.replace("\"Planfix\"", "\"" + paragraph + "\"")))
                .containsExactly("deployment.yaml:3:9: error: a name form has 201 characters: keep it under 200"
                        + " (it is put into sentences of the advice)");
        assertThat(errors("en: [" + "[".repeat(60) + "]".repeat(60) + "]"))
                .anySatisfy(e -> assertThat(e).contains("nest more than"));
    }

    @Test
    void theRuleSetWithoutDeploymentFileDoesNotLoadAndSaysWhatToDo() {
        TestRules rules = TestRules.copyInto(temp);
        assertThat(rules.root().resolve("deployment.yaml").toFile().delete()).isTrue();
        Problems problems = new Problems();
        assertThat(CatalogLoader.load(SourceTree.of(rules.root()), problems)).isNull();
        assertThat(problems.all()).singleElement().satisfies(p -> assertThat(p.toString())
                .startsWith("deployment.yaml:0:0: error: missing file").contains("neutral wording"));
    }

    @Test
    void catalogMistakesWithTheApplicationAreReportedAtTheirPlace() {
        TestRules rules = TestRules.copyInto(temp)
                .replace("catalog/server.yaml", "In this case {app.name} makes", "In this case {app.nmae} makes")
                .replace("catalog/server.yaml", "          unknown: \"Если {app.name} повторяет отправку автоматически, сейчас ничего делать не нужно: дождитесь",
                        "          maybe: \"Если {app.name} повторяет отправку автоматически, сейчас ничего делать не нужно: дождитесь");
        int nameLine = rules.lineOf("catalog/server.yaml", "{app.nmae}");
        int maybeLine = rules.lineOf("catalog/server.yaml", "maybe:");
        Problems problems = new Problems();
        assertThat(CatalogLoader.load(SourceTree.of(rules.root()), problems)).isNull();
        assertThat(problems.all().stream().map(Problem::toString)).contains(
                "catalog/server.yaml:" + nameLine + ":18: error: placeholder {app.nmae} in server.unavailable (en) names"
                        + " no form of the application: write one of {app.name}, {app.in}, {app.settings}, {app.inSettings}"
                        + " ({App.…} for a capital letter), without '|'",
                "catalog/server.yaml:" + maybeLine + ":11: error: unknown field 'maybe' in ifAppResends (allowed: yes, no, unknown)");
        assertThat(problems.all().stream().map(Problem::toString)).anySatisfy(p -> assertThat(p)
                .contains("lacks the field 'unknown'").contains("whichever the deployment answers"));
    }

    @Test
    void whetherTheApplicationResendsChoosesTheStep() {
        Catalog catalog = CatalogLoader.load(SourceTree.of(TestRules.PROJECT_RULES), new Problems());
        Deployment planfix = read(PLANFIX, new Problems());
        CatalogEntry greylisted = catalog.entry("server.greylisted");
        assertThat(greylisted.advice("en", Map.of(), planfix).remedy().get(0))
                .isEqualTo("Nothing needs to be done: Planfix retries sending by itself, and the next attempt is usually accepted.");
        assertThat(greylisted.advice("en", Map.of(), planfix.withResends(AppResends.NO)).remedy().get(0))
                .isEqualTo("Send the message again in 5 to 15 minutes: the next attempt is usually accepted, and Planfix"
                        + " does not resend by itself.");
        assertThat(greylisted.advice("ru", Map.of(), catalog.deployment()).remedy().get(0))
                .startsWith("Если приложение повторяет отправку автоматически").contains("если нет, отправьте письмо повторно");
    }
}
