package org.smtpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smtpdoctor.engine.Diagnosis;
import org.smtpdoctor.samples.SampleCase;
import org.smtpdoctor.samples.SampleLoader;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceTree;

/** Every text the project proves its rules with: the sample cases and the sample log's lines. */
public final class SampleTexts {
    private SampleTexts() {
    }

    public static List<String> all() {
        Problems problems = new Problems();
        List<String> texts = new ArrayList<>(SampleLoader.load(SourceTree.of(Path.of("samples")), problems).stream()
                .map(SampleCase::text).toList());
        assertThat(problems.all()).isEmpty();
        try {
            texts.addAll(Files.readAllLines(Path.of("samples/logs/mail-errors.log")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /**
     * At most {@code count} of {@code texts}, evenly spread over the list (so over every sample file), in order: for
     * comparisons against RE2/J run pattern by pattern, whose cost grows with the patterns times the texts.
     */
    public static List<String> spread(List<String> texts, int count) {
        if (texts.size() <= count) {
            return texts;
        }
        List<String> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(texts.get((int) ((long) i * texts.size() / count)));
        }
        return chosen;
    }

    /** Everything a diagnosis says about a text, in one comparable string. */
    static String fingerprint(Diagnosis d) {
        return String.join(" | ", d.input(), d.category(), d.basis().id(), String.valueOf(d.code()),
                String.valueOf(d.enhancedCode()), String.valueOf(d.rule()), d.params().toString(),
                d.secondary().toString(), d.retry().id(), d.actor().id(), d.advice().title(),
                String.join(" ", d.advice().remedy()), String.valueOf(d.truncated()));
    }
}
