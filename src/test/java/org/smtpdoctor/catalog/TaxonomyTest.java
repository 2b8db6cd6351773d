package org.smtpdoctor.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxonomyTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "unknown.unclassified, true",
            "unknown.permanent, true",
            "unknown, true",
            "auth.invalid-credentials, false",
            "auth, false",
            // a family whose name only starts like the fallbacks' is a family of its own
            "unknown-sender.x, false",
            "recipient.unknown, false",
    })
    void theFallbacksAreTheUnknownFamily(String id, boolean fallback) {
        assertThat(Taxonomy.isFallback(id)).isEqualTo(fallback);
    }
}
