package org.smtpdoctor.reply;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads a live exception, typically from Jakarta Mail's {@code Transport.send}, into a {@link ParsedReply}:
 * the messages of its whole chain ({@code getCause()}, which Jakarta Mail's {@code MessagingException}
 * also answers with {@code getNextException()}) become the text, exactly as they would read in a log, so
 * that a live exception and its logged stack trace are diagnosed alike; the reply code and SMTP command
 * of {@code SMTPSendFailedException}, {@code SMTPSenderFailedException} and {@code SMTPAddressFailedException}
 * and the stack frames fix the code and the {@link SmtpStage}.
 *
 * <p>Classes are recognised by name and read through their public getters, so the older
 * {@code com.sun.mail.smtp} / {@code javax.mail} namesakes are read the same way without a dependency on them.
 */
public final class ThrowableReader {
    /** Deeper chains are cut: the failure's cause is in the first few links. */
    private static final int MAX_CHAIN = 32;
    /** The SMTPTransport frames that tell the stage are at the top of each exception's stack. */
    private static final int MAX_FRAMES = 64;
    private final ReplyParser parser = new ReplyParser();

    /** Reads one exception chain; never throws, never returns null. */
    public ParsedReply read(Throwable failure) {
        List<Throwable> chain = chainOf(failure);
        List<LoggedException> logged = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int returnCode = 0;
        String command = null;
        for (Throwable t : chain) {
            String message = t.getMessage() == null ? "" : t.getMessage().strip();
            logged.add(new LoggedException(t.getClass().getName(), message, framesOf(t)));
            text.append(text.length() == 0 ? "" : "\nCaused by: ").append(t.getClass().getName());
            text.append(message.isEmpty() ? "" : ": " + message);
            if (returnCode == 0) {
                returnCode = intGetter(t, "getReturnCode");
                command = returnCode == 0 ? null : stringGetter(t, "getCommand");
            }
        }
        return parser.parse(text.toString(), command, logged).withCodeIfMissing(returnCode);
    }

    private static List<Throwable> chainOf(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && chain.size() < MAX_CHAIN && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static List<String> framesOf(Throwable t) {
        StackTraceElement[] stack = t.getStackTrace();
        List<String> frames = new ArrayList<>(Math.min(stack.length, MAX_FRAMES));
        for (int i = 0; i < stack.length && i < MAX_FRAMES; i++) {
            frames.add(stack[i].getClassName() + "." + stack[i].getMethodName());
        }
        return frames;
    }

    private static int intGetter(Throwable t, String name) {
        Object value = getter(t, name);
        return value instanceof Integer i ? i : 0;
    }

    private static String stringGetter(Throwable t, String name) {
        Object value = getter(t, name);
        return value instanceof String s ? s : null;
    }

    /** A public no-argument getter of the exception's class, or null: the class may be any namesake. */
    private static Object getter(Throwable t, String name) {
        try {
            Method method = t.getClass().getMethod(name);
            return method.getParameterCount() == 0 ? method.invoke(t) : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
