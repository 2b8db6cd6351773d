package org.smtpdoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smtpdoctor.TestRules;
import org.smtpdoctor.authoring.RuleScaffold;
import org.smtpdoctor.source.Problem;

/**
 * A watching Diagnoser picks up edits of its rules directory, keeps the last good rule set when an edit is
 * broken, and never lets a diagnosis mix two rule sets. Waits are bounded by a deadline; no timing is asserted.
 */
class HotReloadTest {
    private static final Duration DEADLINE = Duration.ofSeconds(180); // a hang guard: a reload of every rule takes 30 s on a busy 2-core machine
    private static final String FILE = "auth/too-many-attempts.yaml";
    private static final String TEXT = "454 4.7.0 frobnication lock engaged";
    /** The first rule's list of wordings; the new wording goes first in it (the file has one rule). */
    private static final String SAYS = "  says:\n";

    @TempDir
    Path temp;

    /** Records what the watcher reports: a version (String) or the problems of a refused edit (List). */
    private static final class Recorder implements RuleSetListener {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

        @Override
        public void reloaded(String version) {
            events.add(version);
        }

        @Override
        public void refused(List<Problem> problems) {
            events.add(problems);
        }

        /** The first event (in order) that {@code wanted} accepts, waiting at most {@link #DEADLINE}. */
        Object await(Predicate<Object> wanted) throws InterruptedException {
            Instant end = Instant.now().plus(DEADLINE);
            while (Instant.now().isBefore(end)) {
                Object event = events.poll(Duration.between(Instant.now(), end).toMillis(), TimeUnit.MILLISECONDS);
                if (event != null && wanted.test(event)) {
                    return event;
                }
            }
            throw new AssertionError("no such event within " + DEADLINE);
        }
    }

    /** The rule file with the wording "frobnication lock" added to its first rule. */
    private static String withNewWording(TestRules rules) {
        return rules.read(FILE).replace(SAYS, SAYS + "    - text: frobnication lock\n      source: a test\n");
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition met within " + DEADLINE).isBefore(end);
            Thread.sleep(20);
        }
    }

    @Test
    void anEditTakesEffectABrokenEditIsRefusedAndItsFixTakesEffect() throws Exception {
        TestRules rules = TestRules.copyInto(temp);
        String original = rules.read(FILE);
        String edited = withNewWording(rules);
        assertThat(edited).isNotEqualTo(original);
        Recorder recorder = new Recorder();
        try (Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules.root()).watch(recorder).build()) {
            String first = diagnoser.ruleSetVersion();
            assertThat(diagnoser.diagnose(TEXT).category()).isNotEqualTo("auth.too-many-attempts");

            rules.write(FILE, edited);
            Object reloaded = recorder.await(e -> e instanceof String v && !v.equals(first));
            Diagnosis after = diagnoser.diagnose(TEXT);
            assertThat(after.category()).isEqualTo("auth.too-many-attempts");
            assertThat(after.ruleSetVersion()).isEqualTo(reloaded).isEqualTo(diagnoser.ruleSetVersion());

            rules.write(FILE, edited.replace("      source: a test\n", "      source: a test\n    - text: '{unclosed'\n      source: a test\n"));
            Object refused = recorder.await(e -> e instanceof List<?>);
            assertThat((List<?>) refused).isNotEmpty().allSatisfy(p -> assertThat(((Problem) p).file()).isEqualTo(FILE));
            Diagnosis whileBroken = diagnoser.diagnose(TEXT);
            assertThat(whileBroken.category()).isEqualTo("auth.too-many-attempts");
            assertThat(whileBroken.ruleSetVersion()).isEqualTo(reloaded);

            rules.write(FILE, original);
            recorder.await(e -> e instanceof String v && v.equals(first));
            assertThat(diagnoser.diagnose(TEXT).category()).isNotEqualTo("auth.too-many-attempts");
            assertThat(diagnoser.diagnose(TEXT).ruleSetVersion()).isEqualTo(first);
        }
    }

    @Test
    void aReloadThatOverflowsTheParsersStackKeepsTheLastGoodRules() throws Exception {
        TestRules rules = TestRules.copyInto(temp);
        Recorder recorder = new Recorder();
        try (Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules.root()).watch(recorder).build()) {
            String first = diagnoser.ruleSetVersion();
            rules.write("auth/too-many-attempts.drl", RuleFileAttackTest.deeplyNested());
            Object refused = recorder.await(e -> e instanceof List<?>);
            assertThat((List<?>) refused).anySatisfy(p -> assertThat(((Problem) p).message()).contains("nests too deeply"));
            assertThat(diagnoser.ruleSetVersion()).isEqualTo(first);
            assertThat(diagnoser.diagnose("454 4.7.0 Too many login attempts").category()).isEqualTo("auth.too-many-attempts");

            rules.write(FILE, withNewWording(rules));
            Files.delete(rules.root().resolve("auth/too-many-attempts.drl"));
            recorder.await(e -> e instanceof String v && !v.equals(first));
            assertThat(diagnoser.diagnose(TEXT).category()).as("the watcher still works").isEqualTo("auth.too-many-attempts");
        }
    }

    @Test
    void aSelfReferringAliasIsRefusedAtItsPlaceAndTheNextGoodEditLoads() throws Exception {
        TestRules rules = TestRules.copyInto(temp);
        Recorder recorder = new Recorder();
        try (Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules.root()).watch(recorder).build()) {
            String first = diagnoser.ruleSetVersion();
            rules.write(FILE, "zzz: &r [*r, *r]\n");
            Object refused = recorder.await(e -> e instanceof List<?>);
            assertThat((List<?>) refused).anySatisfy(p -> assertThat(p.toString())
                    .startsWith(FILE + ":1:6: error: YAML anchor &r refused").contains("write the value out"));
            assertThat(diagnoser.ruleSetVersion()).isEqualTo(first);

            rules.write("catalog/auth.yaml", "x: &a [*a]\n" + rules.read("catalog/auth.yaml"));
            recorder.await(e -> e instanceof List<?> l && l.toString().contains("catalog/auth.yaml:1:4"));

            rules.write("catalog/auth.yaml", rules.read("catalog/auth.yaml").substring("x: &a [*a]\n".length()));
            rules.write(FILE, withNewWording(TestRules.copyInto(temp.resolve("fresh"))));
            recorder.await(e -> e instanceof String v && !v.equals(first));
            assertThat(diagnoser.diagnose(TEXT).category()).as("the watcher still works").isEqualTo("auth.too-many-attempts");
        }
    }

    @Test
    void watchingNeedsARulesDirectory() {
        assertThatThrownBy(() -> Diagnoser.builder().watch(new Recorder()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("watch needs a rules directory");
    }

    @Test
    void aRuleInANewFamilyFolderIsPickedUp() throws Exception {
        TestRules rules = TestRules.copyInto(temp);
        String text = "550 5.7.1 Frobnication detected in transit";
        try (Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(rules.root()).watch(new Recorder()).build()) {
            assertThat(diagnoser.diagnose(text).category()).isNotEqualTo("frobnication.detected");
            new RuleScaffold(rules.root(), Files.createDirectories(temp.resolve("samples"))).create("frobnication.detected", text);
            awaitTrue(() -> diagnoser.diagnose(text).category().equals("frobnication.detected"));
            assertThat(diagnoser.diagnose(text).rule().file()).isEqualTo("frobnication/detected.yaml");

            // An edit inside the new folder alone: seen only because the watcher watches folders created later.
            String other = "550 5.7.1 Quux overflow";
            String yaml = rules.read("frobnication/detected.yaml");
            rules.write("frobnication/detected.yaml", yaml + "    - Quux overflow\n");
            awaitTrue(() -> diagnoser.diagnose(other).category().equals("frobnication.detected"));
        }
    }

    @Test
    void concurrentDiagnosesDuringReloadsNeverFailOrMixRuleSets() throws Exception {
        TestRules a = TestRules.copyInto(temp.resolve("a"));
        TestRules b = TestRules.copyInto(temp.resolve("b"));
        b.write(FILE, withNewWording(b));
        Map<String, String> categoryByVersion = new ConcurrentHashMap<>();
        for (TestRules rules : List.of(a, b)) {
            Diagnosis d = Diagnoser.builder().rulesDirectory(rules.root()).build().diagnose(TEXT);
            categoryByVersion.put(d.ruleSetVersion(), d.category());
        }
        assertThat(Set.copyOf(categoryByVersion.values())).as("the two rule sets disagree on the text").hasSize(2);
        String versionB = Diagnoser.builder().rulesDirectory(b.root()).build().ruleSetVersion();

        TestRules watched = TestRules.copyInto(temp.resolve("watched"));
        String contentA = watched.read(FILE);
        String contentB = b.read(FILE);
        Queue<String> failures = new ConcurrentLinkedQueue<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong diagnoses = new AtomicLong();
        try (Diagnoser diagnoser = Diagnoser.builder().rulesDirectory(watched.root()).watch(new Recorder()).build()) {
            String versionA = diagnoser.ruleSetVersion();
            Runnable client = () -> {
                while (!stop.get()) {
                    try {
                        Diagnosis d = diagnoser.diagnose(TEXT);
                        seen.add(d.ruleSetVersion());
                        if (!d.category().equals(categoryByVersion.get(d.ruleSetVersion()))) {
                            failures.add(d.ruleSetVersion() + " gave " + d.category());
                        }
                        diagnoses.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.add(e.toString());
                    }
                }
            };
            List<Thread> clients = List.of(new Thread(client), new Thread(client));
            clients.forEach(Thread::start);
            try {
                for (int swap = 0; swap < 4; swap++) {
                    boolean toB = swap % 2 == 0;
                    watched.write(FILE, toB ? contentB : contentA);
                    String expected = toB ? versionB : versionA;
                    awaitTrue(() -> diagnoser.ruleSetVersion().equals(expected));
                    long now = diagnoses.get();
                    awaitTrue(() -> diagnoses.get() > now + 10); // the clients ran on this rule set too
                }
            } finally {
                stop.set(true);
                for (Thread t : clients) {
                    t.join(DEADLINE.toMillis());
                }
            }
            assertThat(failures).isEmpty();
            assertThat(seen).containsExactlyInAnyOrder(versionA, versionB);
        }
    }
}
