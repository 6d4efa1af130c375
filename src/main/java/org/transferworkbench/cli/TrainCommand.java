package org.transferworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.transferworkbench.engine.experiment.EnvironmentInfo;
import org.transferworkbench.engine.experiment.ExperimentRequest;
import org.transferworkbench.engine.experiment.ExperimentResult;
import org.transferworkbench.engine.experiment.ExperimentRunner;
import org.transferworkbench.engine.experiment.TrainingSettings;
import org.transferworkbench.engine.experiment.WarmStartExperiment;
import org.transferworkbench.engine.experiment.WarmStartResult;
import org.transferworkbench.engine.jobs.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code train}: one run from a folder of images to a tested model. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        defaultValueProvider = TrainingDefaults.class,
        description = "Train a VGG network on a folder with one sub-folder per class, then test the best model.")
public final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCommand parent;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Dataset folder, one sub-folder per class (default: the embedded demo dataset).")
    Path data;

    @Option(names = "--name", description = "A name for the run (default: model and freeze plan).")
    String name;

    @Option(names = "--model", description = "vgg11, vgg13, vgg16c, vgg16 or vgg19 (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--freeze",
            description = "conv (feature extraction), none (fine-tune all), blocks:1-3, ...; add +fc to freeze the "
                    + "dense layers (default: ${DEFAULT-VALUE}).")
    String freeze;

    @Option(names = "--input",
            description = "Input size in pixels, a multiple of 32 from 32 to 224 (default: ${DEFAULT-VALUE}).")
    int input;

    @Option(names = "--head",
            description = "compact (global average pooling) or paper (fc 4096-4096) (default: ${DEFAULT-VALUE}).")
    String head;

    @Option(names = "--hidden",
            description = "Units of the compact head's dense layer, 0 for none (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--dropout", description = "Dropout in the head (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--epochs", description = "(default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--optimizer", description = "sgd, nesterov or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", description = "Learning rate (default: ${DEFAULT-VALUE}; with adam "
            + "use 1e-4 or less when conv blocks are trained).")
    double learningRate;

    @Option(names = "--momentum", description = "Nesterov momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", description = "(default: ${DEFAULT-VALUE})")
    double weightDecay;

    @Option(names = "--conv-lr-factor",
            description = "Learning-rate factor for trained conv blocks, e.g. 0.1 (default: ${DEFAULT-VALUE}).")
    double convLrFactor;

    @Option(names = "--patience",
            description = "Early stopping after this many epochs without better validation accuracy; 0 = off "
                    + "(default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--class-weights", description = "Weight the loss by inverse class frequency.")
    boolean classWeights;

    @Option(names = "--seed", description = "Seed of weights, split and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--split", description = "Train, validation and test fractions (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--group", paramLabel = "REGEX",
            description = "Group key over file names; a group never straddles two splits, e.g. '^(BloodImage_\\d+)'.")
    String group;

    @Option(names = "--reuse-split", paramLabel = "CSV", description = "Reuse a split manifest (a run's split.csv).")
    Path reuseSplit;

    @Option(names = "--augment",
            description = "none or a list: hflip,vflip,rot=15,crop,brightness=0.2,contrast=0.2 (default: ${DEFAULT-VALUE}).")
    String augment;

    @Option(names = "--resize",
            description = "crop (shorter side, centre crop) or letterbox (default: ${DEFAULT-VALUE}).")
    String resize;

    @Option(names = "--weights", paramLabel = "SOURCE",
            description = "Starting weights: random, imagenet (DL4J zoo file, downloaded once and cached), "
                    + "keras:FILE.h5 (keras-applications weights), model:FILE.zip (a run's model), "
                    + "warmstart:vgg11 (train VGG11 first, then start this deeper net from it, as in the paper) or "
                    + "warmstart:RUN|FILE.zip (from an existing VGG11 run or model) (default: ${DEFAULT-VALUE}).")
    String weights;

    @Option(names = "--weights-url", paramLabel = "URL",
            description = "Base URL for --weights imagenet (default: DL4J's, or -Dorg.deeplearning4j.resources.baseurl).")
    String weightsUrl;

    @Option(names = "--keep-imagenet-head",
            description = "Keep the 1000-class ImageNet output layer (needs --head paper --input 224; class folders "
                    + "must be named after ImageNet classes).")
    boolean keepImagenetHead;

    @Mixin
    GpuOption gpuOption = new GpuOption();

    @Override
    public Integer call() throws Exception {
        ExperimentRequest request = request();
        ExperimentRunner runner = gpuOption.apply(new ExperimentRunner(parent.runStore()), System.out);
        CancellationToken cancel = new CancellationToken();
        ConsoleProgress console = new ConsoleProgress(System.out, System.err, request.hyper().epochs());
        ShutdownCancel.install(cancel);
        System.out.println("Device: " + EnvironmentInfo.deviceDescription());
        if (WarmStartExperiment.appliesTo(request)) {
            WarmStartResult result = new WarmStartExperiment(runner).run(request, console, cancel);
            console.finished(result.warmup());
            if (result.target() != null) {
                console.finished(result.target());
            }
            System.out.println(result.summary());
            return Cli.exitCode(result.state());
        }
        ExperimentResult result = runner.run(request, console, cancel);
        console.finished(result);
        return Cli.exitCode(result.state());
    }

    /** Every option through the shared {@link TrainingSettings}, so a study file's settings mean the same. */
    ExperimentRequest request() {
        try {
            return settings().toRequest();
        } catch (IllegalArgumentException e) {
            // on the command line a setting is an option: "Setting 'split' takes ..." reads "--split takes ..."
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^Setting '([a-z-]+)'", "--$1"), e);
        }
    }

    private TrainingSettings settings() {
        return TrainingSettings.defaults()
                .with("data", (data != null ? data : Defaults.demoDataset()).toString())
                .with("name", name).with("model", model).with("freeze", freeze)
                .with("input", String.valueOf(input)).with("head", head).with("hidden", String.valueOf(hidden))
                .with("dropout", String.valueOf(dropout)).with("epochs", String.valueOf(epochs))
                .with("batch", String.valueOf(batch)).with("optimizer", optimizer)
                .with("lr", String.valueOf(learningRate)).with("momentum", String.valueOf(momentum))
                .with("weight-decay", String.valueOf(weightDecay))
                .with("conv-lr-factor", String.valueOf(convLrFactor)).with("patience", String.valueOf(patience))
                .with("class-weights", String.valueOf(classWeights)).with("seed", String.valueOf(seed))
                .with("split", split).with("group", group)
                .with("reuse-split", reuseSplit == null ? null : reuseSplit.toString())
                .with("augment", augment).with("resize", resize).with("weights", weights)
                .with("weights-url", weightsUrl).with("keep-imagenet-head", String.valueOf(keepImagenetHead));
    }
}
