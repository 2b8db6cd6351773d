package org.smtpdoctor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpdoctor.source.Problems;
import org.smtpdoctor.source.SourceFile;
import org.smtpdoctor.source.YamlNode;

/**
 * The class of a failure as a text without any code says it: "permanent error", "Временная ошибка", "Kalıcı hata".
 * RFC 3463 names its classes so (4 "Persistent Transient Failure", 5 "Permanent Failure"), and mail programs and
 * MTAs print the words where they drop the code (Exim "permanent error", qmail "temporary failure"). The word of
 * the class must stand right beside a word of failure or refusal (or with only an article between, as Turkish puts
 * "bir"), so that "Failed to open temporary file" has no class.
 *
 * <p>The words are data ({@code rules/codes/failure-class-words.yaml}), read like every rule file: untrusted, each
 * problem at its file, line and column. Immutable and thread-safe.
 */
public final class FailureClassWords {
    /** The words of a rule set without the file: no text says a class. */
    static final FailureClassWords NONE = new FailureClassWords(List.of(), List.of(), List.of(), List.of(), List.of());
    /** A word, not a phrase: longer is a sentence pasted into the list. */
    static final int MAX_WORD_LENGTH = 40;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+");
    private static final List<String> FIELDS = List.of("permanent", "temporary", "failure", "between");

    private final List<String> permanent;
    private final List<String> temporary;
    private final List<String> failureStarts;
    /** Words of failure read whole: as word starts "erro" would take "erroneous", "falla" the verb "fallar". */
    private final List<String> failureWords;
    /** Articles that stand between a class and its failure ("kalıcı bir hata"). */
    private final List<String> between;

    private FailureClassWords(List<String> permanent, List<String> temporary, List<String> failureStarts,
                              List<String> failureWords, List<String> between) {
        this.permanent = List.copyOf(permanent);
        this.temporary = List.copyOf(temporary);
        this.failureStarts = List.copyOf(failureStarts);
        this.failureWords = List.copyOf(failureWords);
        this.between = List.copyOf(between);
    }

    /**
     * Reads the words file: {@code permanent}, {@code temporary}, {@code failure} and {@code between}, each a list of
     * groups with {@code starts} (word starts: "dauerhaft" also reads "dauerhafter") and/or {@code words} (whole
     * words), and the {@code source} they were taken from. Null (and reported) when it has an error.
     */
    static FailureClassWords load(SourceFile file, Problems problems) {
        long errorsBefore = problems.errorCount();
        YamlNode root = YamlNode.parse(file, problems);
        if (root == null) {
            return null;
        }
        Map<String, YamlNode> top = root.fields(problems, file.name(), FIELDS);
        List<List<String>> starts = new ArrayList<>();
        List<List<String>> words = new ArrayList<>();
        for (String field : FIELDS) {
            List<String> fieldStarts = new ArrayList<>();
            List<String> fieldWords = new ArrayList<>();
            YamlNode list = top.get(field);
            if (list == null) {
                problems.add(root.error(file.name() + " lacks '" + field + ":', the list of " + meaning(field)));
            } else {
                for (YamlNode group : list.items(problems, "'" + field + "'")) {
                    readGroup(group, field, fieldStarts, fieldWords, problems);
                }
            }
            starts.add(fieldStarts);
            words.add(fieldWords);
        }
        if (problems.errorCount() > errorsBefore) {
            return null;
        }
        return new FailureClassWords(starts.get(0), starts.get(1), starts.get(2), words.get(2), words.get(3));
    }

    private static void readGroup(YamlNode group, String field, List<String> starts, List<String> words,
                                  Problems problems) {
        String what = "a group of '" + field + "'";
        boolean articles = field.equals("between");
        Map<String, YamlNode> f = group.fields(problems, what,
                articles ? List.of("words", "source") : field.equals("failure")
                        ? List.of("starts", "words", "source") : List.of("starts", "source"));
        group.requiredText(f, "source", problems, what);
        if (!f.containsKey("starts") && !f.containsKey("words")) {
            problems.add(group.error(what + " has no words: write '" + (articles ? "words" : "starts")
                    + ": [...]' with " + meaning(field)));
        }
        readWords(f.get("starts"), starts, problems);
        readWords(f.get("words"), words, problems);
    }

    private static void readWords(YamlNode node, List<String> into, Problems problems) {
        if (node == null) {
            return;
        }
        for (YamlNode item : node.itemsOrScalar(problems, "the words")) {
            String word = item.isScalar() ? item.text().strip().toLowerCase(Locale.ROOT) : "";
            if (word.isEmpty() || word.length() > MAX_WORD_LENGTH || !WORD.matcher(word).matches()) {
                problems.add(item.error("'" + item.text() + "' is not one word: write a word of letters alone"
                        + " (at most " + MAX_WORD_LENGTH + "), without spaces, digits or punctuation"));
            } else {
                into.add(word);
            }
        }
    }

    private static String meaning(String field) {
        return switch (field) {
            case "permanent" -> "word starts that mean \"permanent\" (permanent, dauerhaft, постоянн)";
            case "temporary" -> "word starts that mean \"temporary\" (temporar, vorübergehend, временн)";
            case "failure" -> "word starts that mean a failure or refusal (error, fehler, ошибк, reject)";
            default -> "articles that may stand between a class and its failure (Turkish bir)";
        };
    }

    /**
     * 5 for permanent, 4 for temporary, 0 when no word of a class stands right beside a word of failure, with
     * nothing but spaces between ("Temporary failure", not "modificações temporárias. Erro"), or both classes do.
     */
    public int classOf(String text) {
        boolean saysPermanent = false;
        boolean saysTemporary = false;
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher words = WORD.matcher(lower);
        String previous = null;
        int previousEnd = 0;
        while (words.find()) {
            String word = words.group();
            boolean besides = previous != null && lower.substring(previousEnd, words.start()).isBlank();
            if (besides && between.contains(word)) {
                previousEnd = words.end(); // the class word before the article stays the one beside the next word
                continue;
            }
            int saidClass = !besides ? 0
                    : isFailure(word) ? classOfWord(previous) : isFailure(previous) ? classOfWord(word) : 0;
            saidClass = saidClass != 0 ? saidClass : classWithinRun(word);
            saysPermanent |= saidClass == 5;
            saysTemporary |= saidClass == 4;
            previous = word;
            previousEnd = words.end();
        }
        return saysPermanent == saysTemporary ? 0 : saysPermanent ? 5 : 4;
    }

    private int classOfWord(String word) {
        return startsWithAny(word, permanent) ? 5 : startsWithAny(word, temporary) ? 4 : 0;
    }

    private boolean isFailure(String word) {
        return startsWithAny(word, failureStarts) || failureWords.contains(word);
    }

    private static boolean startsWithAny(String word, List<String> starts) {
        for (String start : starts) {
            if (word.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** In a CJK run (no spaces): a class and a failure with at most one character between ("永久性错误", "一時的なエラー"). */
    private int classWithinRun(String run) {
        if (!Character.isIdeographic(run.codePointAt(0)) && Character.UnicodeBlock.of(run.charAt(0))
                != Character.UnicodeBlock.HIRAGANA && Character.UnicodeBlock.of(run.charAt(0))
                != Character.UnicodeBlock.KATAKANA) {
            return 0;
        }
        for (String failure : failureStarts) {
            for (int f = run.indexOf(failure); f >= 0; f = run.indexOf(failure, f + 1)) {
                int saidClass = classBefore(run, f, permanent, 5);
                saidClass = saidClass != 0 ? saidClass : classBefore(run, f, temporary, 4);
                if (saidClass != 0) {
                    return saidClass;
                }
            }
        }
        return 0;
    }

    private static int classBefore(String run, int failureAt, List<String> stems, int saidClass) {
        for (String stem : stems) {
            int at = run.lastIndexOf(stem, failureAt - stem.length());
            if (at >= 0 && failureAt - (at + stem.length()) <= 1) {
                return saidClass;
            }
        }
        return 0;
    }
}
