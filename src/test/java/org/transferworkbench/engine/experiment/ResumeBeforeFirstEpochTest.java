package org.transferworkbench.engine.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.model.weights.WeightLoadReport;
import org.transferworkbench.engine.model.weights.WeightsChoice;
import org.transferworkbench.engine.model.weights.WeightsSource;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.testing.ShapesDataset;
import org.transferworkbench.testing.TinyRuns;

/** A run cancelled before its first checkpoint resumes from the weights it was started with, not random ones. */
class ResumeBeforeFirstEpochTest {

    @TempDir
    Path tmp;

    @Test
    void resumeReloadsTheChosenStartingWeights() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 12, 32, 3);
        RunStore store = new RunStore(tmp.resolve("runs"));
        ExperimentRunner runner = new ExperimentRunner(store);
        ExperimentResult donor = runner.run(TinyRuns.request(data, "donor", 1), new ExperimentListener() { },
                CancellationToken.none());
        Path donorModel = donor.run().file(RunDirectory.BEST_MODEL);

        ExperimentRequest base = TinyRuns.request(data, "warm", 1);
        ExperimentRequest fromDonor = new ExperimentRequest(base.datasetRoot(), base.runName(), base.variant(),
                base.inputSize(), base.head(), base.compactHiddenUnits(), base.dropout(), base.freezePlan(),
                base.hyper(), base.split(), null, null, null,
                new WeightsChoice(new WeightsSource.ModelZip(donorModel), false, null));
        CancellationToken cancel = new CancellationToken();
        ExperimentResult stopped = runner.run(fromDonor, new ExperimentListener() {
            @Override
            public void onStage(String stage) {
                if (stage.equals("training")) {
                    cancel.cancel();
                }
            }
        }, cancel);
        assertThat(stopped.state()).isEqualTo(RunState.CANCELLED);
        RunDirectory run = stopped.run();
        assertThat(run.readStatus().epochsCompleted()).isZero();
        Files.delete(run.file(WeightLoadReport.FILE_NAME));

        List<String> messages = new ArrayList<>();
        ExperimentResult resumed = runner.resume(run, new ExperimentListener() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        }, CancellationToken.none());

        assertThat(resumed.state()).isEqualTo(RunState.SUCCEEDED);
        WeightLoadReport report = Json.read(run.file(WeightLoadReport.FILE_NAME), WeightLoadReport.class);
        assertThat(report.source()).startsWith("model:").endsWith(donorModel.toString());
        assertThat(report.loaded()).contains("block1_conv1", "predictions");
        assertThat(messages).noneMatch(m -> m.contains("predates"));
    }
}
