package org.smtpdoctor.catalog;

import java.util.EnumMap;
import java.util.Map;

/**
 * One step of a remedy: one text, or (written {@code ifAppResends: {yes: …, no: …, unknown: …}}) one text per
 * answer to whether the application resends by itself, so that "wait for its next attempt" is said only where
 * it is true and "send it again" only where nobody else will.
 */
record RemedyStep(Map<AppResends, String> texts) {
    RemedyStep {
        texts = Map.copyOf(new EnumMap<>(texts));
    }

    static RemedyStep always(String text) {
        Map<AppResends, String> texts = new EnumMap<>(AppResends.class);
        for (AppResends resends : AppResends.values()) {
            texts.put(resends, text);
        }
        return new RemedyStep(texts);
    }

    String text(AppResends resends) {
        return texts.get(resends);
    }
}
