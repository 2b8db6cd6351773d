package org.smtpdoctor.engine;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One stateful rule session per thread, reused: a text's facts are inserted, the rules fired, and the same facts
 * deleted, which leaves the session as empty as it was. A rule touches only the network nodes its facts reach,
 * and deleting them clears just those, where a pooled stateless session resets the memory of every rule's nodes
 * after each evaluation (with thousands of rules, most of the rules' time: {@code SessionBench}).
 *
 * <p>A session a rule failed in is disposed of, not reused: the next evaluation on that thread gets a new one.
 */
final class ThreadSessions {
    private final ThreadLocal<KieSession> sessions;

    ThreadSessions(KieBase kieBase) {
        this.sessions = ThreadLocal.withInitial(kieBase::newKieSession);
    }

    /**
     * Fires the rules on {@code facts}.
     *
     * @throws RuntimeException what a rule threw (the session it happened in is dropped)
     */
    void fire(List<Object> facts) {
        KieSession session = sessions.get();
        boolean cleared = false;
        try {
            List<FactHandle> handles = new ArrayList<>(facts.size());
            for (Object fact : facts) {
                handles.add(session.insert(fact));
            }
            session.fireAllRules();
            for (FactHandle handle : handles) {
                session.delete(handle);
            }
            cleared = true;
        } finally {
            if (!cleared) {
                sessions.remove();
                session.dispose();
            }
        }
    }
}
