package org.smtpdoctor.engine;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: two or more builds of the engine (their jars) in one JVM, each in a class loader of its own with the
 * same rules, taking turns over the same log lines, round after round; prints each build's thread CPU time per
 * {@code diagnose()} call. On a shared machine a build's rate moves by a fifth from one run to the next, so two
 * runs one after the other cannot tell a 10 % change; turns a few seconds apart in one process can.
 *
 * <p>Usage (from the checkout, after {@code mvn package}; builds' jars copied out of {@code target/}):
 * {@code java -cp target/test-classes org.smtpdoctor.engine.BuildsAbBench LOG ROUNDS RULES_DIR JAR...}; the
 * dependencies are read from {@code target/lib}, the same for every build.
 */
public final class BuildsAbBench {
    private BuildsAbBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int rounds = Integer.parseInt(args[1]);
        Path rules = Path.of(args[2]);
        String[] jars = Arrays.copyOfRange(args, 3, args.length);
        Build[] builds = new Build[jars.length];
        for (int j = 0; j < jars.length; j++) {
            builds[j] = Build.load(new File(jars[j]), rules);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (Build build : builds) {
                // Drools finds its services through the context class loader, at load and at run time.
                Thread.currentThread().setContextClassLoader(build.loader());
                long start = threads.getCurrentThreadCpuTime();
                for (String text : lines) {
                    build.diagnose().invoke(build.diagnoser(), text);
                }
                double micros = (threads.getCurrentThreadCpuTime() - start) / 1e3 / lines.size();
                line.append(String.format("  %s %.2f us/line", build.name(), micros));
            }
            System.out.println(line);
        }
    }

    private record Build(String name, ClassLoader loader, Object diagnoser, Method diagnose) {
        static Build load(File jar, Path rules) throws ReflectiveOperationException, IOException {
            List<URL> urls = new ArrayList<>(List.of(jar.toURI().toURL()));
            File[] libs = new File("target/lib").listFiles();
            if (libs == null) {
                throw new IOException("target/lib is missing: run mvn package first");
            }
            for (File lib : libs) {
                urls.add(lib.toURI().toURL());
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            // By name: the class path this runs on need not hold the engine.
            Class<?> diagnoserClass = loader.loadClass("org.smtpdoctor.engine.Diagnoser");
            Object builder = diagnoserClass.getMethod("builder").invoke(null);
            builder.getClass().getMethod("rulesDirectory", Path.class).invoke(builder, rules);
            Object diagnoser = builder.getClass().getMethod("build").invoke(builder);
            return new Build(jar.getName(), loader, diagnoser, diagnoserClass.getMethod("diagnose", String.class));
        }
    }
}
