package org.smtpdoctor.engine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.builder.Message;
import org.smtpdoctor.source.Problem;

/**
 * Turns a Drools build message into a {@link Problem} at the real line and column.
 *
 * <p>KieBuilder messages carry the line but always column 0. The parser's text says
 * {@code [ERR 102] Line 8:16 mismatched input ...} (0-based column); an expression error quotes the
 * expression ({@code [Near : {... replyCode == 421 ....}]}), which is found again in its line.
 */
final class DroolsMessages {
    private static final Pattern PARSER_POSITION = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+)\\s*");
    private static final Pattern NEAR = Pattern.compile("\\[Near : \\{\\.\\.\\. (.+?) \\.\\.\\.\\.\\}\\]");

    private DroolsMessages() {
    }

    /**
     * @param sources DRL text by path relative to the rules directory
     * @param prefix  where the loader put the files in the KieFileSystem
     */
    static Problem toProblem(Message message, Map<String, String> sources, String prefix) {
        String path = message.getPath() == null ? "?" : message.getPath().replaceFirst("^" + Pattern.quote(prefix), "");
        String text = message.getText().strip().replaceAll("\\s+", " ");
        int line = Math.max(message.getLine(), 0);
        int column = Math.max(message.getColumn(), 0);
        Matcher parser = PARSER_POSITION.matcher(text);
        if (parser.find()) {
            line = Integer.parseInt(parser.group(1));
            column = Integer.parseInt(parser.group(2)) + 1;
            text = text.substring(0, parser.start()) + text.substring(parser.end());
        } else if (column == 0) {
            column = columnOfQuotedExpression(text, sources.get(path), line);
        }
        return Problem.error(path, line, column, text);
    }

    private static int columnOfQuotedExpression(String text, String source, int line) {
        Matcher near = NEAR.matcher(text);
        if (!near.find() || source == null || line < 1) {
            return 0;
        }
        String[] lines = source.split("\n", -1);
        if (line > lines.length) {
            return 0;
        }
        int index = lines[line - 1].indexOf(near.group(1).strip());
        return index < 0 ? 0 : index + 1;
    }
}
