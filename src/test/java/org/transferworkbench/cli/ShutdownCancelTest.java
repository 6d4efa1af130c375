package org.transferworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.model.weights.ZooWeights;

/** Ctrl-C waits for a running command to cancel; a command that has returned must let the program exit at once. */
class ShutdownCancelTest {

    @TempDir
    Path tmp;

    @Test
    void aFinishedCommandExitsWithoutWaitingOutTheCtrlCGracePeriod() throws Exception {
        // The command installs the Ctrl-C hook, fails (nothing listens on port 1) and returns. With a grace period
        // of ten minutes, a hook still waiting for the command at exit would keep the process alive past the wait.
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dtw.exitGraceMillis=600000",
                "-D" + ZooWeights.DIRECTORY_PROPERTY + "=" + tmp.resolve("zoo"),
                "-cp", System.getProperty("java.class.path"), "org.transferworkbench.Main",
                "weights", "download", "vgg16", "--weights-url", "http://127.0.0.1:1/"))
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        boolean exited = p.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        assertThat(exited).as("exited; output:%n%s", Files.readString(tmp.resolve("child.log"))).isTrue();
        assertThat(p.exitValue()).isNotZero();
    }

    @Test
    void theHookOfAReturnedCommandIsRemoved() {
        CancellationToken token = new CancellationToken();
        ShutdownCancel.install(token);
        assertThat(ShutdownCancel.installed()).isPositive();
        ShutdownCancel.commandEnded();
        assertThat(ShutdownCancel.installed()).isZero();
        assertThat(token.isCancelled()).isFalse();
    }
}
