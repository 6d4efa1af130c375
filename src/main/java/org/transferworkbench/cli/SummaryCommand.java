package org.transferworkbench.cli;

import java.util.concurrent.Callable;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.ModelSummary;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.VggVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code summary}: the layer table of a network, without building it. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Print a network's layers, output shapes, parameter counts and frozen/trainable state.")
public final class SummaryCommand implements Callable<Integer> {

    @Option(names = "--model", defaultValue = "vgg16", description = "(default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--input", defaultValue = "224", description = "(default: ${DEFAULT-VALUE})")
    int input;

    @Option(names = "--head", defaultValue = "paper", description = "paper or compact (default: ${DEFAULT-VALUE})")
    String head;

    @Option(names = "--hidden", defaultValue = "256", description = "Compact head's dense units (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--classes", defaultValue = "1000", description = "(default: ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--freeze", defaultValue = "none", description = "(default: ${DEFAULT-VALUE})")
    String freeze;

    @Override
    public Integer call() {
        HeadType h = HeadType.parse(head);
        ModelSpec spec = new ModelSpec(VggVariant.parse(model), input, classes, h,
                h == HeadType.COMPACT ? hidden : 0, 0.5);
        System.out.print(new ModelSummary(VggLayout.of(spec), FreezePlan.parse(freeze)).toText());
        return 0;
    }
}
