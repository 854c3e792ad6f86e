package org.personaworkbench.engine.common;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failure to show to people: {@link #getMessage()} is a complete sentence naming the file, line,
 * column or field at fault and what to do; {@link #detail()} holds technical detail (for example the
 * cause's stack trace) for an expandable section or a bug report.
 */
public class EngineException extends RuntimeException {

    private final String detail;

    public EngineException(String userMessage) {
        this(userMessage, (String) null);
    }

    public EngineException(String userMessage, Throwable cause) {
        super(userMessage, cause);
        this.detail = cause == null ? null : stackTrace(cause);
    }

    public EngineException(String userMessage, String detail) {
        super(userMessage);
        this.detail = detail;
    }

    /** Technical detail for an expandable section; may be null. */
    public String detail() {
        return detail;
    }

    private static String stackTrace(Throwable cause) {
        StringWriter out = new StringWriter();
        cause.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
