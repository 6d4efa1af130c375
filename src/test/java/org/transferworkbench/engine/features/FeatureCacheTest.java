package org.transferworkbench.engine.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.experiment.ExperimentListener;
import org.transferworkbench.engine.experiment.ExperimentRequest;
import org.transferworkbench.engine.experiment.ExperimentResult;
import org.transferworkbench.engine.experiment.ExperimentRunner;
import org.transferworkbench.engine.io.Json;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.GraphParams;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.OptimizationSettings;
import org.transferworkbench.engine.model.VggGraphFactory;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.runs.RunState;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;
import org.transferworkbench.testing.ShapesDataset;

class FeatureCacheTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void isolateCache() {
        System.setProperty("tw.featureCacheDir", tmp.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("tw.featureCacheDir");
    }

    @Test
    void prefixThenTailComputesExactlyWhatTheFullNetworkComputes() {
        ModelSpec spec = new ModelSpec(VggVariant.VGG16, 64, 3, HeadType.COMPACT, 8, 0.5);
        FreezePlan plan = FreezePlan.firstBlocksFrozen(3);
        OptimizationSettings opt = Hyperparameters.defaults().toOptimization(null);
        ComputationGraph full = VggGraphFactory.build(spec, plan, opt);
        CacheDecision d = CacheDecision.decide(VggLayout.of(spec), plan, AugmentationSettings.NONE, true);
        assertThat(d.featureLayer()).isEqualTo("block3_pool");
        ComputationGraph prefix = VggGraphFactory.buildPrefix(spec, plan, opt, d.splitLayer());
        ComputationGraph tail = VggGraphFactory.buildTail(spec, plan, opt, d.splitLayer());
        GraphParams.copyMatching(full, prefix);
        GraphParams.copyMatching(full, tail);

        Nd4j.getRandom().setSeed(5);
        INDArray images = Nd4j.rand(DataType.FLOAT, 2, 3, 64, 64).muli(200).subi(100);
        INDArray features = prefix.outputSingle(false, images);
        INDArray reference = full.feedForward(images, false).get("block3_pool");
        assertThat(features.equalsWithEps(reference, 1e-5)).isTrue();
        assertThat(tail.outputSingle(false, features).equalsWithEps(full.outputSingle(false, images), 1e-5)).isTrue();
    }

    @Test
    void augmentationOrATrainedFirstBlockTurnsCachingOffWithAReason() {
        VggLayout layout = VggLayout.of(ModelSpec.compact(VggVariant.VGG16, 64, 3));
        CacheDecision aug = CacheDecision.decide(layout, FreezePlan.featureExtraction(),
                AugmentationSettings.parse("hflip"), true);
        assertThat(aug.enabled()).isFalse();
        assertThat(aug.reason()).contains("augmentation");
        assertThat(CacheDecision.decide(layout, FreezePlan.fineTuneAll(), AugmentationSettings.NONE, true).enabled())
                .isFalse();
    }

    @Test
    void aSecondRunReusesTheFeaturesAndLearnsTheSame() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 16, 40, 3);
        RunStore store = new RunStore(tmp.resolve("runs"));
        Hyperparameters hyper = new Hyperparameters(Optimizer.ADAM, 1e-2, 0.9, 4, 3, 0, 42, 0, 1, false);
        ExperimentRequest request = new ExperimentRequest(data, "cached", VggVariant.VGG16, 32, HeadType.COMPACT, 0,
                0.5, FreezePlan.featureExtraction(), hyper, new SplitSpec(0.5, 0.25, 0.25, 42, null), null,
                AugmentationSettings.NONE, ResizePolicy.SHORTER_SIDE_CENTER_CROP);
        ExperimentResult first = new ExperimentRunner(store).run(request, new ExperimentListener() { },
                CancellationToken.none());
        ExperimentResult second = new ExperimentRunner(store).run(request, new ExperimentListener() { },
                CancellationToken.none());

        assertThat(first.state()).isEqualTo(RunState.SUCCEEDED);
        var r1 = Json.mapper().readTree(first.run().file("feature-cache.json").toFile());
        var r2 = Json.mapper().readTree(second.run().file("feature-cache.json").toFile());
        assertThat(r1.get("reused").asBoolean()).isFalse();
        assertThat(r2.get("reused").asBoolean()).isTrue();
        assertThat(second.run().readMetrics()).extracting(m -> m.validationLoss())
                .isEqualTo(first.run().readMetrics().stream().map(m -> m.validationLoss()).toList());
        assertThat(first.run().hasBestModel()).isTrue();
    }
}
