package org.smtpdoctor.reply;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where a text quotes another server's reply: a reply code right after the words a bounce or an MTA log puts before
 * what the remote server answered. Postfix {@code host mx.example.com[192.0.2.1] said: 550 ...}, Gmail {@code The error
 * that the other server returned was: 550 ...}, {@code The response from the remote server was: 550 ...}, Exchange
 * {@code Remote Server returned '550 ...'}, Exim {@code SMTP error from remote mail server after RCPT TO:<a@b>: 550
 * ...}, and a client's "the server replied: 550" in the languages client messages are translated to. The wrapper's
 * own words (Gmail's "rejected by the recipient domain") would trip the guards of the quoted reply's rules, so the
 * engine judges the quote on its words alone.
 *
 * <p>One left-to-right scan: each candidate code reads at most two short words back, so a text of many introducers
 * costs linear time; the first introduced code wins, and a quote inside a quote is part of it.
 */
final class QuotedReplies {
    /**
     * The verbs that introduce a remote server's reply right before its code ({@code said:}, {@code replied:}, and as
     * client messages translate them: "Der Server antwortete: 550", "Сервер ответил: 550"), as the parser reads them.
     * A noun alone does not: a log's own action follows "after reply: 535 ..." as often.
     */
    private static final Set<String> VERBS = Set.of("said", "replied", "answered", "antwortete", "répondu", "respondió",
            "respondeu", "risposto", "antwoordde", "svarade", "odpowiedział", "odpověděl", "ответил", "відповів");
    /**
     * What names the reply before a copula: "the other server returned was:", "the remote server was:", "The server
     * response was:", "Het antwoord van de server was:".
     */
    private static final Set<String> COPULA_SUBJECTS = Set.of("returned", "server", "response", "reply", "answer");
    /** Exim's phrase before the command and the host whose reply follows ({@code transports/smtp.c}), old and new. */
    private static final List<String> EXIM_PHRASES = List.of("remote mail server after", "remote mailer after");
    /** The phrases' rare letters ('v' of "server", 'f' of "after"), found first by {@code indexOf}. */
    private static final int[] EXIM_ANCHORS = {15, 15};
    /** Each opening quote's closing one, at its index in {@link ReplyParser#OPENING_QUOTES}. */
    private static final String CLOSING_QUOTES = "\"'\u00bb\u201d\u201c\u2019\u300d\u300f";
    private static final int NOT_LOOKED_FOR = -2;
    /**
     * The longest word of {@link #VERBS}, {@link ReplyParser#COPULAS} and {@link #COPULA_SUBJECTS}: a longer one is
     * none.
     */
    private static final int LONGEST_WORD = 12;

    private QuotedReplies() {
    }

    /** Where the quoted reply's code starts in {@code text}, or -1 when the text quotes none. */
    static int start(String text) {
        int exim = NOT_LOOKED_FOR;
        for (int at = 1; at + 3 <= text.length(); at++) {
            char c = text.charAt(at);
            if (c < '2' || c > '5' || !Chars.digitsAt(text, at + 1, 2) || !(at + 3 == text.length()
                    || Chars.isSpace(text.charAt(at + 3)) || text.charAt(at + 3) == '-')) {
                continue;
            }
            char before = text.charAt(at - 1);
            if (!Chars.isSpace(before) && ReplyParser.OPENING_QUOTES.indexOf(before) < 0) {
                continue;
            }
            if (at >= 2 && text.charAt(at - 2) == ':') {
                exim = exim == NOT_LOOKED_FOR ? eximPhraseEnd(text) : exim; // once, and only for a code after ": "
                if (exim >= 0 && at > exim) {
                    return at;
                }
            }
            if (introduced(text, at)) {
                return at;
            }
        }
        return -1;
    }

    /**
     * The quoted reply from {@code at} to the end, without the closing quote that pairs with an opening one right
     * before it ({@code returned '550 5.1.1 ...'}).
     */
    static String quote(String text, int at) {
        String quote = text.substring(at).strip();
        int opening = ReplyParser.OPENING_QUOTES.indexOf(text.charAt(at - 1));
        return opening >= 0 && quote.length() > 3 && quote.charAt(quote.length() - 1) == CLOSING_QUOTES.charAt(opening)
                ? quote.substring(0, quote.length() - 1).strip() : quote;
    }

    /**
     * Whether the words right before the code at {@code at}, with a colon and an opening quote between, introduce a
     * remote server's reply: "said", "the other server returned was", "Remote Server returned".
     */
    private static boolean introduced(String text, int at) {
        int end = spacesBefore(text, at);
        if (end > 0 && ReplyParser.OPENING_QUOTES.indexOf(text.charAt(end - 1)) >= 0) {
            end = spacesBefore(text, end - 1);
        }
        if (end > 0 && (text.charAt(end - 1) == ':' || text.charAt(end - 1) == '\uff1a')) {
            end = spacesBefore(text, end - 1);
        }
        String last = wordBefore(text, end);
        if (last == null) {
            return false;
        }
        if (VERBS.contains(last)) {
            return true;
        }
        boolean copula = ReplyParser.COPULAS.contains(last);
        if (!copula && !last.equals("returned")) {
            return false;
        }
        String previous = wordBefore(text, spacesBefore(text, end - last.length()));
        return copula ? COPULA_SUBJECTS.contains(previous) : "server".equals(previous);
    }

    /**
     * The word of letters that ends at {@code end}, in lower case, or null when none ends there or it is longer than
     * any introducer's (read back at most that far, so a text of long words costs no more).
     */
    private static String wordBefore(String text, int end) {
        int start = end;
        while (start > 0 && end - start <= LONGEST_WORD && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        if (start == end || end - start > LONGEST_WORD) {
            return null;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static int spacesBefore(String text, int end) {
        int i = end;
        while (i > 0 && Chars.isSpace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** Where Exim's phrase ends in {@code text}, or -1: its reply follows the next ": " and a code. */
    private static int eximPhraseEnd(String text) {
        for (int i = 0; i < EXIM_PHRASES.size(); i++) {
            int at = ReplyParser.indexOfIgnoringCase(text, EXIM_PHRASES.get(i), EXIM_ANCHORS[i], 0);
            if (at >= 0) {
                return at + EXIM_PHRASES.get(i).length();
            }
        }
        return -1;
    }
}
