package org.transferworkbench.engine.study;

import java.util.List;
import org.transferworkbench.engine.stats.PairedDifference;

/**
 * Arm B against arm A on one metric, over the repeats both finished with the same seed (and fold).
 *
 * @param pairs the seeds/folds that were paired, in queue order
 */
public record ArmComparison(String armA, String armB, StudyMetric metric, List<String> pairs,
                            PairedDifference difference) {

    /** The verdict with the arms' labels in place of "A" and "B". */
    public String verdictNamed() {
        return difference.verdict().replace("B is better", armB + " is better").replace("A is better",
                armA + " is better");
    }
}
