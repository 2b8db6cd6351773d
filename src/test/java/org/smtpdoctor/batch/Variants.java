package org.smtpdoctor.batch;

/**
 * Another text of the same template: every digit that is not part of a reply or enhanced code shifted by
 * one, and every e-mail address or host name given another first letter. Texts whose variant falls out
 * of the template (a shifted digit turning into a code) are skipped by the tests.
 */
final class Variants {
    private Variants() {
    }

    static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean wordStart = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '.';
            if (c >= '0' && c <= '9' && !inCode(text, i)) {
                out.append((char) ('0' + (c - '0' + 1) % 10));
            } else if (wordStart && c >= 'a' && c <= 'z' && looksLikeDomainWord(text, i)) {
                out.append(c == 'q' ? 'w' : 'q');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A digit of "NNN" (200-599) or of "N.N.N" standing on its own. */
    private static boolean inCode(String text, int i) {
        int start = i;
        while (start > 0 && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        int end = i;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
            end++;
        }
        String token = text.substring(start, end).replaceAll("\\.$", "");
        return token.matches("[2-5]\\d\\d|[245]\\.\\d{1,3}\\.\\d{1,3}|[2-5]\\d\\d\\.[245]\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static boolean looksLikeDomainWord(String text, int i) {
        int end = i;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || "._-@".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        String word = text.substring(i, end);
        return word.matches("[a-z0-9.-]+\\.[a-z]{2,}") || word.matches("[^@]+@[a-z0-9.-]+\\.[a-z]{2,}");
    }
}
