package org.smtpdoctor.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes a realistic error log for benchmarks: the given wordings (the project's sample replies), each
 * also as a Postfix bounce entry, repeated with a skew (a few replies make most of a real log) and with
 * fresh timestamps, addresses, hosts, queue ids and numbers on every line; 5% of the lines are replies no
 * rule knows, and one line in a thousand is a long stack-trace line (3 to 7 KiB; one in ten thousand 30 KiB).
 * A distinct log adds words of its own to every line, so that no two lines share a template.
 */
public final class LogGenerator {
    private static final String[] NAMES = {"anna", "boris", "chen", "dmitry", "eva", "farid", "grace", "ivan",
        "julia", "kim", "lena", "mark", "nina", "oleg", "petra", "sales", "support", "noreply", "billing"};
    private static final String[] DOMAINS = {"example.com", "example.org", "mail.example.net", "corp.example",
        "shop.example.co.uk", "example.ru", "post.example.de"};
    private static final String[] UNKNOWN = {
        "Delivery pipeline stalled on shard %1$d, ticket %2$s", "Frobnicator refused envelope %2$s for tenant %1$d",
        "XQ-%1$d: upstream handoff incomplete (%2$s)", "Mailer daemon hiccup %2$s at step %1$d",
        "Outbound journal %2$s could not be reconciled after %1$d tries", "Gateway says: policy engine busy %2$s %1$d",
        "Queue %2$s parked by operator %1$d", "Unexpected token %2$s in envelope header at offset %1$d"};
    private final List<String> wordings;
    /** Per wording, which of its characters are digits of codes (kept); computed once, not per line. */
    private final List<boolean[]> codeDigits;
    private final Random random;
    private final boolean distinct;

    /** A generator over {@code wordings}, repeatable for one {@code seed}. */
    public LogGenerator(List<String> wordings, long seed) {
        this(wordings, seed, false);
    }

    /**
     * A generator over {@code wordings}, repeatable for one {@code seed}; when {@code distinct}, no two of
     * the first {@link #DISTINCT_LINES} lines share a template (see {@link #tag}), so a template cache never hits.
     */
    public LogGenerator(List<String> wordings, long seed, boolean distinct) {
        this.distinct = distinct;
        this.random = new Random(seed);
        List<String> all = new ArrayList<>();
        for (String wording : wordings) {
            String oneLine = wording.replace('\n', ' ').replace('\r', ' ');
            all.add(oneLine);
            all.add("postfix/smtp[4242]: 4F2A31C0B2: to=<bob@example.com>, relay=mx.example.com[192.0.2.7]:25, "
                    + "delay=1.2, dsn=5.0.0, status=bounced (host mx.example.com[192.0.2.7] said: " + oneLine + ")");
        }
        Collections.shuffle(all, random);
        this.wordings = List.copyOf(all);
        this.codeDigits = this.wordings.stream().map(LogGenerator::codeDigits).toList();
    }

    private static boolean[] codeDigits(String wording) {
        boolean[] code = new boolean[wording.length()];
        for (int i = 0; i < wording.length(); i++) {
            code[i] = Character.isDigit(wording.charAt(i)) && inCode(wording, i);
        }
        return code;
    }

    /** How many distinct wordings the log is made of (before the unknown ones). */
    public int wordings() {
        return wordings.size();
    }

    /** Writes {@code lines} lines to {@code file}. */
    public void write(Path file, long lines) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < lines; i++) {
                out.write(line(i));
                out.write('\n');
            }
        }
    }

    private String line(long index) {
        StringBuilder line = new StringBuilder(200);
        line.append(String.format("2026-11-%02d %02d:%02d:%02d,%03d ERROR [mail-%d] o.e.Mailer - ",
                1 + index / 2_000_000 % 28, index / 100_000 % 24, index / 1000 % 60, index / 10 % 60,
                random.nextInt(1000), random.nextInt(16)));
        double kind = random.nextDouble();
        if (kind < 0.05) {
            line.append(String.format(UNKNOWN[random.nextInt(UNKNOWN.length)], random.nextInt(100_000), id()));
        } else {
            // Squaring skews the choice: the first wordings come up far more often than the last.
            double r = random.nextDouble();
            int chosen = (int) (r * r * wordings.size());
            line.append(vary(wordings.get(chosen), codeDigits.get(chosen)));
        }
        if (distinct) {
            line.append(" (").append(tag(index)).append(')');
        }
        if (kind > 0.999) {
            // Stack traces logged on one line: mostly a few KiB, one in ten past the parser's 8 KiB of text.
            int length = kind > 0.9999 ? 30_000 : 3_000 + random.nextInt(4_000);
            for (int frame = 0; line.length() < length; frame++) {
                line.append(" at org.example.mail.Sender.send(Sender.java:").append(100 + frame).append(')');
            }
        }
        return line.toString();
    }

    /** How many lines a distinct log can have before its tags repeat: {@code 33^6}, about 1.3 billion. */
    public static final long DISTINCT_LINES = 33L * 33 * 33 * 33 * 33 * 33;
    private static final String CONSONANTS = "gklmnprstvz";
    private static final String VOWELS = "iou";

    /**
     * Words no other line has: {@code index} in base 33, each digit a syllable, made into three invented
     * two-syllable words ({@code "kulo-mizu-tovi"}). Other numbers, addresses and ids would not do: the
     * template cache masks them, so lines differing only there share a template and the rules run once for
     * all of them. Words are what a template keeps, so every line gets a template of its own. The letters
     * are chosen so that no word reads as a hexadecimal id (no a-f) and none holds a digit, which would be
     * masked too.
     */
    static String tag(long index) {
        StringBuilder tag = new StringBuilder(17);
        long rest = index % DISTINCT_LINES;
        for (int syllable = 0; syllable < 6; syllable++) {
            int digit = (int) (rest % 33);
            rest /= 33;
            if (syllable > 0 && syllable % 2 == 0) {
                tag.append('-');
            }
            tag.append(CONSONANTS.charAt(digit / 3)).append(VOWELS.charAt(digit % 3));
        }
        return tag.toString();
    }

    /** The wording with other digits (codes kept) and other addresses. */
    private String vary(String wording, boolean[] codeDigit) {
        StringBuilder out = new StringBuilder(wording.length() + 16);
        for (int i = 0; i < wording.length(); i++) {
            char c = wording.charAt(i);
            if (c == '@') {
                int start = out.length();
                while (start > 0 && isAddressChar(out.charAt(start - 1))) {
                    start--;
                }
                out.setLength(start);
                out.append(NAMES[random.nextInt(NAMES.length)]).append('.').append(random.nextInt(1000))
                        .append('@').append(DOMAINS[random.nextInt(DOMAINS.length)]);
                while (i + 1 < wording.length() && isAddressChar(wording.charAt(i + 1))) {
                    i++;
                }
            } else if (Character.isDigit(c) && !codeDigit[i]) {
                out.append(randomDigit(wording, i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A random digit; the first of three never makes a number that reads as a reply code (200-599). */
    private char randomDigit(String wording, int i) {
        boolean startsThree = (i == 0 || !Character.isDigit(wording.charAt(i - 1))) && i + 3 <= wording.length()
                && Character.isDigit(wording.charAt(i + 1)) && Character.isDigit(wording.charAt(i + 2))
                && (i + 3 == wording.length() || !Character.isDigit(wording.charAt(i + 3)));
        return startsThree ? "016789".charAt(random.nextInt(6)) : (char) ('0' + random.nextInt(10));
    }

    private String id() {
        return Long.toHexString(random.nextLong() & 0xFFFFFFFFFFL).toUpperCase();
    }

    private static boolean isAddressChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '+';
    }

    /** Part of a reply code or enhanced code, which stay as they are. */
    private static boolean inCode(String text, int i) {
        int start = i;
        while (start > 0 && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        int end = i;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
            end++;
        }
        String token = text.substring(start, end);
        return token.length() <= 9 && (token.matches("[2-5]\\d\\d\\.?") || token.matches(".*[245]\\.\\d{1,3}\\.\\d{1,3}.*"));
    }
}
