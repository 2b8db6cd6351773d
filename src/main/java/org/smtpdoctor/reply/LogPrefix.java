package org.smtpdoctor.reply;

import java.util.List;

/**
 * The parts of a log line's prefix that {@link ReplyParser} takes off before the message: time stamps, syslog's
 * {@code host program[pid]:}, a bracketed thread, a level, Spring Boot's {@code pid ---}, queue ids and a
 * logger name. Each is read by a scan that never goes back (the regular expressions they replace are quoted
 * at each); {@link #end} tries them in order, as the first that fits decides.
 */
final class LogPrefix {
    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "NOTICE", "WARN", "WARNING", "ERROR",
            "ERR", "FATAL", "SEVERE", "CRITICAL", "CRIT", "ALERT", "EMERG");
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");
    /** A bracketed part is at most this many characters (code points) long. */
    private static final int MAX_BRACKETED = 80;
    /** A logger name has at most this many dots. */
    private static final int MAX_NAME_PARTS = 16;

    private LogPrefix() {
    }

    /** Where the prefix part that starts at {@code at} ends (after the blanks that follow it), or -1 when none does. */
    static int end(String text, int at) {
        if (at >= text.length()) {
            return -1;
        }
        char c = text.charAt(at);
        // Each form is read only when the ones before it did not fit (most parts are the first form tried).
        int end = -1;
        if (Chars.isDigit(c)) {
            end = dateTime(text, at);
            end = end >= 0 ? end : time(text, at);
        }
        if (end < 0 && c >= 'A' && c <= 'S') {
            end = syslogDate(text, at);
        }
        end = end >= 0 ? end : program(text, at);
        end = end >= 0 ? end : bracketed(text, at);
        if (end < 0 && c >= 'A' && c <= 'W') {
            end = level(text, at);
        }
        if (end < 0 && Chars.isDigit(c)) {
            end = springPid(text, at);
        }
        end = end >= 0 ? end : queueId(text, at);
        end = end >= 0 ? end : eximId(text, at);
        return end >= 0 ? end : logger(text, at);
    }

    /**
     * {@code \d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s?(?:Z|[+-]\d{2}:?\d{2}))?)?(?:\s+|$)}:
     * 2024-05-01T12:00:00.123Z, 2024-05-01 12:00:00,123 +0300. Tried as the pattern does: the longest form
     * first, each optional part dropped in turn when what follows it does not fit.
     */
    private static int dateTime(String text, int at) {
        int date = at + 10;
        if (!Chars.digitsAt(text, at, 4) || !isChar(text, at + 4, '-') || !Chars.digitsAt(text, at + 5, 2)
                || !isChar(text, at + 7, '-') || !Chars.digitsAt(text, at + 8, 2)) {
            return -1;
        }
        if ((isChar(text, date, 'T') || isChar(text, date, ' ')) && Chars.digitsAt(text, date + 1, 2)
                && isChar(text, date + 3, ':') && Chars.digitsAt(text, date + 4, 2)) {
            int minutes = date + 6;
            int seconds = isChar(text, minutes, ':') && Chars.digitsAt(text, minutes + 1, 2) ? fraction(text, minutes + 3) : -1;
            for (int time : new int[] {seconds, minutes}) {
                if (time < 0) {
                    continue;
                }
                int zone = zone(text, time);
                int end = zone < 0 ? -1 : blanksOrEnd(text, zone);
                if (end < 0) {
                    end = blanksOrEnd(text, time);
                }
                if (end >= 0) {
                    return end;
                }
            }
        }
        return blanksOrEnd(text, date);
    }

    /** {@code (?:[.,]\d+)?} at {@code at}: where it ends. */
    private static int fraction(String text, int at) {
        boolean present = (isChar(text, at, '.') || isChar(text, at, ',')) && Chars.digitsAt(text, at + 1, 1);
        return present ? Chars.digitsEnd(text, at + 1) : at;
    }

    /** {@code \s?(?:Z|[+-]\d{2}:?\d{2})} at {@code at}: where it ends, or -1. */
    private static int zone(String text, int at) {
        int i = at < text.length() && Chars.isSpace(text.charAt(at)) ? at + 1 : at;
        if (isChar(text, i, 'Z')) {
            return i + 1;
        }
        if (!(isChar(text, i, '+') || isChar(text, i, '-')) || !Chars.digitsAt(text, i + 1, 2)) {
            return -1;
        }
        int minutes = isChar(text, i + 3, ':') ? i + 4 : i + 3;
        return Chars.digitsAt(text, minutes, 2) ? minutes + 2 : -1;
    }

    /** {@code \d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:\s+|$)}: 12:00:00.123. */
    private static int time(String text, int at) {
        return clock(text, at) ? blanksOrEnd(text, fraction(text, at + 8)) : -1;
    }

    private static boolean clock(String text, int at) {
        return Chars.digitsAt(text, at, 2) && isChar(text, at + 2, ':') && Chars.digitsAt(text, at + 3, 2)
                && isChar(text, at + 5, ':') && Chars.digitsAt(text, at + 6, 2);
    }

    /** {@code (?:Jan|...|Dec)\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+}: syslog's "May  1 12:00:00 ". */
    private static int syslogDate(String text, int at) {
        if (!MONTHS.contains(text.substring(at, Math.min(text.length(), at + 3)))) {
            return -1;
        }
        int day = Chars.spacesEnd(text, at + 3);
        int dayEnd = Chars.digitsEnd(text, day);
        if (day == at + 3 || dayEnd == day || dayEnd - day > 2) {
            return -1;
        }
        int time = Chars.spacesEnd(text, dayEnd);
        return time > dayEnd && clock(text, time) ? blanks(text, time + 8) : -1;
    }

    /** {@code (?:[\w.-]+\s+)?[\w./-]+\[\d+\]:\s+}: syslog's "host program[pid]: " or "program[pid]: ". */
    private static int program(String text, int at) {
        int host = runEnd(text, at, false);
        int program = Chars.spacesEnd(text, host);
        int end = host > at && program > host ? programPid(text, program) : -1;
        return end >= 0 ? end : programPid(text, at);
    }

    /** {@code [\w./-]+\[\d+\]:\s+} at {@code at}. */
    private static int programPid(String text, int at) {
        int name = runEnd(text, at, true);
        int pid = name + 1;
        int pidEnd = Chars.digitsEnd(text, pid);
        boolean fits = name > at && isChar(text, name, '[') && pidEnd > pid && isChar(text, pidEnd, ']')
                && isChar(text, pidEnd + 1, ':');
        return fits ? blanks(text, pidEnd + 2) : -1;
    }

    /** The end of a run of {@code [\w.-]} (with {@code slash}, {@code [\w./-]}) from {@code at}. */
    private static int runEnd(String text, int at, boolean slash) {
        int i = at;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!(Chars.isWord(c) || c == '.' || c == '-' || (slash && c == '/'))) {
                break;
            }
            i++;
        }
        return i;
    }

    /**
     * {@code \[(?!(?:Errno|WinError) -?\d+\])[^\]]{0,80}\]:?\s*}: a thread or a tag in brackets, but not Python's
     * "[Errno 111]" or "[WinError 10060]": the operating system's error number, which reads the same in every language
     * while the message after it is in the system's.
     */
    private static int bracketed(String text, int at) {
        if (!isChar(text, at, '[')) {
            return -1;
        }
        int i = at + 1;
        for (int count = 0; i < text.length() && text.charAt(i) != ']'; count++) {
            if (count == MAX_BRACKETED) {
                return -1;
            }
            i += Character.charCount(text.codePointAt(i));
        }
        if (i >= text.length() || isErrorNumber(text, at + 1, i)) {
            return -1;
        }
        int colon = isChar(text, i + 1, ':') ? i + 2 : i + 1;
        return Chars.spacesEnd(text, colon);
    }

    /** {@code (?:Errno|WinError) -?\d+} exactly between {@code from} and {@code to}. */
    private static boolean isErrorNumber(String text, int from, int to) {
        int at = text.startsWith("Errno ", from) ? from + 6 : text.startsWith("WinError ", from) ? from + 9 : -1;
        if (at < 0) {
            return false;
        }
        at = isChar(text, at, '-') ? at + 1 : at;
        return at < to && Chars.digitsEnd(text, at) == to;
    }

    /** {@code (?:TRACE|DEBUG|...|EMERG)\b:?\s*}: a level. */
    private static int level(String text, int at) {
        for (String level : LEVELS) {
            int end = at + level.length();
            if (text.startsWith(level, at) && !Chars.wordGoesOn(text, end)) {
                return Chars.spacesEnd(text, isChar(text, end, ':') ? end + 1 : end);
            }
        }
        return -1;
    }

    /** {@code \d+\s+---\s+}: Spring Boot's "12345 --- ". */
    private static int springPid(String text, int at) {
        int dashes = Chars.spacesEnd(text, Chars.digitsEnd(text, at));
        return dashes > Chars.digitsEnd(text, at) && text.startsWith("---", dashes) ? blanks(text, dashes + 3) : -1;
    }

    /**
     * {@code (?:[0-9A-F]{6,12}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,15}):\s+}: a Postfix queue id, short
     * (hexadecimal) or long.
     */
    private static int queueId(String text, int at) {
        int hex = at;
        while (hex < text.length() && (Chars.isDigit(text.charAt(hex)) || (text.charAt(hex) >= 'A' && text.charAt(hex) <= 'F'))) {
            hex++;
        }
        int colon = -1;
        if (hex - at >= 6 && hex - at <= 12 && isChar(text, hex, ':')) {
            colon = hex;
        } else {
            int id = at;
            while (id < text.length() && isLongIdChar(text.charAt(id))) {
                id++;
            }
            colon = id - at >= 10 && id - at <= 15 && isChar(text, id, ':') ? id : -1;
        }
        return colon < 0 ? -1 : blanks(text, colon + 1);
    }

    /** {@code [0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]}: digits and consonants. */
    private static boolean isLongIdChar(char c) {
        char lower = (char) (c | 0x20);
        return Chars.isDigit(c) || (Chars.isAlnum(c) && "aeiou".indexOf(lower) < 0);
    }

    /** {@code [0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}\s+}: an Exim message id. */
    private static int eximId(String text, int at) {
        int first = alnumEnd(text, at);
        if (first - at < 6 || !isChar(text, at + 6, '-')) {
            return -1;
        }
        int second = alnumEnd(text, at + 7);
        if (second - (at + 7) < 6 || second - (at + 7) > 11 || !isChar(text, second, '-')) {
            return -1;
        }
        int third = alnumEnd(text, second + 1);
        return third - (second + 1) >= 2 && third - (second + 1) <= 4 ? blanks(text, third) : -1;
    }

    private static int alnumEnd(String text, int at) {
        int i = at;
        while (i < text.length() && Chars.isAlnum(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code [\w$]+(?:\.[\w$]+){1,16}\s+[-:]\s+}: a logger name before " - " or " : ". */
    private static int logger(String text, int at) {
        int i = nameEnd(text, at);
        if (i == at) {
            return -1;
        }
        int parts = 0;
        while (parts < MAX_NAME_PARTS && isChar(text, i, '.') && nameEnd(text, i + 1) > i + 1) {
            i = nameEnd(text, i + 1);
            parts++;
        }
        int separator = Chars.spacesEnd(text, i);
        if (parts == 0 || separator == i || !(isChar(text, separator, '-') || isChar(text, separator, ':'))) {
            return -1;
        }
        return blanks(text, separator + 1);
    }

    private static int nameEnd(String text, int at) {
        int i = at;
        while (i < text.length() && (Chars.isWord(text.charAt(i)) || text.charAt(i) == '$')) {
            i++;
        }
        return i;
    }

    /** {@code \s+} at {@code at}: its end, or -1 when there is none. */
    private static int blanks(String text, int at) {
        int end = Chars.spacesEnd(text, at);
        return end > at ? end : -1;
    }

    /** {@code (?:\s+|$)} at {@code at}: where it ends, or -1. */
    private static int blanksOrEnd(String text, int at) {
        int end = blanks(text, at);
        return end >= 0 ? end : Chars.endsAt(text, at) ? at : -1;
    }

    private static boolean isChar(String text, int at, char c) {
        return at < text.length() && text.charAt(at) == c;
    }
}
