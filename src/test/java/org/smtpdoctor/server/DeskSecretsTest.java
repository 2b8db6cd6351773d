package org.smtpdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.testing.PlantedSecrets;

/**
 * Every planted form of {@link PlantedSecrets} sent to the desk over real HTTP on 127.0.0.1: no answer of
 * {@code /api/diagnose} (with its trace), {@code /api/batch}, {@code /api/rules/proposal} or {@code /api/unknowns}
 * shows a secret of them.
 */
class DeskSecretsTest {
    private static DeskServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = DeskServer.start(DeskConfig.of("127.0.0.1", 0, null, null, null, null));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void noAnswerShowsAPlantedSecret() {
        List<String> texts = PlantedSecrets.ROWS.stream().map(PlantedSecrets.Row::text).toList();
        StringBuilder answers = new StringBuilder();
        answers.append(http.postJson("/api/diagnose", Map.of("texts", texts, "explain", true)).body());
        for (String text : texts) {
            answers.append(http.postJson("/api/rules/proposal", Map.of("text", text)).body());
        }
        String log = String.join("\n", PlantedSecrets.ROWS.stream().filter(PlantedSecrets.Row::oneLine)
                .map(PlantedSecrets.Row::text).toList()) + "\n";
        answers.append(http.post("/api/batch", "text/plain", log).body());
        String unknowns = http.get("/api/unknowns").body();
        answers.append(unknowns);

        assertThat(unknowns).contains("***"); // the planted texts did reach the list of unknowns, masked
        for (PlantedSecrets.Row row : PlantedSecrets.ROWS) {
            row.secrets().forEach(secret -> assertThat(answers).as(row.form()).doesNotContain(secret));
        }
    }
}
