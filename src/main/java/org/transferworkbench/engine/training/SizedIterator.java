package org.transferworkbench.engine.training;

/** An iterator that knows how many examples one epoch holds, so progress can show an ETA. */
public interface SizedIterator {
    int size();
}
