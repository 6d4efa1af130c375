package org.transferworkbench.cli;

import org.transferworkbench.engine.experiment.TrainingSettings;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code train}'s defaults come from {@link TrainingSettings}, where study files and the window find them too. */
public final class TrainingDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option && option.longestName().startsWith("--")) {
            String key = option.longestName().substring(2);
            if (TrainingSettings.isKnown(key)) {
                String value = TrainingSettings.defaultOf(key);
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
