package no.tilskudd.web.internal.http;

import java.util.Map;

/** An error the API answers with: an HTTP status and {@code {"error": code, "detail": text}} plus any extra fields. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, Object> extra;

    /**
     * @param status the HTTP status
     * @param code   a stable, machine-readable error code
     * @param detail a sentence for people
     */
    public ApiException(int status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    /**
     * @param status the HTTP status
     * @param code   a stable, machine-readable error code
     * @param detail a sentence for people
     * @param extra  more fields for the answer
     */
    public ApiException(int status, String code, String detail, Map<String, Object> extra) {
        super(detail);
        this.status = status;
        this.code = code;
        this.extra = Map.copyOf(extra);
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the error code */
    public String code() {
        return code;
    }

    /** @return extra fields */
    public Map<String, Object> extra() {
        return extra;
    }

    static ApiException badRequest(String detail) {
        return new ApiException(400, "bad_request", detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, "not_found", detail);
    }
}
