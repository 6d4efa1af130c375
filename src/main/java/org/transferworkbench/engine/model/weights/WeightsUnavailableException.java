package org.transferworkbench.engine.model.weights;

import java.io.IOException;

/** The weights file could not be fetched; the message tells the user how to put it in place by hand. */
public final class WeightsUnavailableException extends IOException {

    public WeightsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
