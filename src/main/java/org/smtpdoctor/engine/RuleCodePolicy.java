package org.smtpdoctor.engine;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smtpdoctor.source.Problems;

/**
 * Keeps rule files within the rule vocabulary. Rules are edited by support staff, and Drools compiles
 * whatever Java or MVEL a DRL file holds, so the loader refuses, before Drools sees the file, any code that
 * could reach beyond testing a {@code Reply} and calling {@code conclude}: imports outside
 * {@code org.smtpdoctor.rules}, DRL functions, globals and type declarations, the system, threads, processes,
 * files, the network, reflection, Drools' own runtime, working-memory actions and loops.
 *
 * <p>The check reads the code with comments and string contents blanked, so a pattern may say "system" or
 * "exit", while a name spelled out in code may not, however it is written: imported, fully qualified or
 * through {@code kcontext}. Java's unicode escapes are refused because the Java compiler decodes them before
 * it reads the code, so they could hide any of that.
 */
final class RuleCodePolicy {
    private static final String VOCABULARY_PACKAGE = "org.smtpdoctor.rules";

    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^\\s*import\\s+(?:(?:function|accumulate|static)\\s+)?([\\w.*]+)");
    private static final Pattern DECLARATION = Pattern.compile(
            "(?<!\\bimport\\s{1,20})\\b(function|global|declare|query)\\b");
    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com|org|net|io)(?:\\s*\\.\\s*[\\w*]+)+");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Za-z_$][\\w$]*\\b");
    private static final Pattern KCONTEXT = Pattern.compile("\\bkcontext\\b");
    private static final Pattern KCONTEXT_IN_CONCLUDE = Pattern.compile("\\bconclude\\s*\\(\\s*(kcontext)\\b");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u");

    /** Names no rule needs and that would give a rule power over the process, the machine or the engine. */
    private static final Set<String> FORBIDDEN = Set.of(
            "System", "Runtime", "Thread", "ThreadGroup", "ThreadLocal", "Process", "ProcessBuilder",
            "ProcessHandle", "exit", "halt", "exec", "sleep", "wait", "notify", "notifyAll", "synchronized",
            "Class", "class", "ClassLoader", "getClass", "forName", "reflect", "invoke", "MethodHandles",
            "Unsafe", "File", "Files", "Path", "Paths", "FileSystems", "FileInputStream", "FileOutputStream",
            "FileReader", "FileWriter", "RandomAccessFile", "Socket", "ServerSocket", "DatagramSocket", "URL",
            "URI", "HttpClient", "InetAddress", "Executors", "ExecutorService", "ForkJoinPool",
            "CompletableFuture", "Timer", "ScriptEngineManager", "InitialContext", "drools", "insert",
            "insertLogical", "modify", "update", "retract", "delete", "new", "while", "for", "do");

    private RuleCodePolicy() {
    }

    /** Reports every construct of {@code drl} outside the rule vocabulary; true when the file is acceptable. */
    static boolean check(DrlFile drl, Problems problems) {
        String code = blankStrings(drl.code());
        int before = problems.all().size();
        checkEscapes(drl, problems);
        Set<Integer> imports = checkImports(drl, code, problems);
        checkDeclarations(drl, code, problems);
        checkQualifiedNames(drl, code, imports, problems);
        checkNames(drl, code, problems);
        checkKcontext(drl, code, problems);
        return problems.all().size() == before;
    }

    private static void checkEscapes(DrlFile drl, Problems problems) {
        Matcher escape = UNICODE_ESCAPE.matcher(drl.source().content()); // the raw text: javac sees them everywhere
        while (escape.find()) {
            refuse(drl, escape.end() - 2, "\\u escapes are not allowed in rules: write the character itself",
                    problems);
        }
    }

    /** Reports imports outside the vocabulary; returns where every imported name starts. */
    private static Set<Integer> checkImports(DrlFile drl, String code, Problems problems) {
        Set<Integer> imports = new HashSet<>();
        Matcher imported = IMPORT.matcher(code);
        while (imported.find()) {
            imports.add(imported.start(1));
            if (!imported.group(1).startsWith(VOCABULARY_PACKAGE + ".")) {
                refuse(drl, imported.start(1), "rules may import only the rule vocabulary (" + VOCABULARY_PACKAGE
                        + ".*), not '" + imported.group(1) + "'", problems);
            }
        }
        return imports;
    }

    private static void checkDeclarations(DrlFile drl, String code, Problems problems) {
        Matcher declaration = DECLARATION.matcher(code);
        while (declaration.find()) {
            refuse(drl, declaration.start(), "'" + declaration.group(1) + "' is not part of the rule vocabulary: "
                    + "a rule tests Reply(...) and calls conclude(kcontext, ...)", problems);
        }
    }

    /** A fully qualified name reaches any class without an import. */
    private static void checkQualifiedNames(DrlFile drl, String code, Set<Integer> imports, Problems problems) {
        Matcher qualified = QUALIFIED_NAME.matcher(code);
        while (qualified.find()) {
            String name = qualified.group().replaceAll("\\s+", "");
            if (!imports.contains(qualified.start()) && !name.startsWith(VOCABULARY_PACKAGE + ".")) {
                refuse(drl, qualified.start(), "'" + name + "' reaches outside the rule vocabulary ("
                        + VOCABULARY_PACKAGE + ")", problems);
            }
        }
    }

    private static void checkNames(DrlFile drl, String code, Problems problems) {
        Matcher identifier = IDENTIFIER.matcher(code);
        while (identifier.find()) {
            if (FORBIDDEN.contains(identifier.group())) {
                refuse(drl, identifier.start(), "'" + identifier.group() + "' is not allowed in rules: a rule may "
                        + "only test the reply and conclude; no system, thread, file, network or reflection access",
                        problems);
            }
        }
    }

    /** {@code kcontext} reaches the Drools runtime (halt, insert, the session): only conclude gets it. */
    private static void checkKcontext(DrlFile drl, String code, Problems problems) {
        Set<Integer> passed = new HashSet<>();
        Matcher conclude = KCONTEXT_IN_CONCLUDE.matcher(code);
        while (conclude.find()) {
            passed.add(conclude.start(1));
        }
        Matcher kcontext = KCONTEXT.matcher(code);
        while (kcontext.find()) {
            if (!passed.contains(kcontext.start())) {
                refuse(drl, kcontext.start(), "kcontext may only be passed to conclude: conclude(kcontext, ...)",
                        problems);
            }
        }
    }

    private static void refuse(DrlFile drl, int offset, String message, Problems problems) {
        DrlFile.Literal at = drl.at(offset, null);
        problems.error(drl.source().name(), at.line(), at.column(), message);
    }

    /** The code with the contents of string literals blanked (quotes and line breaks kept). */
    static String blankStrings(String code) {
        StringBuilder b = new StringBuilder(code);
        int i = 0;
        while (i < b.length()) {
            char c = b.charAt(i);
            if (c == '"' || c == '\'') {
                int end = Math.min(DrlFile.skipString(b, i), b.length());
                for (int j = i + 1; j < end - 1; j++) {
                    b.setCharAt(j, ' ');
                }
                i = end;
            } else {
                i++;
            }
        }
        return b.toString();
    }
}
