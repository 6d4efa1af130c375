package org.transferworkbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;

/** Frozen parameters stay bit for bit the same through training; trainable ones move. */
class FreezeSemanticsTest {

    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of(FreezePlan.featureExtraction()),
                Arguments.of(FreezePlan.fineTuneAll()),
                Arguments.of(FreezePlan.firstBlocksFrozen(3)),
                Arguments.of(FreezePlan.parse("blocks:2,4")),
                Arguments.of(FreezePlan.parse("conv+fc")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void frozenLayersDoNotChangeAndTrainableLayersDo(FreezePlan plan) {
        ModelSpec spec = new ModelSpec(VggVariant.VGG16, 32, 3, HeadType.COMPACT, 16, 0.5);
        // Weight decay on, so a frozen layer that were still regularised would show it.
        Hyperparameters hyper = new Hyperparameters(Optimizer.ADAM, 1e-3, 0.9, 4, 1, 1e-3, 7, 0, 1.0, false);
        ComputationGraph g = VggGraphFactory.build(spec, plan, hyper.toOptimization(null));
        Map<String, float[]> before = snapshot(g);

        Nd4j.getRandom().setSeed(3);
        for (int i = 0; i < 2; i++) {
            var features = Nd4j.rand(DataType.FLOAT, 4, 3, 32, 32).muli(100).subi(50);
            var labels = Nd4j.zeros(DataType.FLOAT, 4, 3);
            for (int r = 0; r < 4; r++) {
                labels.putScalar(r, r % 3, 1f);
            }
            g.fit(new DataSet(features, labels));
        }

        Map<String, float[]> after = snapshot(g);
        for (LayerSpec l : VggLayout.of(spec).layers()) {
            if (!l.hasWeights()) {
                continue;
            }
            for (String p : new String[] {"W", "b"}) {
                String key = l.name() + "_" + p;
                if (plan.isFrozen(l.group())) {
                    assertThat(after.get(key)).as(key + " frozen").isEqualTo(before.get(key));
                } else if (p.equals("W")) {
                    assertThat(after.get(key)).as(key + " trainable").isNotEqualTo(before.get(key));
                }
            }
        }
    }

    private static Map<String, float[]> snapshot(ComputationGraph g) {
        Map<String, float[]> m = new HashMap<>();
        g.paramTable().forEach((k, v) -> m.put(k, v.dup().data().asFloat()));
        return m;
    }
}
