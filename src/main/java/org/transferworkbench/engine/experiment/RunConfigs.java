package org.transferworkbench.engine.experiment;

import java.time.Instant;
import org.transferworkbench.engine.data.DatasetScan;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.runs.RunConfig;

/** Builds the config.json of a new run from what the user asked for and what the data turned out to be. */
final class RunConfigs {

    private RunConfigs() {
    }

    static RunConfig of(ExperimentRequest r, DatasetScan scan, SplitManifest split, Instant now) {
        return of(r, scan, split, now, "random");
    }

    /** @param weights the starting weights' source and checksum, e.g. {@code keras /w/vgg16.h5 adler32=123} */
    static RunConfig of(ExperimentRequest r, DatasetScan scan, SplitManifest split, Instant now, String weights) {
        return new RunConfig(RunConfig.FORMAT_VERSION, r.runName(), now,
                r.datasetRoot().toAbsolutePath().normalize().toString(), scan.fingerprint(), split.classNames(),
                r.variant().cliName(), r.inputSize(), r.head(), r.compactHiddenUnits(), r.dropout(),
                r.freezePlan().toString(), r.hyper(), r.split(),
                r.reuseSplit() == null ? null : r.reuseSplit().toAbsolutePath().toString(), r.augmentation(),
                r.resizePolicy(), weights, EnvironmentInfo.collect());
    }
}
