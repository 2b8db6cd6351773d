package org.smtpdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The unknown replies a desk remembers stay bounded, in count and in size, whatever a client sends. */
class SeenUnknownsTest {
    @Test
    void aFloodOfUniqueLongRepliesKeepsAtMostTheBoundAndCountsTheRest() {
        SeenUnknowns seen = new SeenUnknowns();
        String long_ = "x".repeat(SeenUnknowns.MAX_CHARS * 4);
        int extra = 500;
        for (int i = 0; i < SeenUnknowns.MAX_TEMPLATES + extra; i++) {
            seen.add("template " + i + " " + long_, 1, "example " + i + " " + long_, "unknown.permanent");
        }
        assertThat(seen.top(Integer.MAX_VALUE)).hasSize(SeenUnknowns.MAX_TEMPLATES)
                .allMatch(s -> s.template().length() <= SeenUnknowns.MAX_CHARS
                        && s.example().length() <= SeenUnknowns.MAX_CHARS);
        assertThat(seen.untracked()).isEqualTo(extra);
        // a template already kept is still counted once the list is full
        seen.add("template 7 " + long_, 5, "another example", "unknown.permanent");
        assertThat(seen.top(1).get(0).template()).startsWith("template 7 ");
        assertThat(seen.top(1).get(0).count()).isEqualTo(6);
        assertThat(seen.untracked()).isEqualTo(extra);
    }
}
