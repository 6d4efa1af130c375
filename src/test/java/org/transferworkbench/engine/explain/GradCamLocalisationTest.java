package org.transferworkbench.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.transferworkbench.engine.data.ImagePreprocessor;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.model.fast.FastConvolutionLayer;
import org.transferworkbench.engine.model.fast.FastMaxPoolingLayer;

/**
 * Trains a small VGG-shaped network (the project's fast conv and pooling layers, 32 px) to tell images with a red
 * disc from images without one; every image also has a green disc of the same size as a distractor. Grad-CAM for
 * "red" must then point at the red disc, in whichever quadrant it is, and not at the green one.
 */
class GradCamLocalisationTest {
    private static final int SIDE = 32;
    private static final int RED = 1;
    private static final ImagePreprocessor PREPROCESSOR =
            new ImagePreprocessor(SIDE, ResizePolicy.SHORTER_SIDE_CENTER_CROP);

    @Test
    void theMapPeaksInTheQuadrantThatHoldsTheClassSignal() {
        ComputationGraph model = trainedModel();
        GradCam cam = new GradCam(model);
        assertThat(cam.defaultLayer()).isEqualTo("conv3");
        Random rng = new Random(99);
        for (int quadrant = 0; quadrant < 4; quadrant++) {
            for (int repeat = 0; repeat < 3; repeat++) {
                int[] red = centreIn(quadrant, rng);
                int[] green = centreIn(3 - quadrant, rng); // the diagonally opposite quadrant
                INDArray input = tensor(List.of(draw(rng, red, green)));

                HeatMap map = cam.compute(input, "conv3", new int[] {RED}).get(0);

                assertThat(map.probabilities()[RED]).as("p(red)").isGreaterThan(0.9);
                int[] peak = map.peak();
                int row = peak[0] * 2 / map.height();
                int column = peak[1] * 2 / map.width();
                assertThat(row * 2 + column).as("quadrant of the peak of %s (red at %d,%d, green at %d,%d)",
                        java.util.Arrays.toString(map.values()), red[0], red[1], green[0], green[1])
                        .isEqualTo(quadrant);
                float[] up = HeatMapImages.upsample(map, SIDE);
                int best = 0;
                for (int i = 1; i < up.length; i++) {
                    best = up[i] > up[best] ? i : best;
                }
                assertThat((best / SIDE) / (SIDE / 2) * 2 + (best % SIDE) / (SIDE / 2)).as("upsampled peak")
                        .isEqualTo(quadrant);
            }
        }
    }

    private static ComputationGraph trainedModel() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(3)
                .updater(new Adam(3e-3))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Truncate)
                .graphBuilder()
                .addInputs("input")
                .setInputTypes(InputType.convolutional(SIDE, SIDE, 3))
                .addLayer("conv1", conv(8), "input")
                .addLayer("pool1", pool(), "conv1")
                .addLayer("conv2", conv(16), "pool1")
                .addLayer("pool2", pool(), "conv2")
                .addLayer("conv3", conv(16), "pool2")
                .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv3")
                .addLayer("predictions", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build(), "gap")
                .setOutputs("predictions")
                .build();
        ComputationGraph model = new ComputationGraph(conf);
        model.init();
        model.getLayer("conv1").getParam("W").divi(58.0); // 0-255 pixels: as VggGraphFactory does
        Random rng = new Random(1);
        for (int step = 0; step < 60; step++) {
            List<BufferedImage> images = new java.util.ArrayList<>();
            INDArray labels = Nd4j.zeros(16, 2);
            for (int i = 0; i < 16; i++) {
                boolean red = i % 2 == 0;
                images.add(draw(rng, red ? anywhere(rng) : null, anywhere(rng)));
                labels.putScalar(i, red ? RED : 0, 1.0);
            }
            model.fit(new DataSet(tensor(images), labels));
        }
        return model;
    }

    /** Grey noise, a green disc, and (for the class "red") a red disc of the same size. */
    private static BufferedImage draw(Random rng, int[] red, int[] green) {
        BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int g = 100 + rng.nextInt(60);
                img.setRGB(x, y, new Color(g, g, g).getRGB());
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 200, 40));
        g.fillOval(green[1] - 4, green[0] - 4, 9, 9);
        if (red != null) {
            g.setColor(new Color(230, 30, 30));
            g.fillOval(red[1] - 4, red[0] - 4, 9, 9);
        }
        g.dispose();
        return img;
    }

    private static int[] anywhere(Random rng) {
        return new int[] {5 + rng.nextInt(SIDE - 10), 5 + rng.nextInt(SIDE - 10)};
    }

    /** A centre (row, column) well inside quadrant 0 (top left), 1 (top right), 2 or 3. */
    private static int[] centreIn(int quadrant, Random rng) {
        int half = SIDE / 2;
        return new int[] {(quadrant / 2) * half + 5 + rng.nextInt(half - 10),
            (quadrant % 2) * half + 5 + rng.nextInt(half - 10)};
    }

    private static INDArray tensor(List<BufferedImage> images) {
        float[] data = new float[images.size() * PREPROCESSOR.tensorLength()];
        for (int i = 0; i < images.size(); i++) {
            PREPROCESSOR.writeTensor(images.get(i), data, i * PREPROCESSOR.tensorLength());
        }
        return Nd4j.create(data, new long[] {images.size(), 3, SIDE, SIDE});
    }

    private static org.deeplearning4j.nn.conf.layers.Layer conv(int channels) {
        return new FastConvolutionLayer.Builder(3, 3).nOut(channels).padding(1, 1).activation(Activation.RELU).build();
    }

    private static org.deeplearning4j.nn.conf.layers.Layer pool() {
        return new FastMaxPoolingLayer.Builder(new int[] {2, 2}, new int[] {2, 2}).build();
    }
}
