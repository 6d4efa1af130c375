package org.transferworkbench.engine.experiment;

import java.nio.file.Path;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.data.ImageBatchIterator;
import org.transferworkbench.engine.data.ImagePreprocessor;
import org.transferworkbench.engine.data.Split;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.runs.RunConfig;

/** The training and validation batches of a run; closing it stops their loader threads. */
final class TrainingData implements AutoCloseable {
    private final ImageBatchIterator train;
    private final ImageBatchIterator validation;

    private TrainingData(ImageBatchIterator train, ImageBatchIterator validation) {
        this.train = train;
        this.validation = validation;
    }

    static TrainingData open(RunConfig config, SplitManifest split) {
        Path root = Path.of(config.datasetRoot());
        ImagePreprocessor pre = new ImagePreprocessor(config.inputSize(), config.resizePolicy());
        int batch = config.hyperparameters().batchSize();
        long seed = config.hyperparameters().seed();
        ImageBatchIterator train = new ImageBatchIterator(root, split.entries(Split.TRAIN), split.classNames(), pre,
                batch, config.augmentation(), seed, true);
        ImageBatchIterator validation = new ImageBatchIterator(root, split.entries(Split.VALIDATION),
                split.classNames(), pre, batch, AugmentationSettings.NONE, seed, false);
        return new TrainingData(train, validation);
    }

    /** An unshuffled, un-augmented iterator over one split, for evaluation. */
    static ImageBatchIterator evaluationData(RunConfig config, SplitManifest split, Split which) {
        return new ImageBatchIterator(Path.of(config.datasetRoot()), split.entries(which), split.classNames(),
                new ImagePreprocessor(config.inputSize(), config.resizePolicy()),
                config.hyperparameters().batchSize(), AugmentationSettings.NONE, config.hyperparameters().seed(),
                false);
    }

    ImageBatchIterator train() {
        return train;
    }

    ImageBatchIterator validation() {
        return validation;
    }

    @Override
    public void close() {
        train.close();
        validation.close();
    }
}
