package org.transferworkbench.engine.data;

import java.io.IOException;

/** An image that cannot be used; the message is one sentence meant for the user, e.g. "empty file (0 bytes)". */
public final class UnreadableImageException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnreadableImageException(String reason) {
        super(reason);
    }

    public UnreadableImageException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public String reason() {
        return getMessage();
    }
}
