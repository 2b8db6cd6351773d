package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/** A reused session forgets each evaluation's facts, and one a rule failed in is not reused. */
class ThreadSessionsTest {
    private static final String DRL = """
            package t;
            rule "a text and a number" when $seen : java.util.ArrayList() String() Integer() then $seen.add("fired"); end
            rule "a long" when Long() then throw new IllegalStateException("a faulty rule"); end
            """;

    @Test
    void eachEvaluationSeesOnlyItsOwnFacts() {
        ThreadSessions sessions = new ThreadSessions(kieBase());
        List<Object> first = new ArrayList<>();
        sessions.fire(List.of(first, "text", 1));
        assertThat(first).containsExactly("fired");

        List<Object> second = new ArrayList<>();
        sessions.fire(List.of(second, "text")); // the 1 of the first evaluation must be gone
        assertThat(second).isEmpty();
        sessions.fire(List.of(second, 2)); // and so must this text
        assertThat(second).isEmpty();
    }

    @Test
    void aSessionARuleFailedInIsDropped() {
        ThreadSessions sessions = new ThreadSessions(kieBase());
        List<Object> failed = new ArrayList<>();
        assertThatThrownBy(() -> sessions.fire(List.of(failed, "text", 5L))).hasRootCauseMessage("a faulty rule");

        List<Object> next = new ArrayList<>();
        sessions.fire(List.of(next, 3)); // on the failed session, its "text" would still be there
        assertThat(next).isEmpty();
        assertThat(failed).isEmpty();
    }

    private static KieBase kieBase() {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(DRL.getBytes(java.nio.charset.StandardCharsets.UTF_8)), ResourceType.DRL);
        assertThat(builder.getErrors()).isEmpty();
        return builder.newKieBase();
    }
}
