package org.smtpdoctor.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns any error text, as people paste it or logs hold it, into one {@link ParsedReply}.
 *
 * <p>In order: credentials are masked ({@link SecretRedactor}); line breaks and stack frames go; a
 * leading log prefix (timestamps, levels, thread, logger, queue ids) goes; Java exception wrappers ({@code jakarta.mail.X: }, {@code ; nested exception is:},
 * {@code Caused by:}) are unwrapped into their messages, repeated messages kept once; surrounding quotes
 * go; then the reply code and enhanced status code are read from the start, where a reply normally is,
 * or else from where a log embeds it ({@code said: 550 ...}). Multi-line replies ({@code 550-5.7.1 ...})
 * lose their repeated codes so the text reads as one sentence. The class is stateless and thread-safe.
 */
public final class ReplyParser {
    private static final Pattern STACK_FRAME = Pattern.compile(
            "^(?:at\\s+\\S+\\(.*\\)|\\.\\.\\.\\s*\\d+\\s+(?:more|common frames omitted))$");
    private static final Pattern NESTED = Pattern.compile(
            ";?\\s*nested exception is:?|\\bCaused by:", Pattern.CASE_INSENSITIVE);
    /**
     * The class name that opens an exception message: fully qualified with a lower-case package
     * ({@code jakarta.mail.MessagingException}), or any dotted or bare name ending in Exception or Error
     * ({@code System.Net.Mail.SmtpException}, {@code SMTPAuthenticationError}). Group 1 is the simple name.
     */
    private static final Pattern EXCEPTION_NAME = Pattern.compile(
            "^(?:(?:[a-z_$][\\w$]*\\.){1,16}|(?:[A-Za-z_$][\\w$]*\\.){0,16}(?=[A-Z][\\w$]*(?:Exception|Error)\\b))"
                    + "([A-Z][\\w$]*)(?::\\s*|$)");
    /** Python's smtplib puts the reply in a tuple: {@code (535, b'5.7.8 Username and Password not accepted')}. */
    private static final Pattern PYTHON_REPLY = Pattern.compile("^\\((\\d{3}), b?(['\"])(.*)\\2\\)$");
    private static final List<Pattern> LOG_PREFIXES = List.of(
            // 2024-05-01T12:00:00.123Z, 2024-05-01 12:00:00,123 +0300
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?"
                    + "(?:\\s?(?:Z|[+-]\\d{2}:?\\d{2}))?)?(?:\\s+|$)"),
            Pattern.compile("^\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:\\s+|$)"),
            // syslog: "May  1 12:00:00 " then "host program[pid]: " or "program[pid]: "
            Pattern.compile("^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\s+\\d{1,2}\\s+\\d{2}:\\d{2}:\\d{2}\\s+"),
            Pattern.compile("^(?:[\\w.-]+\\s+)?[\\w./-]+\\[\\d+\\]:\\s+"),
            Pattern.compile("^\\[[^\\]]{0,80}\\]:?\\s*"),
            Pattern.compile("^(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|SEVERE|CRITICAL|CRIT|ALERT|EMERG)\\b:?\\s*"),
            // Spring Boot "12345 --- "
            Pattern.compile("^\\d+\\s+---\\s+"),
            // Postfix queue ids (short hex and long form), Exim message ids
            Pattern.compile("^(?:[0-9A-F]{6,12}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,15}):\\s+"),
            Pattern.compile("^[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}\\s+"),
            // a logger name before " - " or " : "
            Pattern.compile("^[\\w$]+(?:\\.[\\w$]+){1,16}\\s+[-:]\\s+"));
    private static final int MAX_PREFIX_TOKENS = 12;
    /**
     * How much of an input is read, and how much of the cleaned text rules see. A reply line is at most
     * 512 octets (RFC 5321 4.5.3.1.5); the rest of a long input is stack frames or noise, and reading it
     * all would let one huge log line cost seconds.
     */
    static final int MAX_INPUT_CHARS = 64 * 1024;
    static final int MAX_TEXT_CHARS = 8 * 1024;
    /** Stack frames are short; a longer line is never taken for one (and never backtracked over). */
    private static final int MAX_FRAME_CHARS = 1000;
    /** How far before a bare number to look for "said:" or "port:". */
    private static final int CONTEXT_CHARS = 40;

    private static final Pattern LEADING_CODE = Pattern.compile(
            "^([2-5]\\d\\d)(?=$|[\\s\\-\u2013\u2014.:,;])([\\s\\-\u2013\u2014.:,;]*)");
    private static final Pattern LEADING_ENHANCED = Pattern.compile(
            "^([245]\\.\\d{1,3}\\.\\d{1,3})(?=$|[\\s:;,.)\\]-])[\\s:;,-]*");
    /** A code stands after white space, a parenthesis or a quote: never after "host:" in "192.0.2.1:465". */
    private static final Pattern EMBEDDED_CODE = Pattern.compile(
            "(?<![^\\s(\"'])([2-5]\\d\\d)(?:[ -]([245]\\.\\d{1,3}\\.\\d{1,3}))?(?=[\\s-]|$)");
    /** Words before "NNN" that mean the number is not a reply code: "port: 465". */
    private static final Set<String> NOT_A_REPLY = Set.of("port", "timeout", "line", "pid", "size", "id", "length");
    private static final Set<String> REPLY_INTRODUCERS = Set.of("said", "replied", "response", "reply", "answered");
    private static final Pattern WORD_BEFORE = Pattern.compile("([\\p{L}]+)\\W*$");
    private static final Pattern SPACE_RUN = Pattern.compile("\\s{2,}");
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[;\\s]+$");

    /** Parses one error text; never throws, never returns null (an empty text gives code 0 and empty text). */
    public ParsedReply parse(String input) {
        return parse(input, null, null);
    }

    /**
     * Parses a text that came with more evidence of its SMTP stage than the text holds: the command a live
     * exception named, and its chain with stack frames ({@link ThrowableReader}). With a null chain, the
     * chain is read from the text itself, as a logged stack trace.
     */
    ParsedReply parse(String input, String command, List<LoggedException> chain) {
        String original = input == null ? "" : SecretRedactor.redact(input);
        String read = original.length() > MAX_INPUT_CHARS ? original.substring(0, MAX_INPUT_CHARS) : original;
        boolean truncated = read.length() < original.length();
        List<String> exceptions = new ArrayList<>();
        String text = joinLines(read);
        if (text.length() > MAX_TEXT_CHARS) {
            text = text.substring(0, MAX_TEXT_CHARS);
            truncated = true;
        }
        text = stripLogPrefix(text);
        text = unwrapExceptions(text, exceptions);
        text = stripQuotes(stripLogPrefix(stripQuotes(text)));
        // Without an exception name in the text there are no stack frames to read: most replies skip it.
        List<LoggedException> evidence = chain != null ? chain
                : exceptions.isEmpty() ? List.of() : LoggedException.read(read);
        ParsedReply codes = readCodes(original, text, exceptions)
                .atStage(StageInference.infer(command, evidence, read));
        return truncated ? codes.markTruncated() : codes;
    }

    private static String joinLines(String input) {
        StringBuilder joined = new StringBuilder(input.length());
        for (String line : input.split("\r\n|\r|\n")) {
            String trimmed = clean(line).strip();
            if (trimmed.isEmpty() || (trimmed.length() < MAX_FRAME_CHARS && STACK_FRAME.matcher(trimmed).matches())) {
                continue;
            }
            if (joined.length() > 0) {
                joined.append(' ');
            }
            joined.append(trimmed);
        }
        return joined.toString();
    }

    /** Control characters (NUL, escapes) become spaces; tabs and runs of spaces become one space. */
    private static String clean(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            b.append(Character.isISOControl(c) || c == '\uFEFF' ? ' ' : c);
        }
        return SPACE_RUN.matcher(b).replaceAll(" ");
    }

    private static String stripLogPrefix(String text) {
        String rest = text;
        for (int i = 0; i < MAX_PREFIX_TOKENS; i++) {
            String before = rest;
            for (Pattern prefix : LOG_PREFIXES) {
                Matcher m = prefix.matcher(rest);
                if (m.find() && m.end() > 0) {
                    rest = rest.substring(m.end());
                    break;
                }
            }
            if (rest.equals(before)) {
                break;
            }
        }
        return rest.strip();
    }

    private static String unwrapExceptions(String text, List<String> exceptions) {
        List<String> messages = new ArrayList<>();
        for (String segment : NESTED.split(text)) {
            String message = segment.strip();
            Matcher name = EXCEPTION_NAME.matcher(message);
            while (name.find()) {
                exceptions.add(name.group(1));
                message = message.substring(name.end()).strip();
                name = EXCEPTION_NAME.matcher(message);
            }
            message = stripQuotes(pythonReply(TRAILING_SEPARATORS.matcher(message).replaceAll("")));
            if (!message.isEmpty() && !messages.contains(message)) {
                messages.add(message);
            }
        }
        return String.join("; ", messages);
    }

    /** {@code (535, b'5.7.8 Username ...')} becomes {@code 535 5.7.8 Username ...}; other text is returned as is. */
    private static String pythonReply(String message) {
        Matcher m = PYTHON_REPLY.matcher(message);
        return m.matches() ? m.group(1) + " " + m.group(3).replace("\\n", " ") : message;
    }

    private static String stripQuotes(String text) {
        String s = text.strip();
        while (s.length() >= 2) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            boolean quoted = (first == '"' && last == '"') || (first == '\'' && last == '\'')
                    || (first == '\u00AB' && last == '\u00BB') || (first == '\u201C' && last == '\u201D')
                    || (first == '`' && last == '`');
            if (!quoted) {
                break;
            }
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static ParsedReply readCodes(String original, String text, List<String> exceptions) {
        Matcher code = LEADING_CODE.matcher(text);
        if (code.find()) {
            int replyCode = Integer.parseInt(code.group(1));
            boolean continued = code.group(2).startsWith("-");
            String rest = text.substring(code.end());
            EnhancedStatusCode enhanced = null;
            Matcher enh = LEADING_ENHANCED.matcher(rest);
            if (enh.find()) {
                enhanced = EnhancedStatusCode.parse(enh.group(1));
                rest = rest.substring(enh.end());
            }
            if (continued) {
                rest = dropContinuationMarkers(rest, replyCode, enhanced);
            }
            return new ParsedReply(original, replyCode, enhanced, rest.strip(), exceptions, false);
        }
        Matcher enhancedOnly = LEADING_ENHANCED.matcher(text);
        if (enhancedOnly.find()) {
            return new ParsedReply(original, 0, EnhancedStatusCode.parse(enhancedOnly.group(1)),
                    text.substring(enhancedOnly.end()).strip(), exceptions, false);
        }
        return readEmbeddedCode(original, text, exceptions);
    }

    /** Postfix and others log a multi-line reply on one line: "550-5.7.1 a 550-5.7.1 b 550 5.7.1 c". */
    private static String dropContinuationMarkers(String rest, int replyCode, EnhancedStatusCode enhanced) {
        String marker = "(?<=\\s|^)" + replyCode + "[ -]" + (enhanced == null ? "" : "(?:" + Pattern.quote(enhanced.toString()) + "\\s*)?");
        return SPACE_RUN.matcher(rest.replaceAll(marker, "")).replaceAll(" ");
    }

    private static ParsedReply readEmbeddedCode(String original, String text, List<String> exceptions) {
        Matcher m = EMBEDDED_CODE.matcher(text);
        while (m.find()) {
            boolean withEnhanced = m.group(2) != null;
            if (withEnhanced || introducesReply(text.substring(Math.max(0, m.start() - CONTEXT_CHARS), m.start()))) {
                EnhancedStatusCode enhanced = withEnhanced ? EnhancedStatusCode.parse(m.group(2)) : null;
                int replyCode = Integer.parseInt(m.group(1));
                String rest = text;
                if (text.startsWith("-", m.start(1) + 3)) {
                    rest = text.substring(0, m.end()) + dropContinuationMarkers(text.substring(m.end()), replyCode, enhanced);
                }
                return new ParsedReply(original, replyCode, enhanced, rest.strip(), exceptions, false);
            }
        }
        return new ParsedReply(original, 0, null, text, exceptions, false);
    }

    /** True when what precedes a bare number reads like "...said:" or "...: " but not "port: ". */
    private static boolean introducesReply(String before) {
        String trimmed = before.stripTrailing();
        Matcher word = WORD_BEFORE.matcher(trimmed);
        String lastWord = word.find() ? word.group(1).toLowerCase(Locale.ROOT) : "";
        if (NOT_A_REPLY.contains(lastWord)) {
            return false;
        }
        return trimmed.endsWith(":") || trimmed.endsWith("(") || REPLY_INTRODUCERS.contains(lastWord);
    }
}
