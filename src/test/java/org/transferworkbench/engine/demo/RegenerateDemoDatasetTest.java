package org.transferworkbench.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.transferworkbench.engine.demo.DemoDatasetGenerator.Settings;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.jobs.ProgressReporter;

/**
 * Not a check but the tool that (re)writes the committed demo set into this checkout; skipped unless asked for:
 * {@code mvn -B -o test -Dtest=RegenerateDemoDatasetTest -Ddemo.regenerate=true}. Surefire runs in the project
 * folder, so the relative default location lands in the source tree.
 */
@Tag("generate")
class RegenerateDemoDatasetTest {

    @Test
    @EnabledIfSystemProperty(named = "demo.regenerate", matches = "true")
    void regenerateCommittedDemoDataset() throws IOException {
        Path target = DemoDatasetGenerator.defaultLocation(Path.of(""));
        new DemoDatasetGenerator().generate(target, Settings.defaults(), ProgressReporter.silent(), CancellationToken.none());
        assertThat(DemoDatasetGenerator.isGenerated(target)).isTrue();
    }
}
