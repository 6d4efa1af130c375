package org.transferworkbench.cli;

import org.transferworkbench.engine.experiment.EnvironmentInfo;
import picocli.CommandLine.IVersionProvider;

/** --version: the Workbench's version and the deep-learning library it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Transfer Workbench " + EnvironmentInfo.workbenchVersion(),
            "Deeplearning4j " + EnvironmentInfo.DL4J_VERSION + ", Java " + System.getProperty("java.version")};
    }
}
