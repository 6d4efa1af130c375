package org.transferworkbench.engine.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.experiment.WarmStartExperiment;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunStore;

/**
 * The paper's warm start as a study arm: each repeat trains its own VGG11 on its own split, then the deeper net
 * from it; a crash inside the VGG11 stage restarts the repeat rather than passing the VGG11 off as its result.
 */
class StudyWarmStartTest {
    @TempDir
    Path dir;

    @Test
    void aWarmStartArmTrainsItsVgg11PerRepeatAndSurvivesACrashInTheWarmUp() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        Map<String, String> base = new HashMap<>(TinyStudies.base(1));
        base.put("freeze", "none");
        StudySpec spec = new StudySpec("warm", TinyStudies.dataset(dir), base, List.of(
                new StudyArm("vgg13 from vgg11", Map.of("model", "vgg13", "weights", "warmstart:vgg11"))),
                List.of(3L), 0);
        StudyFolder study = new StudyStore(store.root()).create(spec, LocalDateTime.now());

        assertThatThrownBy(() -> new StudyRunner(store).run(study, new StudyListener() {
            @Override
            public void onRunCreated(RunDirectory run) {
                throw new StudyRunnerTest.SimulatedCrash();
            }
        }, CancellationToken.none())).isInstanceOf(StudyRunnerTest.SimulatedCrash.class);
        StudyRepeat crashed = study.readQueue().repeats().get(0);
        RunDirectory warmUp = new RunDirectory(store.root().resolve(crashed.runId()));
        assertThat(warmUp.readConfig().name()).endsWith(WarmStartExperiment.WARMUP_SUFFIX);
        assertThat(RepeatPlan.decide(store, crashed, true).action()).isEqualTo(RepeatPlan.Action.START);

        StudyOutcome outcome = new StudyRunner(store).run(study, new StudyListener() { }, CancellationToken.none());

        assertThat(outcome.succeeded()).isEqualTo(1);
        StudyRepeat done = outcome.queue().repeats().get(0);
        assertThat(done.message()).contains("VGG11 warm-up");
        RunConfig target = new RunDirectory(store.root().resolve(done.runId())).readConfig();
        assertThat(target.model()).isEqualTo("vgg13");
        assertThat(target.weights()).startsWith("warmstart run=").contains(WarmStartExperiment.WARMUP_SUFFIX);
        assertThat(target.hyperparameters().seed()).isEqualTo(3L);
    }
}
