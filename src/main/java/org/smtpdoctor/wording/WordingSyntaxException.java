package org.smtpdoctor.wording;

/** A wording that cannot be compiled, with the offset in the wording where the author has to look. */
public final class WordingSyntaxException extends Exception {
    private final int offset;

    WordingSyntaxException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** 0-based offset into the wording as written. */
    public int offset() {
        return offset;
    }
}
