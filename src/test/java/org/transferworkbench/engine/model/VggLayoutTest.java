package org.transferworkbench.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.transferworkbench.engine.training.Hyperparameters;

class VggLayoutTest {

    @Test
    void vgg16And19HaveThePapersParameterCountsAt224WithTheImageNetHead() {
        assertThat(VggLayout.of(ModelSpec.paper(VggVariant.VGG16, 224, 1000)).totalParams()).isEqualTo(138_357_544L);
        assertThat(VggLayout.of(ModelSpec.paper(VggVariant.VGG19, 224, 1000)).totalParams()).isEqualTo(143_667_240L);
    }

    @Test
    void theDl4jGraphHasExactlyTheLayoutsParameters() {
        for (VggVariant v : new VggVariant[] {VggVariant.VGG16, VggVariant.VGG19}) {
            ModelSpec spec = ModelSpec.paper(v, 224, 1000);
            ComputationGraph g = VggGraphFactory.build(spec, FreezePlan.fineTuneAll(),
                    Hyperparameters.defaults().toOptimization(null));
            assertThat(g.numParams()).as(v.toString()).isEqualTo(VggLayout.of(spec).totalParams());
        }
    }

    @ParameterizedTest
    @EnumSource(VggVariant.class)
    void everyConfigurationHasCanonicalLayerNamesAndThePapersDepth(VggVariant v) {
        VggLayout layout = VggLayout.of(ModelSpec.paper(v, 224, 1000));
        assertThat(layout.layer("block1_conv1")).isPresent();
        assertThat(layout.layer(v.lastConvLayerName())).isPresent();
        assertThat(layout.layer("block5_pool").orElseThrow().outputShape()).containsExactly(512, 7, 7);
        assertThat(layout.layer("fc1").orElseThrow().paramCount()).isEqualTo(512L * 7 * 7 * 4096 + 4096);
        long weightLayers = layout.layers().stream().filter(LayerSpec::hasWeights).count();
        assertThat(weightLayers).isEqualTo(v.weightLayerCount());
    }

    @Test
    void paperWeightLayerCountsAre11To19() {
        assertThat(VggVariant.VGG11.weightLayerCount()).isEqualTo(11);
        assertThat(VggVariant.VGG13.weightLayerCount()).isEqualTo(13);
        assertThat(VggVariant.VGG16C.weightLayerCount()).isEqualTo(16);
        assertThat(VggVariant.VGG16.weightLayerCount()).isEqualTo(16);
        assertThat(VggVariant.VGG19.weightLayerCount()).isEqualTo(19);
    }

    @Test
    void forwardPassCostMatchesTheKnownVgg16Figure() {
        long macs = VggLayout.of(ModelSpec.paper(VggVariant.VGG16, 224, 1000)).multiplyAddsPerImage();
        assertThat(macs / 1e9).isBetween(15.4, 15.6);
    }

    @Test
    void compactHeadWorksAtAnyAllowedInputSizeAndTheSummaryCountsFrozenParams() {
        ModelSpec spec = ModelSpec.compact(VggVariant.VGG16, 64, 3);
        ModelSummary s = new ModelSummary(VggLayout.of(spec), FreezePlan.featureExtraction());
        long conv = 14_714_688L;
        assertThat(s.frozenParams()).isEqualTo(conv);
        assertThat(s.trainableParams()).isEqualTo(512L * 256 + 256 + 256L * 3 + 3);
        assertThat(s.toText()).contains("block5_conv3").contains("frozen").contains("trainable");
    }

    @Test
    void inputSizesThatAreNotMultiplesOf32AreRefused() {
        assertThatThrownBy(() -> ModelSpec.compact(VggVariant.VGG16, 100, 3))
                .hasMessageContaining("multiple of 32");
        assertThatThrownBy(() -> ModelSpec.compact(VggVariant.VGG16, 256, 3)).hasMessageContaining("224");
    }
}
