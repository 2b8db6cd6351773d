package org.smtpdoctor.reply;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns any error text, as people paste it or logs hold it, into one {@link ParsedReply}.
 *
 * <p>In order: credentials are masked ({@link SecretRedactor}); line breaks and stack frames go; a
 * leading log prefix (timestamps, levels, thread, logger, queue ids) goes; Java exception wrappers ({@code jakarta.mail.X: }, {@code ; nested exception is:},
 * {@code Caused by:}) are unwrapped into their messages, repeated messages kept once; surrounding quotes
 * go; then the reply code and enhanced status code are read from the start, where a reply normally is,
 * or else from where a log embeds it ({@code said: 550 ...}). Multi-line replies ({@code 550-5.7.1 ...})
 * lose their repeated codes so the text reads as one sentence. A reply another server gave, quoted after words that
 * introduce one ({@code host ... said: 550 ...}), is also read on its own ({@link ParsedReply#quoted}, found by
 * {@link QuotedReplies}). The class is stateless and thread-safe.
 *
 * <p>Each step is a scan that never goes back (most texts are read a few times in all): a log line costs a
 * few microseconds, not a cascade of regular expressions. Where a scan replaced one, its Javadoc quotes the
 * expression whose matches it accepts.
 */
public final class ReplyParser {
    private static final int MAX_PREFIX_TOKENS = 12;
    /** The separators are looked for by a rare character: the 'x' of "nested exception is", the ':' of "caused by:". */
    private static final int NESTED_ANCHOR = 8;
    private static final int CAUSED_BY_ANCHOR = 9;
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

    /** Words before "NNN" that mean the number is not a reply code: "port: 465". */
    private static final Set<String> NOT_A_REPLY = Set.of("port", "timeout", "line", "pid", "size", "id", "length");
    /**
     * Words right before a number that make it the server's reply code: "said", "replied", "response", and the verbs
     * and nouns client messages translate them with ("Der Server antwortete 550", "el servidor respondió 554",
     * "Сервер ответил 550"), as the parser reads them (a Turkish dotless i as i).
     */
    private static final Set<String> REPLY_INTRODUCERS = Set.of("said", "replied", "response", "reply", "answered",
            "got", "antwortete", "serverantwort", "répondu", "réponse", "respondió", "respuesta", "respondeu",
            "resposta", "risposto", "risposta", "antwoordde", "antwoord", "svarade", "svar", "odpowiedział",
            "odpowiedź", "odpověděl", "odpověď", "yanit", "cevap", "ответил", "ответ", "відповів", "відповідь");
    /**
     * Words that make the code after them the one a client wanted, not the server's: Symfony Mailer and SwiftMailer
     * throw {@code Expected response code "250" but got code "550", with message "550 ..."}.
     */
    private static final Set<String> WANTED = Set.of("expected", "expecting", "expect");
    /** Fields that give a delivery status code beside the reply: Postfix's log field, RFC 3464's report field. */
    private static final List<String> REPORTED_STATUS_FIELDS = List.of("dsn=", "status:");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}]+(?:-[\\p{L}\\p{M}]+)*");

    /**
     * What may stand right before an embedded code: a bracket or an opening quote, in the forms other languages
     * write them (CJK texts quote a server's reply after a full-width colon or in corner brackets, with no space),
     * and the hash of Exchange's non-delivery reports ({@code mx.example.com #550 5.1.1 ... ##}).
     */
    static final String OPENING_QUOTES = "\"'\u00ab\u201c\u201e\u2018\u300c\u300e";
    private static final String CODE_OPENERS = OPENING_QUOTES + "(\uff08\uff1a[#";

    /**
     * Words right before a code (with a second digit RFC 5321 defines) that name it as an error, in the languages
     * the catalogs' mail clients speak: "SMTP error 550", "Fehler 550", "ошибку 550", "erreur SMTP 550"; a compound
     * counts by any of its parts ("SMTP-fout 550"); each as the parser reads it ("hatası" as "hatasi"). A word for
     * "code" counts only after one of them or a reply's word ("error code 550", "reply code 550"): alone, "Code 503"
     * heads the lists of HTTP statuses that programs translate. Never after "http".
     */
    private static final Set<String> ERROR_WORDS = Set.of("error", "err", "smtp", "esmtp", "fehler",
            "ошибка", "ошибки", "ошибку", "erreur", "errore", "erro", "błąd", "błędu", "chyba", "fout", "fel", "hata",
            "hatasi", "sorun", "sorunu", "помилка", "помилки", "помилку");
    /** The words of {@link #ERROR_WORDS} that name a failure, not a protocol: the ones that introduce a bare enhanced code. */
    private static final Set<String> FAILURE_WORDS = ERROR_WORDS.stream()
            .filter(word -> !word.endsWith("smtp")).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> CODE_WORDS = Set.of("code", "codes", "код", "kod", "kód", "codice", "código",
            "codigo", "fehlercode", "foutcode", "felkod", "kodu", "status", "statuscode");

    /** The verbs that join a word for "code" to its number: "the error code was 550" (and a quote's introducer). */
    static final Set<String> COPULAS = Set.of("was", "is");

    /**
     * The words of {@link #CODE_WORDS} that name a code itself ("SMTP status code: 5.1.1", "Код ошибки: 5.7.1"), not
     * a status field: "Status: 2.1.5" is RFC 3464's field, which only {@link #REPORTED_STATUS_FIELDS} reads.
     */
    private static final Set<String> CODE_NOUNS = CODE_WORDS.stream()
            .filter(word -> !word.startsWith("status")).collect(Collectors.toUnmodifiableSet());

    /** How a CJK run of letters before a code ends when it names an error, a code or a server's answer. */
    private static final List<String> CJK_ERROR_ENDINGS = List.of("错误", "錯誤", "エラー", "代码", "代碼", "コード",
            "响应", "回應", "応答", "回复", "回覆");

    /** What may follow a bare code besides a space: a colon or comma ("Fehler 550: ..."), or a closing bracket or quote ("(550)"). */
    private static final String CODE_CLOSERS = ":,;)]\u00bb\u201d\u201c\"'\u300d\u300f\uff09";

    /** The prepositions of a rate ("500 per day", "par jour", "pro Tag", "por día", "в сутки"), counted only before {@link #PERIODS}. */
    private static final Set<String> RATE_WORDS = Set.of("per", "par", "pro", "por", "al", "в", "за", "на", "na");
    /** Units of time after a rate's preposition. */
    private static final Set<String> PERIODS = Set.of("day", "hour", "minute", "second", "jour", "heure", "tag", "stunde",
            "día", "dia", "hora", "minuto", "giorno", "ora", "dzień", "godzinę", "den", "hodinu", "сутки", "день", "час",
            "минуту", "добу", "годину", "хвилину");
    /** Units of size and time, English and Russian, that follow a number that is a quantity and not a reply code. */
    private static final Set<String> UNITS = Set.of("b", "kb", "mb", "gb", "kib", "mib", "gib", "byte", "bytes",
            "ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minutes", "kbit", "mbit",
            "б", "кб", "мб", "гб", "байт", "байта", "байтов", "мс", "с", "сек", "секунд", "секунды", "мин", "минут");

    /**
     * What ends the words before a code with a defined second digit when they introduce it: ":" or "(", also
     * full-width, or the ";" that joins a wrapped exception's message to the nested one carrying the server's reply
     * ("Invalid Addresses; 450 Try again" from Jakarta Mail's SMTPAddressFailedException).
     */
    private static final String INTRODUCING_ENDS = ":(;\uff1a\uff08";

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
        String text = composed(joinLines(read));
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
        ParsedReply codes = readCodes(original, text, exceptions);
        if (codes.enhancedCode() == null) {
            codes = codes.withEnhancedCode(reportedStatus(text, codes.code())); // only then: most replies carry one
        }
        // A text that starts with its reply is the answering server's own: what it quotes is its evidence (Postfix's
        // "Sender address rejected: unverified address: host ... said: 550 5.1.1 User unknown"), not its cause.
        int quoteAt = leadingCodeEnd(text) >= 0 || enhancedEnd(text, 0) >= 0 ? -1 : QuotedReplies.start(text);
        if (quoteAt > 0) { // only then: most texts quote no other server
            codes = codes.quoting(quotedReply(original, text, quoteAt, exceptions));
        }
        codes = codes.atStage(StageInference.infer(command, evidence, read));
        return truncated ? codes.markTruncated() : codes;
    }

    /**
     * The reply {@code text} quotes from {@code at} on, read as a reply of its own: its codes from its start, and,
     * when it has no enhanced code, the status the log reports beside it ({@code dsn=5.1.1, status=bounced (host ...
     * said: 550 ...)}).
     */
    private static ParsedReply quotedReply(String original, String text, int at, List<String> exceptions) {
        ParsedReply quoted = readCodes(original, QuotedReplies.quote(text, at), exceptions);
        return quoted.enhancedCode() == null ? quoted.withEnhancedCode(reportedStatus(text, quoted.code())) : quoted;
    }

    /**
     * The lines of {@code input} (split at CR LF, CR or LF) cleaned ({@link #appendCleaned}), without empty
     * lines and stack frames, joined by one space.
     */
    private static String joinLines(String input) {
        if (isOneCleanLine(input)) {
            return input.length() < MAX_FRAME_CHARS && isStackFrame(input, 0) ? "" : input;
        }
        StringBuilder joined = new StringBuilder(input.length());
        int start = 0;
        while (true) {
            int end = Chars.lineEnd(input, start);
            int before = joined.length();
            if (before > 0) {
                joined.append(' ');
            }
            int line = joined.length();
            appendCleaned(input, start, end, joined);
            if (joined.length() == line
                    || (joined.length() - line < MAX_FRAME_CHARS && isStackFrame(joined.substring(line), 0))) {
                joined.setLength(before);
            }
            if (end >= input.length()) {
                return joined.toString();
            }
            start = input.startsWith("\r\n", end) ? end + 2 : end + 1;
        }
    }

    /** Whether {@code input} is one line that {@link #appendCleaned} would copy as it is: most inputs. */
    private static boolean isOneCleanLine(String input) {
        int n = input.length();
        return n > 0 && !Character.isWhitespace(cleaned(input.charAt(0))) && !Character.isWhitespace(cleaned(input.charAt(n - 1)))
                && isClean(input, 0, n);
    }

    /**
     * Appends [start, end) of {@code line} stripped, with control characters (NUL, escapes), BOMs and no-break
     * spaces as spaces and runs of spaces as one.
     */
    private static void appendCleaned(String line, int start, int end, StringBuilder out) {
        int from = start;
        int to = end;
        while (from < to && Character.isWhitespace(cleaned(line.charAt(from)))) {
            from++;
        }
        while (to > from && Character.isWhitespace(cleaned(line.charAt(to - 1)))) {
            to--;
        }
        if (isClean(line, from, to)) {
            out.append(line, from, to);
            return;
        }
        for (int i = from; i < to; i++) {
            char c = cleaned(line.charAt(i));
            if (c != ' ' || out.charAt(out.length() - 1) != ' ') {
                out.append(c);
            }
        }
    }

    /**
     * Whether [from, to) holds no control character, BOM, no-break space, character read as another ({@link #asRead})
     * or double space: most lines, copied as they are.
     */
    private static boolean isClean(String line, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c < ' ' || (c >= '\u007F' && (Character.isISOControl(c) || c == '\uFEFF' || isNoBreakSpace(c) || asRead(c) != c))
                    || (c == ' ' && line.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    private static char cleaned(char c) {
        return Character.isISOControl(c) || c == '\uFEFF' || isNoBreakSpace(c) ? ' ' : asRead(c);
    }

    /**
     * A character of a word as the parser reads it, and a wording is written: the typographic apostrophes as
     * {@code '}, Turkish İ and ı as {@code i}; every other character as itself.
     */
    public static char asRead(char c) {
        if (isApostrophe(c)) {
            return '\'';
        }
        return isTurkishI(c) ? 'i' : c;
    }

    /**
     * {@code text} with its letters composed (Unicode NFC): a translation catalog may spell "é" as "e" and a
     * combining accent (GNOME's Spanish ones do), where a wording has the one character. Texts without a
     * combining mark, nearly all, are returned as they are.
     */
    public static String composed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0300' && Character.getType(c) == Character.NON_SPACING_MARK) {
                return Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }

    /**
     * The typographic apostrophes (the right single quotation mark and the modifier letter apostrophe), which the
     * parser reads as the ASCII one: Ukrainian, French and Italian translations write any of the three
     * ("З’єднання", "l’adresse"), where a wording has one. A wording written with one reads it as {@code '} too.
     */
    private static boolean isApostrophe(char c) {
        return c == '\u2019' || c == '\u02BC';
    }

    /**
     * Turkish dotted capital İ and dotless ı, which the parser reads as {@code i}: RE2 folds neither with i or I, so
     * "İleti gönderilemedi" at the start of a message, or "BAĞLANTI" in capitals, would miss a wording written
     * "ileti" or "bağlantı". With both read as i, and RE2 folding I with i, every casing of a Turkish word meets one
     * wording. A wording written with either reads it as {@code i} too.
     */
    private static boolean isTurkishI(char c) {
        return c == '\u0130' || c == '\u0131';
    }

    /**
     * The no-break spaces (plain, narrow, figure), which the parser reads as spaces: French and Polish
     * translations put them before a colon or between words, where a wording has a plain space (RE2's
     * {@code \s} takes none of them). A wording written with one reads it as a space too.
     */
    public static boolean isNoBreakSpace(char c) {
        return c == '\u00A0' || c == '\u202F' || c == '\u2007';
    }

    /**
     * Whether the cleaned line from {@code start} is a stack frame: {@code at \S+\(.*\)} or
     * {@code ...\s*\d+\s+(?:more|common frames omitted)}, as a whole.
     */
    private static boolean isStackFrame(String text, int start) {
        int end = text.length();
        if (startsAt(text, start, "at ") && text.charAt(end - 1) == ')') {
            // A name without spaces, the last '(' in it, then anything but a line separator up to the final ')'.
            int nameEnd = text.indexOf(" ", start + 3);
            int open = text.lastIndexOf("(", (nameEnd < 0 ? end - 1 : Math.min(nameEnd, end - 1)) - 1);
            if (open <= start + 3) {
                return false;
            }
            for (int i = open + 1; i < end - 1; i++) {
                if (Chars.isLineTerminator(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
        if (!startsAt(text, start, "...")) {
            return false;
        }
        int digits = start + 3 < end && text.charAt(start + 3) == ' ' ? start + 4 : start + 3;
        int count = digits;
        while (count < end && Chars.isDigit(text.charAt(count))) {
            count++;
        }
        if (count == digits || count >= end || text.charAt(count) != ' ') {
            return false;
        }
        String rest = text.substring(count + 1);
        return rest.equals("more") || rest.equals("common frames omitted");
    }

    private static boolean startsAt(CharSequence text, int at, String prefix) {
        if (at + prefix.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (text.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static String stripLogPrefix(String text) {
        int from = 0;
        for (int i = 0; i < MAX_PREFIX_TOKENS; i++) {
            int end = LogPrefix.end(text, from);
            // A part that would leave nothing (each part ends after its blanks) is the message itself
            // ("[WebException: The remote name could not be resolved: 'mailhost']"), not a prefix.
            if (end <= from || end >= text.length()) {
                break;
            }
            from = end;
        }
        return text.substring(from).strip();
    }

    /**
     * The messages of the exceptions {@code text} wraps, each without its class names (which go to
     * {@code exceptions}), once each, joined by "; ". Exceptions are separated by {@code ; nested exception is:}
     * or {@code Caused by:} (in any case).
     */
    private static String unwrapExceptions(String text, List<String> exceptions) {
        List<String> messages = new ArrayList<>(2);
        int start = 0;
        while (start <= text.length()) {
            long separator = nextSeparator(text, start);
            int end = separator < 0 ? text.length() : (int) (separator >>> 32);
            String message = unwrapped(text.substring(start, end).strip(), exceptions);
            if (!message.isEmpty() && !messages.contains(message)) {
                messages.add(message);
            }
            if (separator < 0) {
                break;
            }
            start = (int) separator;
        }
        return messages.size() == 1 ? messages.get(0) : String.join("; ", messages);
    }

    /**
     * The first separator from {@code from}, as regex {@code ;?\s*nested exception is:?|\bCaused by:} (case
     * insensitive) finds it: its start in the high and its end in the low 32 bits, or -1 when there is none.
     */
    private static long nextSeparator(String text, int from) {
        int nested = indexOfIgnoringCase(text, "nested exception is", NESTED_ANCHOR, from);
        int nestedStart = -1;
        if (nested >= 0) {
            nestedStart = nested;
            while (nestedStart > from && Chars.isSpace(text.charAt(nestedStart - 1))) {
                nestedStart--;
            }
            if (nestedStart > from && text.charAt(nestedStart - 1) == ';') {
                nestedStart--;
            }
        }
        int causedBy = indexOfIgnoringCase(text, "caused by:", CAUSED_BY_ANCHOR, from);
        while (causedBy >= 0 && wordBefore(text, causedBy)) {
            causedBy = indexOfIgnoringCase(text, "caused by:", CAUSED_BY_ANCHOR, causedBy + 1);
        }
        if (causedBy >= 0 && (nestedStart < 0 || causedBy < nestedStart)) {
            return (long) causedBy << 32 | (causedBy + "caused by:".length());
        }
        if (nestedStart < 0) {
            return -1;
        }
        int end = nested + "nested exception is".length();
        return (long) nestedStart << 32 | (end < text.length() && text.charAt(end) == ':' ? end + 1 : end);
    }

    /**
     * Where {@code lower} (lower-case ASCII) stands in {@code text} from {@code from}, ASCII letters in any case; or
     * -1. Found from its character at {@code anchor} (a rare one, by {@code indexOf}), then compared.
     */
    static int indexOfIgnoringCase(String text, String lower, int anchor, int from) {
        char small = lower.charAt(anchor);
        char capital = Character.toUpperCase(small);
        int nextSmall = text.indexOf(small, from + anchor);
        int nextCapital = capital == small ? -1 : text.indexOf(capital, from + anchor);
        while (nextSmall >= 0 || nextCapital >= 0) {
            int at;
            if (nextCapital < 0 || (nextSmall >= 0 && nextSmall < nextCapital)) {
                at = nextSmall;
                nextSmall = text.indexOf(small, at + 1);
            } else {
                at = nextCapital;
                nextCapital = text.indexOf(capital, at + 1);
            }
            int start = at - anchor;
            if (start + lower.length() <= text.length() && asciiIgnoringCase(text, start, lower)) {
                return start;
            }
        }
        return -1;
    }

    private static boolean asciiIgnoringCase(String text, int at, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char c = text.charAt(at + i);
            if (c != lower.charAt(i) && !(c >= 'A' && c <= 'Z' && c + 32 == lower.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a word character stands before {@code at}, as regex {@code \\b} sees it: a letter, digit or '_', or
     * a combining mark after a letter or digit.
     */
    private static boolean wordBefore(String text, int at) {
        if (at == 0) {
            return false;
        }
        int c = text.codePointBefore(at);
        if (c == '_' || Character.isLetterOrDigit(c)) {
            return true;
        }
        if (Character.getType(c) != Character.NON_SPACING_MARK) {
            return false;
        }
        // As java.util.regex looks for the mark's base: back one char at a time.
        for (int i = at - 1; i >= 0; i--) {
            int base = text.codePointAt(i);
            if (Character.isLetterOrDigit(base)) {
                return true;
            }
            if (Character.getType(base) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return false;
    }

    /** One exception's part of the text without its leading class names, trailing separators and quotes. */
    private static String unwrapped(String segment, List<String> exceptions) {
        String message = segment;
        for (ExceptionName name = ExceptionName.at(message); name != null; name = ExceptionName.at(message)) {
            exceptions.add(name.simpleName(message));
            message = message.substring(name.end()).strip();
        }
        int end = message.length();
        while (end > 0 && (message.charAt(end - 1) == ';' || Chars.isSpace(message.charAt(end - 1)))) {
            end--;
        }
        return stripQuotes(pythonReply(message.substring(0, end)));
    }

    /** {@code (535, b'5.7.8 Username ...')} becomes {@code 535 5.7.8 Username ...}; other text is returned as is. */
    private static String pythonReply(String message) {
        int n = message.length();
        int quote = message.startsWith("(") && Chars.digitsAt(message, 1, 3) ? pythonReplyQuote(message, 1) : -1;
        boolean tuple = quote > 0 && n - 2 > quote && message.charAt(n - 2) == message.charAt(quote)
                && message.charAt(n - 1) == ')';
        if (!tuple) {
            return message;
        }
        for (int i = quote + 1; i < n - 2; i++) {
            if (Chars.isLineTerminator(message.charAt(i))) {
                return message;
            }
        }
        return message.substring(1, 4) + " " + message.substring(quote + 1, n - 2).replace("\\n", " ");
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
        int codeEnd = leadingCodeEnd(text);
        if (codeEnd >= 0) {
            int replyCode = threeDigits(text, 0);
            int restStart = codeEnd;
            while (restStart < text.length() && isCodeSeparator(text.charAt(restStart))) {
                restStart++;
            }
            boolean continued = restStart > codeEnd && text.charAt(codeEnd) == '-';
            EnhancedStatusCode enhanced = null;
            int enhancedEnd = enhancedEnd(text, restStart);
            if (enhancedEnd >= 0) {
                enhanced = enhanced(text, restStart);
                restStart = enhancedSeparatorsEnd(text, enhancedEnd);
            }
            String rest = text.substring(restStart);
            if (continued || hasContinuationMarker(rest, replyCode)) {
                rest = dropContinuationMarkers(rest, replyCode, enhanced);
            }
            return new ParsedReply(original, replyCode, enhanced, rest.strip(), exceptions, false);
        }
        int enhancedEnd = enhancedEnd(text, 0);
        if (enhancedEnd >= 0) {
            return new ParsedReply(original, 0, enhanced(text, 0),
                    text.substring(enhancedSeparatorsEnd(text, enhancedEnd)).strip(), exceptions, false);
        }
        return readEmbeddedCode(original, text, exceptions);
    }

    /**
     * The status a mail server reports beside a reply that carries no enhanced code of its own: Postfix's log
     * field {@code dsn=5.7.1} and a delivery report's {@code Status: 5.1.1} (RFC 3464), or null. Taken only for a
     * failure (class 4 or 5), in the reply code's class, and not as X.0.0: Postfix writes that when the reply had
     * no enhanced code, so it says no more than the reply code's class.
     */
    private static EnhancedStatusCode reportedStatus(String text, int replyCode) {
        for (String field : REPORTED_STATUS_FIELDS) {
            int anchor = field.length() - 1; // '=' or ':', rarer than the field's first letter
            for (int at = indexOfIgnoringCase(text, field, anchor, 0); at >= 0;
                    at = indexOfIgnoringCase(text, field, anchor, at + 1)) {
                if (at > 0 && !Chars.isSpace(text.charAt(at - 1)) && text.charAt(at - 1) != ',') {
                    continue;
                }
                int start = Chars.spacesEnd(text, at + field.length());
                if (enhancedEnd(text, start) < 0) {
                    continue;
                }
                EnhancedStatusCode reported = enhanced(text, start);
                boolean failure = reported.statusClass() != 2; // a delivered message's status explains no failure
                boolean sameClass = replyCode == 0 || replyCode / 100 == reported.statusClass();
                if (failure && sameClass && (reported.subject() != 0 || reported.detail() != 0)) {
                    return reported;
                }
            }
        }
        return null;
    }

    /** {@code ^[2-5]\d\d(?=$|[\s\-\u2013\u2014.:,;])}: where the leading reply code ends, or -1. */
    private static int leadingCodeEnd(String text) {
        boolean code = text.length() >= 3 && text.charAt(0) >= '2' && text.charAt(0) <= '5' && Chars.digitsAt(text, 1, 2);
        return code && (Chars.endsAt(text, 3) || (text.length() > 3 && isCodeSeparator(text.charAt(3)))) ? 3 : -1;
    }

    /**
     * Whether the second digit of the code at {@code at} is one RFC 5321 4.2.1 defines (0-5: syntax, information,
     * connections, two unspecified, mail system). Servers do send others ("571 Delivery not authorized"), so a code
     * at the start, before an enhanced code or after "said" is taken whatever its second digit; one after a mere
     * colon needs a defined one, as "noktası: 587" (a port, in Turkish) is no reply.
     */
    private static boolean hasDefinedSecondDigit(String text, int at) {
        return text.charAt(at + 1) <= '5';
    }

    private static boolean isCodeSeparator(char c) {
        return Chars.isSpace(c) || c == '-' || c == '\u2013' || c == '\u2014' || c == '.' || c == ':' || c == ',' || c == ';';
    }

    private static int threeDigits(String text, int at) {
        return (text.charAt(at) - '0') * 100 + (text.charAt(at + 1) - '0') * 10 + (text.charAt(at + 2) - '0');
    }

    /**
     * {@code [245]\.\d{1,3}\.\d{1,3}(?=$|[\s:;,.)\]-])} at {@code at}: where the enhanced code ends, or -1.
     */
    private static int enhancedEnd(String text, int at) {
        int end = enhancedCodeEnd(text, at);
        if (end < 0 || !(Chars.endsAt(text, end) || (end < text.length() && ")]:;,.-".indexOf(text.charAt(end)) >= 0)
                || (end < text.length() && Chars.isSpace(text.charAt(end))))) {
            return -1;
        }
        return end;
    }

    /** {@code [245]\.\d{1,3}\.\d{1,3}} at {@code at}, not followed by a digit: where it ends, or -1. */
    private static int enhancedCodeEnd(String text, int at) {
        if (at + 4 >= text.length() || "245".indexOf(text.charAt(at)) < 0 || text.charAt(at + 1) != '.') {
            return -1;
        }
        int subject = Chars.digitsEnd(text, at + 2);
        if (subject == at + 2 || subject - (at + 2) > 3 || subject >= text.length() || text.charAt(subject) != '.') {
            return -1;
        }
        int detail = Chars.digitsEnd(text, subject + 1);
        return detail == subject + 1 || detail - (subject + 1) > 3 ? -1 : detail;
    }

    /** {@code [\s:;,-]*} from {@code at}: where it ends. */
    private static int enhancedSeparatorsEnd(String text, int at) {
        int i = at;
        while (i < text.length() && (Chars.isSpace(text.charAt(i)) || ":;,-".indexOf(text.charAt(i)) >= 0)) {
            i++;
        }
        return i;
    }

    /** The enhanced code at {@code at}, where {@link #enhancedCodeEnd} found one. */
    private static EnhancedStatusCode enhanced(String text, int at) {
        int subjectEnd = text.indexOf('.', at + 2);
        int detailEnd = Chars.digitsEnd(text, subjectEnd + 1);
        return new EnhancedStatusCode(text.charAt(at) - '0', Integer.parseInt(text, at + 2, subjectEnd, 10),
                Integer.parseInt(text, subjectEnd + 1, detailEnd, 10));
    }

    /**
     * Postfix and others log a multi-line reply on one line: "550-5.7.1 a 550-5.7.1 b 550 5.7.1 c". Every
     * {@code 550 } or {@code 550-} at the start or after white space goes, with the enhanced code after it and
     * the blanks after that; then runs of white space become one space.
     */
    private static String dropContinuationMarkers(String rest, int replyCode, EnhancedStatusCode enhanced) {
        String code = Integer.toString(replyCode);
        String enhancedCode = enhanced == null ? null : enhanced.toString();
        StringBuilder out = new StringBuilder(rest.length());
        int i = 0;
        while (i < rest.length()) {
            if ((i == 0 || Chars.isSpace(rest.charAt(i - 1))) && rest.startsWith(code, i) && i + 3 < rest.length()
                    && (rest.charAt(i + 3) == ' ' || rest.charAt(i + 3) == '-')) {
                i += 4;
                if (enhancedCode != null && rest.startsWith(enhancedCode, i)) {
                    i = Chars.spacesEnd(rest, i + enhancedCode.length());
                }
                continue;
            }
            out.append(rest.charAt(i++));
        }
        return collapseSpaces(out);
    }

    /**
     * Whether a multi-line reply's continuation marker ({@code 550-}) stands inside the text after a space: a wrapper
     * that leads with the code in its own way ({@code 550, Expected response code ... with message " 550-The mail
     * server ...}) quotes the lines of the reply joined, and their markers would split its sentences.
     */
    private static boolean hasContinuationMarker(String rest, int replyCode) {
        String marker = replyCode + "-";
        for (int at = rest.indexOf(marker); at >= 0; at = rest.indexOf(marker, at + 1)) {
            if (at > 0 && Chars.isSpace(rest.charAt(at - 1)) && at + 4 < rest.length()
                    && !Chars.isSpace(rest.charAt(at + 4))) {
                return true;
            }
        }
        return false;
    }

    /** Runs of two or more {@code \s} become one space. */
    private static String collapseSpaces(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            int end = i;
            while (end < text.length() && Chars.isSpace(text.charAt(end))) {
                end++;
            }
            if (end - i >= 2) {
                out.append(' ');
                i = end - 1;
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    /**
     * The first reply code within the text ({@code said: 550 ...}): a code with an enhanced code, or one after
     * words that introduce a reply; or none.
     */
    private static ParsedReply readEmbeddedCode(String original, String text, List<String> exceptions) {
        for (int at = 0; at + 3 <= text.length(); at++) {
            char c = text.charAt(at);
            // Right after a colon only with its enhanced code ("Authentication failed:554 5.1.8 ..."): a colon alone
            // also stands before a port or the parts of a time or an IPv6 address.
            boolean afterColon = at > 0 && text.charAt(at - 1) == ':';
            if (c < '2' || c > '5' || !Chars.digitsAt(text, at + 1, 2) || (at > 0 && !afterColon
                    && !Chars.isSpace(text.charAt(at - 1)) && CODE_OPENERS.indexOf(text.charAt(at - 1)) < 0)) {
                continue;
            }
            int enhancedEnd = -1;
            if (at + 3 < text.length() && (text.charAt(at + 3) == ' ' || text.charAt(at + 3) == '-')) {
                int end = enhancedCodeEnd(text, at + 4);
                enhancedEnd = end >= 0 && (Chars.endsAt(text, end) || isSpaceOrDash(text, end)) ? end : -1;
            }
            if (afterColon && enhancedEnd < 0) {
                continue;
            }
            int end = enhancedEnd >= 0 ? enhancedEnd : at + 3;
            if (enhancedEnd < 0 && !Chars.endsAt(text, end) && !isSpaceOrDash(text, end) && !isClosed(text, end)) {
                continue;
            }
            String before = text.substring(Math.max(0, at - CONTEXT_CHARS), at);
            if (namesWantedCode(before)) {
                at = end - 1;
                continue;
            }
            int pythonQuote = pythonReplyQuote(text, at);
            if (enhancedEnd >= 0 || pythonQuote > 0
                    || introducesReply(before, hasDefinedSecondDigit(text, at) && !isQuantity(text, end), isClosed(text, end))) {
                int replyCode = threeDigits(text, at);
                EnhancedStatusCode enhanced = enhancedEnd >= 0 ? enhanced(text, at + 4)
                        : pythonQuote > 0 && enhancedEnd(text, pythonQuote + 1) >= 0 ? enhanced(text, pythonQuote + 1)
                        : quotedEnhanced(text, end, replyCode);
                String rest = text;
                if (text.startsWith("-", at + 3)) {
                    rest = text.substring(0, end) + dropContinuationMarkers(text.substring(end), replyCode, enhanced);
                }
                return new ParsedReply(original, replyCode, enhanced, rest.strip(), exceptions, false);
            }
            at = end - 1;
        }
        return new ParsedReply(original, 0, introducedEnhanced(text), text, exceptions, false);
    }

    /**
     * Whether the words before a code name it as the one a client expected ("Expected response code 250"): the
     * last three words, so "expected" may stand before "response code".
     */
    private static boolean namesWantedCode(String before) {
        if (before.indexOf("xpect") < 0 && before.indexOf("XPECT") < 0) {
            return false; // most texts: no need to read the words
        }
        return lastWordsHoldAny(before, 3, WANTED);
    }

    /** Whether one of the last {@code count} words of {@code before} (blanks and an opening quote aside) is one of {@code words}. */
    private static boolean lastWordsHoldAny(String before, int count, Set<String> words) {
        for (String word : lastWords(withoutOpeningQuote(before.stripTrailing()), count)) {
            if (words.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the reply's opening quote is when the code at {@code at} opens a Python reply tuple,
     * {@code (550, b'5.1.1 ...')} or {@code (550, '...')}, else -1: CPython's smtplib raises one whole
     * ({@link #pythonReply}) or puts one per refused address in SMTPRecipientsRefused's dictionary.
     */
    private static int pythonReplyQuote(String text, int at) {
        if (at == 0 || text.charAt(at - 1) != '(' || !text.startsWith(", ", at + 3)) {
            return -1;
        }
        int quote = text.startsWith("b", at + 5) ? at + 6 : at + 5;
        return quote < text.length() && (text.charAt(quote) == '\'' || text.charAt(quote) == '"') ? quote : -1;
    }

    /**
     * The enhanced code of the same reply quoted later in the text, when a client names the code first and then
     * the reply ({@code got code "550", with message "550 5.1.1 ..."}), or null.
     */
    private static EnhancedStatusCode quotedEnhanced(String text, int from, int replyCode) {
        String code = Integer.toString(replyCode);
        for (int at = text.indexOf(code, from); at >= 0; at = text.indexOf(code, at + 3)) {
            boolean alone = (Chars.isSpace(text.charAt(at - 1)) || CODE_OPENERS.indexOf(text.charAt(at - 1)) >= 0)
                    && isSpaceOrDash(text, at + 3);
            int end = alone ? enhancedEnd(text, at + 4) : -1;
            if (end >= 0 && text.charAt(at + 4) == code.charAt(0)) {
                return enhanced(text, at + 4);
            }
        }
        return null;
    }

    /**
     * An enhanced code without a reply code after words that introduce a server's reply, as .NET's SmtpClient
     * writes it ({@code The server response was: 5.7.1 Client does not have permissions ...}), or after a word for
     * error ({@code Error 5.7.1: Your message was rejected}, {@code main.ERROR: 5.5.4 Syntax}) or for a code
     * ({@code Delivery failed (SMTP status code: 5.1.1)}), or null. "SMTP"
     * alone does not introduce one: it stands before a program's version as often.
     */
    private static EnhancedStatusCode introducedEnhanced(String text) {
        for (int at = text.indexOf('.'); at >= 1; at = text.indexOf('.', at + 1)) {
            int start = at - 1;
            if (start > 0 && !Chars.isSpace(text.charAt(start - 1)) && CODE_OPENERS.indexOf(text.charAt(start - 1)) < 0) {
                continue;
            }
            if (enhancedEnd(text, start) < 0) {
                continue;
            }
            String before = text.substring(Math.max(0, start - CONTEXT_CHARS), start);
            if (lastWordsHoldAny(before, 2, REPLY_INTRODUCERS) || lastWordsHoldAny(before, 1, FAILURE_WORDS)
                    || lastWordsHoldAny(before, 1, CODE_NOUNS)) {
                return enhanced(text, start);
            }
        }
        return null;
    }

    private static boolean isClosed(String text, int codeEnd) {
        return codeEnd < text.length() && CODE_CLOSERS.indexOf(text.charAt(codeEnd)) >= 0;
    }

    /**
     * Whether the word after a number is a unit ("Limit: 500 MB", "timeout: 250 ms"), or the number is a rate, one or
     * two words before "per day" in the languages limit notices come in ("Limit: 500 messages per day", "(500 par
     * jour)", "500 E-Mails pro Tag", "500 писем в сутки"): the number is no reply code.
     */
    private static boolean isQuantity(String text, int numberEnd) {
        int start = Chars.spacesEnd(text, numberEnd);
        if (start < text.length() && text.charAt(start) == '%') {
            return true;
        }
        List<String> after = firstWords(text, start, 3);
        return !after.isEmpty() && (UNITS.contains(after.get(0)) || isRate(after, 0) || isRate(after, 1));
    }

    /** Whether {@code words} hold a rate's preposition at {@code at} and a unit of time right after it ("per day"). */
    private static boolean isRate(List<String> words, int at) {
        return words.size() > at + 1 && RATE_WORDS.contains(words.get(at)) && PERIODS.contains(words.get(at + 1));
    }

    /** The words before a quoted code without the quote: "said: «" reads as "said:". */
    private static String withoutOpeningQuote(String before) {
        int end = before.length();
        if (end > 0 && OPENING_QUOTES.indexOf(before.charAt(end - 1)) >= 0) {
            return before.substring(0, end - 1).stripTrailing();
        }
        return before;
    }

    private static boolean isSpaceOrDash(String text, int at) {
        return at < text.length() && (Chars.isSpace(text.charAt(at)) || text.charAt(at) == '-');
    }

    /**
     * True when what precedes a bare number reads like "...said:", "error", or like "...: " (but not "port: ")
     * before a code with a {@code definedSecondDigit} and no unit after it. A code {@code closed} by a bracket or
     * colon ("(500)") needs words that name it: "Internal server error (500)" is an HTTP status.
     */
    private static boolean introducesReply(String before, boolean definedSecondDigit, boolean closed) {
        String trimmed = withoutOpeningQuote(before.stripTrailing());
        // Three words for a code named through a copula ("error code was 550"); the others read the last two.
        List<String> lastThree = lastWords(trimmed, 3);
        List<String> words = lastThree.subList(Math.max(0, lastThree.size() - 2), lastThree.size());
        String lastWord = words.isEmpty() ? "" : words.get(words.size() - 1);
        if (NOT_A_REPLY.contains(lastWord)) {
            return false;
        }
        if (REPLY_INTRODUCERS.contains(lastWord)) {
            return true;
        }
        if (!definedSecondDigit || before.toLowerCase(Locale.ROOT).contains("http")) {
            return false;
        }
        boolean colonOrBracket = !trimmed.isEmpty() && INTRODUCING_ENDS.indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0;
        // A dash between spaces after a word joins a client's words to the reply as a colon does ("Mail from command
        // failed - 501 Syntax error"); not after a number ("1 - 500" is a range) nor within a word ("1-500").
        boolean spacedDash = (trimmed.endsWith(" -") || trimmed.endsWith(" \u2013")) && trimmed.length() > 2
                && !Character.isDigit(trimmed.charAt(trimmed.length() - 3));
        return ((colonOrBracket || spacedDash) && !closed) || namesAnError(words) || namesAnErrorThatWas(lastThree);
    }

    /**
     * "the error code was 550", "SMTP error code is 421": a code named as an error's through a copula, as reports and
     * wrappers write it (blastula's "the error code was 550"). Only after an error's or a reply's word for "code",
     * never after "status" alone, which HTTP statuses share. {@code words}: the last three before the code.
     */
    private static boolean namesAnErrorThatWas(List<String> words) {
        return words.size() == 3 && COPULAS.contains(words.get(2)) && CODE_WORDS.contains(words.get(1))
                && namesAnError(words.subList(0, 2));
    }

    /** "error 550", "Fehler 550", "код ошибки 550", "error code 550", and in CJK a run of letters ending in "错误". */
    private static boolean namesAnError(List<String> words) {
        String last = words.isEmpty() ? "" : words.get(words.size() - 1);
        for (String part : last.split("-")) {
            if (ERROR_WORDS.contains(part)) {
                return true;
            }
        }
        if (CODE_WORDS.contains(last)) {
            String before = words.size() >= 2 ? words.get(words.size() - 2) : "";
            return ERROR_WORDS.contains(before) || REPLY_INTRODUCERS.contains(before);
        }
        for (String ending : CJK_ERROR_ENDINGS) {
            if (last.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words (as {@link #lastWords} reads them) that follow one another from {@code from}, separated by spaces only,
     * at most {@code count}: none when no word starts there.
     */
    private static List<String> firstWords(String text, int from, int count) {
        Matcher word = WORD.matcher(text);
        List<String> words = new ArrayList<>(count);
        int at = from;
        while (words.size() < count && at < text.length() && word.region(at, text.length()).lookingAt()) {
            words.add(word.group().toLowerCase(Locale.ROOT));
            at = Chars.spacesEnd(text, word.end());
        }
        return words;
    }

    /** The last {@code count} words (letters and marks, lower case) of {@code text}, the last one last. */
    private static List<String> lastWords(String text, int count) {
        Matcher word = WORD.matcher(text);
        ArrayDeque<String> last = new ArrayDeque<>(count);
        while (word.find()) {
            if (last.size() == count) {
                last.removeFirst();
            }
            last.addLast(word.group().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(last);
    }
}
