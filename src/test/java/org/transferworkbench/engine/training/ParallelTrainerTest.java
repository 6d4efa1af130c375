package org.transferworkbench.engine.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.transferworkbench.engine.jobs.CancellationToken;

/**
 * The Trainer with two ParallelWrapper workers, on the CPU backend. On the CPU this is only a vehicle for testing
 * the wrapper path (the workers share the same cores); on GPUs each worker has its own device.
 */
class ParallelTrainerTest {
    private static final int EXAMPLES = 60;
    private static final int BATCH = 6;

    @Test
    void twoWorkersShareTheEpochAndTheCallerSeesEveryMinibatchOnItsOwnThread() {
        ComputationGraph model = tinyClassifier();
        Hyperparameters hyper = hyper(3);
        Thread trainingThread = Thread.currentThread();
        List<IterationProgress> iterations = new ArrayList<>();
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onIteration(IterationProgress p) {
                assertThat(Thread.currentThread()).isSameAs(trainingThread);
                iterations.add(p);
            }

            @Override
            public void onEpochCompleted(EpochMetrics metrics, ComputationGraph m, boolean improved) {
                epochs.add(metrics);
            }
        };

        Trainer.Outcome outcome = new Trainer(model, hyper, List.of("a", "b", "c"), listener,
                CancellationToken.none(), new DataParallelism(2)).fit(data(1), data(2), 1, new EarlyStopping(0));

        assertThat(outcome.epochsCompleted()).isEqualTo(3);
        int batchesPerEpoch = EXAMPLES / BATCH;
        assertThat(iterations).hasSize(3 * batchesPerEpoch);
        assertThat(iterations.get(batchesPerEpoch - 1).iteration()).isEqualTo(batchesPerEpoch);
        // The caller's network is worker 0: it fitted only its share of the minibatches, the other worker the rest.
        assertThat(model.getIterationCount()).isBetween(1, 3 * batchesPerEpoch - 1);
        assertThat(epochs).allSatisfy(e -> {
            assertThat(e.trainAccuracy()).isBetween(0.0, 1.0);
            assertThat(e.trainLoss()).isFinite().isPositive();
        });
        assertThat(epochs.get(2).trainLoss()).isLessThan(epochs.get(0).trainLoss());
        assertThat(epochs.get(2).validationAccuracy()).isGreaterThan(0.6);
        assertThat(model.getUpdater().getStateViewArray().sumNumber().doubleValue()).isNotZero();
        assertThat(model.getListeners()).isEmpty();
    }

    @Test
    void aCancelDuringAnEpochEndsItAfterTheRoundInFlight() {
        ComputationGraph model = tinyClassifier();
        CancellationToken cancel = new CancellationToken();
        List<IterationProgress> iterations = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onIteration(IterationProgress p) {
                iterations.add(p);
                cancel.cancel();
            }
        };

        Trainer.Outcome outcome = new Trainer(model, hyper(3), List.of("a", "b", "c"), listener, cancel,
                new DataParallelism(2)).fit(data(1), data(2), 1, new EarlyStopping(0));

        assertThat(outcome.cancelled()).isTrue();
        assertThat(outcome.epochsCompleted()).isZero();
        assertThat(iterations.size()).isBetween(1, 4);
    }

    private static Hyperparameters hyper(int epochs) {
        return new Hyperparameters(Optimizer.ADAM, 0.05, 0.9, BATCH, epochs, 0, 7, 0, 1, false);
    }

    /** Three well separated clusters in four dimensions. */
    private static ListDataSetIterator<DataSet> data(long seed) {
        Random random = new Random(seed);
        List<DataSet> rows = new ArrayList<>();
        for (int i = 0; i < EXAMPLES; i++) {
            int label = i % 3;
            INDArray x = Nd4j.create(new float[] {label == 0 ? 2 : 0, label == 1 ? 2 : 0, label == 2 ? 2 : 0, 1}, 1, 4)
                    .addi(Nd4j.rand(1, 4).muli(0.5).subi(0.25).muli((float) random.nextGaussian()));
            INDArray y = Nd4j.zeros(1, 3).putScalar(label, 1);
            rows.add(new DataSet(x, y));
        }
        return new ListDataSetIterator<>(rows, BATCH);
    }

    private static ComputationGraph tinyClassifier() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(3)
                .updater(new Adam(0.05)).graphBuilder().addInputs("in")
                .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(8).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs("out").build());
        graph.init();
        return graph;
    }
}
