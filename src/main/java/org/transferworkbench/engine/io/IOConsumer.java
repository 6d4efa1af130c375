package org.transferworkbench.engine.io;

import java.io.IOException;

/** A consumer that may throw {@link IOException}, so writers can be passed as lambdas. */
@FunctionalInterface
public interface IOConsumer<T> {
    void accept(T value) throws IOException;
}
