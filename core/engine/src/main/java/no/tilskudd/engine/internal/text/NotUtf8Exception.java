package no.tilskudd.engine.internal.text;

import java.io.CharConversionException;

/** A text file that is not UTF-8, with the line where that shows. */
public final class NotUtf8Exception extends CharConversionException {

    private static final long serialVersionUID = 1L;

    private final int line;

    NotUtf8Exception(int line, String reason) {
        super(reason);
        this.line = line;
    }

    /**
     * The line (from 1) where the reader found the problem.
     *
     * @return the line
     */
    public int line() {
        return line;
    }
}
