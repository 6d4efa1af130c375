package org.transferworkbench.engine.data;

/**
 * What a group pattern does to a dataset, for a live preview while the user types it.
 *
 * @param groupCount         number of groups, counting each unmatched file as its own group
 * @param unmatchedFileCount files the pattern did not match
 */
public record GroupingSummary(int groupCount, int unmatchedFileCount) {
}
