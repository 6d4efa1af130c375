package org.transferworkbench.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.transferworkbench.engine.data.ImagePreprocessor;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.GraphParams;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.OptimizationSettings;
import org.transferworkbench.engine.model.VggGraphFactory;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.VggVariant;

/**
 * The gradient Grad-CAM averages, d(logit)/dA, against central finite differences through an independently built
 * tail network (VggGraphFactory.buildTail), in double precision; and frozen layers explained like trained ones.
 */
class GradCamGradientTest {
    private static final ModelSpec SPEC = new ModelSpec(VggVariant.parse("vgg11"), 32, 3, HeadType.COMPACT, 16, 0.5);
    private static final OptimizationSettings OPT = new OptimizationSettings(new Adam(1e-3), new Adam(1e-3), 0, 7,
            null);

    /**
     * Compact head: frozen conv blocks (DL4J's FrozenLayer stops backprop) and global pooling. Paper head: the
     * flattening preprocessor before fc1, and dropout before fc2, which backprop in training mode would apply.
     */
    @ParameterizedTest(name = "{0} head")
    @EnumSource(HeadType.class)
    void gradientMatchesFiniteDifferences(HeadType head) {
        ModelSpec spec = head == HeadType.COMPACT ? SPEC
                : new ModelSpec(VggVariant.parse("vgg11"), 32, 3, HeadType.PAPER, 0, 0.5);
        FreezePlan plan = FreezePlan.parse(head == HeadType.COMPACT ? "conv" : "blocks:1-4");
        ComputationGraph full = VggGraphFactory.build(spec, plan, OPT).convertDataType(DataType.DOUBLE);
        String layer = "block5_conv1";
        VggLayout layout = VggLayout.of(spec);
        int first = layout.layers().indexOf(layout.layer(layer).orElseThrow()) + 1;
        ComputationGraph tail = VggGraphFactory.buildTail(spec, plan, OPT, first).convertDataType(DataType.DOUBLE);
        String penultimate = layout.layers().get(layout.layers().size() - 2).name();
        GraphParams.copyMatching(full, tail);
        INDArray input = images(2, DataType.DOUBLE);
        int[] targets = {1, 2};
        INDArray a = full.feedForward(input, false).get(layer);

        INDArray gradient = new GradCam(full).scoreGradient(input, layer, targets);

        assertThat(gradient.shape()).isEqualTo(a.shape());
        double largest = gradient.amaxNumber().doubleValue();
        assertThat(largest).as("largest gradient").isGreaterThan(1e-6);
        Random pick = new Random(5);
        double h = 1e-5;
        for (int probe = 0; probe < 24; probe++) {
            int i = probe % 2;
            long[] at = {i, pick.nextInt((int) a.size(1)), pick.nextInt((int) a.size(2)), pick.nextInt((int) a.size(3))};
            double numeric = (logit(tail, penultimate, a, at, h, targets[i])
                    - logit(tail, penultimate, a, at, -h, targets[i])) / (2 * h);
            double analytic = gradient.getDouble(at);
            double scale = Math.max(Math.max(Math.abs(numeric), Math.abs(analytic)), 1e-3 * largest);
            assertThat(Math.abs(numeric - analytic) / scale).as("relative error at %s (analytic %g, numeric %g)",
                    java.util.Arrays.toString(at), analytic, numeric).isLessThan(1e-3);
        }
    }

    @Test
    void frozenAndTrainableCopiesOfOneModelGiveTheSameMaps() {
        ComputationGraph frozen = VggGraphFactory.build(SPEC, FreezePlan.parse("conv+fc"), OPT);
        ComputationGraph trainable = VggGraphFactory.build(SPEC, FreezePlan.parse("none"), OPT);
        GraphParams.copyMatching(frozen, trainable);
        INDArray input = images(3, DataType.FLOAT);
        for (String layer : List.of("block5_conv2", "block3_conv1")) {
            List<HeatMap> a = new GradCam(frozen).compute(input, layer, new int[] {-1, 0, 2});
            List<HeatMap> b = new GradCam(trainable).compute(input, layer, new int[] {-1, 0, 2});
            for (int i = 0; i < 3; i++) {
                assertThat(a.get(i).max()).as("map %d at %s", i, layer).isPositive();
                for (int v = 0; v < a.get(i).values().length; v++) {
                    assertThat(b.get(i).values()[v]).isCloseTo(a.get(i).values()[v],
                            org.assertj.core.data.Offset.offset(1e-4f * a.get(i).max()));
                }
            }
            assertThat(a.get(0).targetClass()).isEqualTo(a.get(0).predictedClass());
            // the class score is the pre-softmax logit: differences of logits are log ratios of probabilities
            HeatMap first = new GradCam(frozen).compute(input, layer, new int[] {0, 0, 0}).get(2);
            HeatMap third = new GradCam(frozen).compute(input, layer, new int[] {2, 2, 2}).get(2);
            assertThat(first.classScore() - third.classScore()).isCloseTo(
                    Math.log(first.probabilities()[0] / first.probabilities()[2]),
                    org.assertj.core.data.Offset.offset(1e-3));
            assertThat(a.get(1).targetClass()).isZero();
        }
    }

    @Test
    void theDefaultLayerIsTheLastConvolution() {
        assertThat(new GradCam(VggGraphFactory.build(SPEC, FreezePlan.parse("conv"), OPT)).defaultLayer())
                .isEqualTo("block5_conv2");
        for (String variant : List.of("vgg16", "vgg19")) {
            ModelSpec spec = new ModelSpec(VggVariant.parse(variant), 32, 2, HeadType.COMPACT, 0, 0.5);
            GradCam cam = new GradCam(VggGraphFactory.build(spec, FreezePlan.parse("conv"), OPT));
            assertThat(cam.defaultLayer()).isEqualTo(variant.equals("vgg16") ? "block5_conv3" : "block5_conv4");
            assertThat(cam.convolutionLayers()).startsWith("block1_conv1", "block1_conv2", "block2_conv1");
        }
    }

    @Test
    void badChoicesAreRefusedInOneSentence() {
        GradCam cam = new GradCam(VggGraphFactory.build(SPEC, FreezePlan.parse("conv"), OPT));
        INDArray input = images(1, DataType.FLOAT);
        assertThatThrownBy(() -> cam.compute(input, "block9_conv1", new int[] {-1}))
                .hasMessageStartingWith("There is no layer 'block9_conv1' in this network; choose one of "
                        + "block1_conv1, block2_conv1, block3_conv1");
        assertThatThrownBy(() -> cam.compute(input, "block5_pool", new int[] {-1}))
                .hasMessageStartingWith("Layer 'block5_pool' is not a convolution layer; choose one of");
        assertThatThrownBy(() -> cam.compute(input, "block5_conv2", new int[] {3}))
                .hasMessage("Class index 3 is out of range; this network has 3 classes (0 to 2).");
        RunExplainer run = new RunExplainer("r1", VggGraphFactory.build(SPEC, FreezePlan.parse("conv"), OPT),
                List.of("a", "b", "c"), new ImagePreprocessor(32, ResizePolicy.SHORTER_SIDE_CENTER_CROP));
        assertThatThrownBy(() -> run.checkChoices(null, "d"))
                .hasMessage("There is no class 'd' in run r1; its classes are a, b, c.");
        assertThat(run.checkChoices("block4_conv1", "c")).isEqualTo(2);
        assertThatThrownBy(() -> new RunExplainer("r2", VggGraphFactory.build(SPEC, FreezePlan.parse("conv"), OPT),
                List.of("a", "b"), new ImagePreprocessor(32, ResizePolicy.SHORTER_SIDE_CENTER_CROP)))
                .hasMessage("The model has 3 outputs but the run names 2 classes.");
    }

    /** Mean-subtracted 0-255 pixels, as the preprocessing makes them. */
    private static INDArray images(int n, DataType type) {
        Nd4j.getRandom().setSeed(11);
        return Nd4j.rand(type, n, 3, 32, 32).muli(255).subi(120);
    }

    private static double logit(ComputationGraph tail, String penultimate, INDArray a, long[] at, double delta,
                                int c) {
        INDArray shifted = a.dup();
        shifted.putScalar(at, a.getDouble(at) + delta);
        INDArray row = shifted.get(org.nd4j.linalg.indexing.NDArrayIndex.point(at[0])).reshape(1, a.size(1),
                a.size(2), a.size(3));
        INDArray hidden = tail.feedForward(row, false).get(penultimate);
        INDArray w = tail.getLayer("predictions").getParam("W");
        INDArray b = tail.getLayer("predictions").getParam("b");
        return hidden.mmul(w.getColumn(c).reshape(w.size(0), 1)).getDouble(0) + b.getDouble(c);
    }
}
