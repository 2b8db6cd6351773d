package org.smtpdoctor.server;

import org.smtpdoctor.engine.Diagnoser;

/**
 * One engine on the bundled rules for every server test that serves them: each Diagnoser build is a Drools
 * compile, so the desks of these tests share it (it never changes: nothing watches the bundled rules). It lives as
 * long as the test JVM.
 */
final class BundledEngine {
    private static Diagnoser engine;

    private BundledEngine() {
    }

    static synchronized Diagnoser get() {
        if (engine == null) {
            engine = Diagnoser.builder().build();
        }
        return engine;
    }

    /** A desk on the shared engine. */
    static DeskServer desk(DeskConfig config) {
        return DeskServer.start(config, get());
    }
}
