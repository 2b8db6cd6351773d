package org.smtpdoctor.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.batch.SampleTexts;
import org.smtpdoctor.engine.Diagnoser;
import org.smtpdoctor.engine.Diagnosis;

/** {@code smtp_diagnose} in SQL says what {@link Diagnoser} says, for every sample text. */
class SmtpDiagnoseFunctionTest {
    private static final SparkSession SPARK = SharedSpark.session();
    private static final List<String> TEXTS = SampleTexts.all();

    @BeforeAll
    static void register() {
        SmtpDoctor.register(SPARK);
        SPARK.createDataset(TEXTS, Encoders.STRING()).toDF("error").createOrReplaceTempView("deliveries");
    }

    @Test
    void everySampleTextGetsTheDiagnosersCategoryAndFields() {
        Diagnoser diagnoser = BatchBaseline.bundledRules();
        List<Row> rows = SPARK.sql("SELECT error, smtp_diagnose(error) AS d FROM deliveries").collectAsList();

        assertThat(rows).hasSize(TEXTS.size());
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (Row row : rows) {
            Diagnosis d = diagnoser.diagnose(row.getString(0));
            Row r = row.getStruct(1);
            expected.add(String.join(" | ", d.category(), d.basis().id(), String.valueOf(d.code() == 0 ? null : d.code()),
                    String.valueOf(d.enhancedCode()), String.valueOf(d.stage() == null ? null : d.stage().id()),
                    d.retry().id(), d.actor().id(), new java.util.TreeMap<>(d.params()).toString(), d.ruleSetVersion(), "null"));
            actual.add(String.join(" | ", r.getString(0), r.getString(1), String.valueOf(r.get(2)), String.valueOf(r.get(3)),
                    String.valueOf(r.get(4)), r.getString(5), r.getString(6), new java.util.TreeMap<>(r.getJavaMap(7)).toString(),
                    r.getString(10), String.valueOf(r.get(11))));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void anAnalystGroupsByCategory() {
        Dataset<Row> counts = SPARK.sql("SELECT smtp_diagnose(error).category AS category, count(*) AS n FROM deliveries GROUP BY 1");

        assertThat(counts.collectAsList().stream().mapToLong(r -> r.getLong(1)).sum()).isEqualTo(TEXTS.size());
        assertThat(SPARK.sql("SELECT smtp_diagnose('535 5.7.8 Error: authentication failed').category").first().getString(0))
                .isEqualTo("auth.invalid-credentials");
        assertThat(SPARK.sql("SELECT smtp_diagnose(CAST(NULL AS STRING))").first().isNullAt(0)).isTrue();
    }

    @Test
    void theAdviceComesInTheLanguageAsked() {
        Diagnoser diagnoser = BatchBaseline.bundledRules();
        String text = "553 5.7.1 Sender address rejected: not owned by auth user";
        Row advice = SPARK.sql("SELECT smtp_diagnose('" + text + "', 'ru').advice").first().getStruct(0);

        Diagnosis d = diagnoser.diagnose(text);
        assertThat(advice.getString(0)).isEqualTo(d.advice(Locale.forLanguageTag("ru")).language());
        assertThat(advice.getString(1)).isEqualTo(d.advice(Locale.forLanguageTag("ru")).title());
        assertThat(advice.getList(3)).isEqualTo(d.advice(Locale.forLanguageTag("ru")).remedy());
        assertThatThrownBy(() -> SPARK.sql("SELECT smtp_diagnose('a', 'ru', 'x')").collect())
                .hasMessageContaining("smtp_diagnose takes (text) or (text, lang)");
    }
}
