package org.smtpdoctor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smtpdoctor.batch.SampleTexts;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.SourceTree;

/**
 * The held-out figures mean something only while the sets stay apart from what the rules were written from. Checks
 * what can be checked without reading a held-out text into a rule writer's view: no held-out text is a sample's text
 * (or a line of the sample log), no case of the second set comes from an issue thread or page a rule or sample
 * cites, and no rule or sample names a program the first set was taken from; the training set that rule writers read
 * shares no text with a held-out set and no thread or page with the second. Failures name the file and line of the
 * held-out case or the rule file, never the text.
 */
class HeldOutIndependenceTest {
    private static final Path FIRST_SET = Path.of("src/test/resources/evaluation");
    private static final Path SECOND_SET = Path.of("src/test/resources/evaluation-v2");
    /** The texts rule writers read (its README): kept apart from both held-out sets. */
    private static final Path TRAINING_SET = Path.of("src/test/resources/training");
    private static final List<Path> KNOWLEDGE = List.of(Path.of("rules"), Path.of("samples"));

    /** The programs of the first set (its README's table), which rules must not be written from. */
    private static final Pattern FIRST_SET_PROGRAMS = Pattern.compile("(?i)(?<![\\w-])(evolution-data-server"
            + "|camel-smtp-transport|neomutt|claws-mail|msmtp|aiosmtpd|go-smtp|chasquid|opensmtpd|maddy|haraka"
            + "|set-of-emails|BounceParser|flufl|PHP-Bounce-Handler|node-bounce-handler)(?![\\w-])");

    private static final Pattern GITHUB_THREAD =
            Pattern.compile("(?i)github\\.com/([\\w.-]+/[\\w.-]+)/(?:issues|pull|discussions)/(\\d+)");
    /** The short form rules use in their sources: {@code owner/repo#123}. */
    private static final Pattern SHORT_THREAD = Pattern.compile("([\\w.-]+/[\\w.-]+)#(\\d+)");
    /** A page: a host name with a path, with or without its scheme (rules often cite "support.example.com/a/1"). */
    private static final Pattern URL =
            Pattern.compile("(?i)(?:https?://)?((?:[a-z0-9-]+\\.)+[a-z]{2,}/[^\\s\"'()\\]>,;]*)");

    @Test
    void noHeldOutTextIsASampleText() {
        Set<String> samples = SampleTexts.all().stream().map(HeldOutIndependenceTest::normalized)
                .collect(Collectors.toSet());
        for (Path set : List.of(FIRST_SET, SECOND_SET)) {
            List<String> equal = load(set).stream().filter(c -> samples.contains(normalized(c.text())))
                    .map(c -> c.file() + ":" + c.line()).toList();
            assertThat(equal).as("held-out cases in %s whose text is a sample's (move one of them)", set).isEmpty();
        }
        assertThat(samples).as("the sample texts were read").hasSizeGreaterThan(1000);
    }

    @Test
    void noSecondSetCaseComesFromAThreadOrPageARuleOrSampleCites() {
        Set<String> cited = new TreeSet<>();
        knowledgeFiles().forEach(file -> {
            String content = file.content();
            threads(GITHUB_THREAD, content, cited);
            threads(SHORT_THREAD, content, cited);
            Matcher url = URL.matcher(content);
            while (url.find()) {
                cited.add(page(url.group(1)));
            }
        });
        List<String> leaked = load(SECOND_SET).stream().filter(c -> citedBy(cited, c.source()))
                .map(c -> c.file() + ":" + c.line()).toList();
        assertThat(cited).as("the citations were read").hasSizeGreaterThan(100);
        assertThat(leaked).as("second-set cases from a thread or page a rule or sample cites").isEmpty();
    }

    @Test
    void theTrainingSetSharesNoTextWithAHeldOutSetAndNoSourceWithTheSecond() {
        List<HeldOutCase> secondSet = load(SECOND_SET);
        Set<String> heldOutTexts = Stream.concat(load(FIRST_SET).stream(), secondSet.stream())
                .map(c -> normalized(c.text())).collect(Collectors.toSet());
        Set<String> secondSetSources = secondSet.stream().flatMap(c -> citations(c.source()))
                .collect(Collectors.toSet());
        List<HeldOutCase> training = load(TRAINING_SET, 500);
        List<String> sharedText = training.stream().filter(c -> heldOutTexts.contains(normalized(c.text())))
                .map(c -> c.file() + ":" + c.line()).toList();
        List<String> sharedSource = training.stream().filter(c -> citedBy(secondSetSources, c.source()))
                .map(c -> c.file() + ":" + c.line()).toList();
        assertThat(sharedText).as("training cases whose text is a held-out text").isEmpty();
        assertThat(sharedSource).as("training cases from a thread or page of the second held-out set").isEmpty();
    }

    @Test
    void noRuleOrSampleNamesAProgramOfTheFirstSet() {
        List<String> named = knowledgeFiles().flatMap(file -> {
            List<String> lines = file.content().lines().toList();
            return IntStream.range(0, lines.size())
                    .filter(i -> FIRST_SET_PROGRAMS.matcher(lines.get(i)).find())
                    .mapToObj(i -> file.name() + ":" + (i + 1));
        }).toList();
        assertThat(named).as("rules or samples citing a program the first held-out set was taken from").isEmpty();
    }

    @Test
    void theProgramPatternFindsTheFirstSetsSources() {
        long fromThosePrograms = load(FIRST_SET).stream()
                .filter(c -> FIRST_SET_PROGRAMS.matcher(c.source()).find()).count();
        // The rest are Node.js socket errors passed on by nodemailer and Sisimai's own sample bounces.
        assertThat(fromThosePrograms).isGreaterThan(1700);
        assertThat(FIRST_SET_PROGRAMS.matcher("libkpimsmtp-data 22.12.3-1").find()).isFalse();
    }

    private static boolean citedBy(Set<String> cited, String source) {
        return citations(source).anyMatch(cited::contains);
    }

    /** What a case's {@code source} names: its issue thread and its page, each in the one form citations are kept in. */
    private static Stream<String> citations(String source) {
        Matcher thread = GITHUB_THREAD.matcher(source);
        Matcher url = URL.matcher(source);
        return Stream.of(thread.find() ? thread(thread) : null, url.find() ? page(url.group(1)) : null)
                .filter(Objects::nonNull);
    }

    private static void threads(Pattern pattern, String content, Set<String> into) {
        Matcher m = pattern.matcher(content);
        while (m.find()) {
            into.add(thread(m));
        }
    }

    /** Issues, pull requests and discussions share their numbers in one repository. */
    private static String thread(Matcher m) {
        return "thread " + m.group(1).toLowerCase(Locale.ROOT) + "#" + m.group(2);
    }

    /** One form per page: no scheme, no "www.", no fragment, no language or session parameters, no trailing dot. */
    private static String page(String hostAndPath) {
        String page = hostAndPath.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "").replaceFirst("#.*", "")
                .replaceAll("[?&](hl|sjid|authuser)=[^&]*", "");
        return page.replaceFirst("[./?&]+$", "");
    }

    private static String normalized(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<HeldOutCase> load(Path set) {
        return load(set, 1000);
    }

    private static List<HeldOutCase> load(Path set, int moreThan) {
        Problems problems = new Problems();
        List<HeldOutCase> cases = HeldOutLoader.load(SourceTree.of(set), problems);
        assertThat(problems.all()).as("%s is well-formed", set).isEmpty();
        assertThat(cases).hasSizeGreaterThan(moreThan);
        return cases;
    }

    /** The rule and sample files, each named by its path from the project folder (for the failure messages). */
    private static Stream<SourceFile> knowledgeFiles() {
        return KNOWLEDGE.stream().flatMap(dir -> SourceTree.of(dir).files(".yaml").stream()
                .map(file -> new SourceFile(dir + "/" + file.name(), file.content())));
    }
}
