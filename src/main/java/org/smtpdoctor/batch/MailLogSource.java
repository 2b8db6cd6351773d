package org.smtpdoctor.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Postfix or Exim mail log: every error entry (reject, deferred, bounced) is a record with the reply
 * as its text and the queue id, addresses and status as kept fields; other lines (connects, deliveries)
 * are only counted. The literal marker is looked for first, so ordinary lines cost one {@code indexOf}.
 */
final class MailLogSource extends LineSource {
    /**
     * What one MTA's error entries look like: a pattern with the named groups status, queue, from, to and
     * reply; an alternative branch names its groups with a trailing 2 (Java allows each name once).
     */
    record Dialect(String name, Pattern entry) {
        private static final String[] FIELDS = {"status", "queue", "from", "to", "reply"};

        /** The entry's fields, absent ones null; null when the line is not an error entry. */
        Map<String, String> read(String line) {
            Matcher m = entry.matcher(line);
            if (!m.find()) {
                return null;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : FIELDS) {
                String value = has(field) ? m.group(field) : null;
                fields.put(field, value == null && has(field + "2") ? m.group(field + "2") : value);
            }
            return fields;
        }

        private boolean has(String group) {
            return entry.pattern().contains("(?<" + group + ">");
        }
    }

    /**
     * {@code postfix/smtpd[1]: NOQUEUE: reject: RCPT from h[ip]: 554 5.7.1 <x>: ...; from=<a> to=<b> proto=...}
     * (the text kept from "reject:" on, so that the command tells the SMTP stage)
     * and {@code postfix/smtp[1]: 4F2A31C0B2: to=<b>, relay=..., status=bounced (host h said: 550 ...)}.
     */
    static final Dialect POSTFIX = new Dialect("postfix", Pattern.compile(
            "\\]: (?<queue>NOQUEUE|[0-9A-Za-z]{6,15}): (?:(?<reply>(?<status>reject): (?:RCPT|MAIL|DATA|CONNECT|HELO|EHLO"
                    + "|END-OF-MESSAGE|VRFY|ETRN) from [^:]{0,300}: .*?)(?:; from=<(?<from>[^>]*)> to=<(?<to>[^>]*)>.*)?$"
                    + "|to=<(?<to2>[^>]*)>.*?status=(?<status2>deferred|bounced) \\((?<reply2>.*)\\)\\s*$)"));
    /**
     * {@code 1rABCd-000123-AB ** bob@x R=.. T=..: SMTP error from remote mail server after RCPT TO:<bob@x>: 550 ...},
     * {@code == bob@x ... defer (-44): ...} and {@code H=(helo) [ip] F=<a> rejected RCPT <b>: reason}.
     */
    static final Dialect EXIM = new Dialect("exim", Pattern.compile(
            "(?:(?<queue>[0-9A-Za-z]{6}-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4}) (?<status>\\*\\*|==) (?<to>\\S+)"
                    + "[^:]*?: (?<reply>.*)$"
                    + "|F=<(?<from>[^>]*)> (?<status2>rejected) RCPT <(?<to2>[^>]*)>: (?<reply2>.*)$)"));

    private final Dialect dialect;
    private long otherLines;

    MailLogSource(String file, LineReader lines, Dialect dialect) {
        super(file, lines);
        this.dialect = dialect;
    }

    @Override
    LogEntry entry(String line, long number) {
        Map<String, String> fields = mayBeError(line) ? dialect.read(line) : null;
        if (fields == null) {
            otherLines++;
            return null;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        kept.put("queueId", fields.get("queue"));
        kept.put("status", status(fields));
        kept.put("from", fields.get("from"));
        kept.put("to", fields.get("to"));
        return new LogEntry(file, number, fields.get("reply"), kept, null, lines.overlong());
    }

    private boolean mayBeError(String line) {
        return dialect == POSTFIX
                ? line.contains("reject: ") || line.contains("status=deferred") || line.contains("status=bounced")
                : line.contains(" ** ") || line.contains(" == ") || line.contains(" rejected RCPT ");
    }

    private static String status(Map<String, String> fields) {
        String status = fields.get("status");
        return switch (status) {
            case "**" -> "bounced";
            case "==" -> "deferred";
            case "rejected" -> "reject";
            default -> status;
        };
    }

    @Override
    public long otherLines() {
        return otherLines;
    }
}
