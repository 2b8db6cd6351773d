package org.smtpdoctor.server;

/**
 * A request the desk refuses, answered as an RFC 9457 problem: {@code {type, title, detail}} with a 4xx status,
 * never a stack trace. {@code type} is a short stable id under {@code /problems/} that clients may switch on.
 */
final class ApiProblem extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;

    ApiProblem(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    int status() {
        return status;
    }

    String type() {
        return "/problems/" + type;
    }

    String title() {
        return title;
    }

    String detail() {
        return getMessage();
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, "bad-request", "The request cannot be used", detail);
    }
}
