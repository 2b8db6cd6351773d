package org.smtpdoctor.catalog;

import java.util.EnumMap;
import java.util.Map;

/**
 * One step of a remedy: one text, or (written {@code ifAppResends: {yes: …, no: …, unknown: …}}) one text per
 * answer to whether the application resends by itself, so that "wait for its next attempt" is said only where
 * it is true and "send it again" only where nobody else will.
 */
record RemedyStep(Map<AppResends, Placeholders.Text> texts) {
    RemedyStep {
        texts = Map.copyOf(new EnumMap<>(texts));
    }

    /** A step from its text per answer, each read once ({@link Placeholders.Text}). */
    static RemedyStep of(Map<AppResends, String> texts) {
        Map<AppResends, Placeholders.Text> read = new EnumMap<>(AppResends.class);
        texts.forEach((resends, text) -> read.put(resends, Placeholders.Text.of(text)));
        return new RemedyStep(read);
    }

    static RemedyStep always(String text) {
        Map<AppResends, Placeholders.Text> texts = new EnumMap<>(AppResends.class);
        Placeholders.Text read = Placeholders.Text.of(text);
        for (AppResends resends : AppResends.values()) {
            texts.put(resends, read);
        }
        return new RemedyStep(texts);
    }

    Placeholders.Text text(AppResends resends) {
        return texts.get(resends);
    }
}
