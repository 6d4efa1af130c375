package org.transferworkbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.transferworkbench.engine.data.AugmentationSettings;
import org.transferworkbench.engine.data.ResizePolicy;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.experiment.EnvironmentInfo;
import org.transferworkbench.engine.experiment.ExperimentRequest;
import org.transferworkbench.engine.experiment.ExperimentResult;
import org.transferworkbench.engine.experiment.ExperimentRunner;
import org.transferworkbench.engine.experiment.WarmStartExperiment;
import org.transferworkbench.engine.experiment.WarmStartResult;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.model.weights.WeightsChoice;
import org.transferworkbench.engine.model.weights.WeightsSource;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code train}: one run from a folder of images to a tested model. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a VGG network on a folder with one sub-folder per class, then test the best model.")
public final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    WorkbenchCommand parent;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Dataset folder, one sub-folder per class (default: the embedded demo dataset).")
    Path data;

    @Option(names = "--name", description = "A name for the run (default: model and freeze plan).")
    String name;

    @Option(names = "--model", defaultValue = "vgg16",
            description = "vgg11, vgg13, vgg16c, vgg16 or vgg19 (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--freeze", defaultValue = "conv",
            description = "conv (feature extraction), none (fine-tune all), blocks:1-3, ...; add +fc to freeze the "
                    + "dense layers (default: ${DEFAULT-VALUE}).")
    String freeze;

    @Option(names = "--input", defaultValue = "64",
            description = "Input size in pixels, a multiple of 32 from 32 to 224 (default: ${DEFAULT-VALUE}).")
    int input;

    @Option(names = "--head", defaultValue = "compact",
            description = "compact (global average pooling) or paper (fc 4096-4096) (default: ${DEFAULT-VALUE}).")
    String head;

    @Option(names = "--hidden", defaultValue = "256",
            description = "Units of the compact head's dense layer, 0 for none (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--dropout", defaultValue = "0.5", description = "Dropout in the head (default: ${DEFAULT-VALUE}).")
    double dropout;

    @Option(names = "--epochs", defaultValue = "10", description = "(default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "16", description = "Minibatch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--optimizer", defaultValue = "adam", description = "sgd, nesterov or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", defaultValue = "1e-3", description = "Learning rate (default: ${DEFAULT-VALUE}; with adam "
            + "use 1e-4 or less when conv blocks are trained).")
    double learningRate;

    @Option(names = "--momentum", defaultValue = "0.9", description = "Nesterov momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", defaultValue = "0", description = "(default: ${DEFAULT-VALUE})")
    double weightDecay;

    @Option(names = "--conv-lr-factor", defaultValue = "1",
            description = "Learning-rate factor for trained conv blocks, e.g. 0.1 (default: ${DEFAULT-VALUE}).")
    double convLrFactor;

    @Option(names = "--patience", defaultValue = "5",
            description = "Early stopping after this many epochs without better validation accuracy; 0 = off "
                    + "(default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--class-weights", description = "Weight the loss by inverse class frequency.")
    boolean classWeights;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of weights, split and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--split", defaultValue = "0.70,0.15,0.15",
            description = "Train, validation and test fractions (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--group", paramLabel = "REGEX",
            description = "Group key over file names; a group never straddles two splits, e.g. '^(BloodImage_\\d+)'.")
    String group;

    @Option(names = "--reuse-split", paramLabel = "CSV", description = "Reuse a split manifest (a run's split.csv).")
    Path reuseSplit;

    @Option(names = "--augment", defaultValue = "none",
            description = "none or a list: hflip,vflip,rot=15,crop,brightness=0.2,contrast=0.2 (default: ${DEFAULT-VALUE}).")
    String augment;

    @Option(names = "--resize", defaultValue = "crop",
            description = "crop (shorter side, centre crop) or letterbox (default: ${DEFAULT-VALUE}).")
    String resize;

    @Option(names = "--weights", defaultValue = "random", paramLabel = "SOURCE",
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

    @Override
    public Integer call() throws Exception {
        ExperimentRequest request = request();
        CancellationToken cancel = new CancellationToken();
        ConsoleProgress console = new ConsoleProgress(System.out, System.err, request.hyper().epochs());
        ShutdownCancel.install(cancel);
        System.out.println("Device: " + EnvironmentInfo.deviceDescription());
        ExperimentRunner runner = new ExperimentRunner(parent.runStore());
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

    ExperimentRequest request() {
        Hyperparameters hyper = new Hyperparameters(Optimizer.parse(optimizer), learningRate, momentum, batch, epochs,
                weightDecay, seed, patience, convLrFactor, classWeights);
        return new ExperimentRequest(data != null ? data : Defaults.demoDataset(), name, VggVariant.parse(model),
                input, HeadType.parse(head), hidden, dropout, FreezePlan.parse(freeze), hyper, splitSpec(), reuseSplit,
                AugmentationSettings.parse(augment), resizePolicy(),
                new WeightsChoice(WeightsSource.parse(weights), keepImagenetHead, weightsUrl));
    }

    private SplitSpec splitSpec() {
        String[] parts = split.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("--split takes three fractions, e.g. 0.7,0.15,0.15.");
        }
        return new SplitSpec(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()),
                Double.parseDouble(parts[2].trim()), seed, group);
    }

    private ResizePolicy resizePolicy() {
        return switch (resize.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "crop", "center-crop", "centre-crop" -> ResizePolicy.SHORTER_SIDE_CENTER_CROP;
            case "letterbox", "pad" -> ResizePolicy.LETTERBOX;
            default -> throw new IllegalArgumentException("--resize must be crop or letterbox.");
        };
    }
}
