package no.tilskudd.api.service;

import java.util.List;

/**
 * A publication definition that is refused, or one that cannot be made now: every problem names the file, the JSON
 * pointer into it and the reason, e.g. {@code evaluering-2009.json: /sections/2/blocks/0/indicator: unknown
 * indicator 'goal-achievment' ...}.
 *
 * @since 2.3
 */
public class PublicationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The problems, each {@code file: /pointer: reason}. */
    private final List<String> problems;

    /**
     * @param problems each {@code file: /pointer: reason}, at least one
     */
    public PublicationException(List<String> problems) {
        super(String.join("\n", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems.
     *
     * @return each {@code file: /pointer: reason}
     */
    public List<String> problems() {
        return problems;
    }
}
