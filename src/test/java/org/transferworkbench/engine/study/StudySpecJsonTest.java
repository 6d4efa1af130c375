package org.transferworkbench.engine.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudySpecJsonTest {
    @TempDir
    Path dir;

    @BeforeEach
    void dataset() throws IOException {
        Files.createDirectories(dir.resolve("data/cells"));
    }

    private StudySpec read(String json) throws IOException {
        Path file = dir.resolve("study.json");
        Files.writeString(file, json.replace('\'', '"'));
        return StudySpecJson.read(file);
    }

    private static String study(String base, String arms, String seeds, String folds) {
        return "{'format': 'transfer-workbench study', 'formatVersion': 1, 'name': 'freeze', "
                + "'dataset': 'data/cells', 'base': " + base + ", 'arms': " + arms + ", 'seeds': " + seeds
                + ", 'folds': " + folds + "}";
    }

    private static final String ARMS = "[{'label': 'frozen', 'settings': {'freeze': 'conv'}},"
            + " {'label': 'blocks 1-3', 'settings': {'freeze': 'blocks:1-3', 'lr': 1e-4}}]";

    @Test
    void aGoodFileGivesArmsSeedsAndSettingsTypedAsText() throws IOException {
        StudySpec spec = read(study("{'model': 'vgg11', 'input': 32, 'epochs': 2, 'class-weights': true, "
                + "'group': '_(photo\\\\d+)_'}", ARMS, "[3, 5]", "4"));
        assertThat(spec.name()).isEqualTo("freeze");
        assertThat(spec.dataset()).isEqualTo(dir.resolve("data/cells").toAbsolutePath().normalize());
        assertThat(spec.arms()).extracting(StudyArm::label).containsExactly("frozen", "blocks 1-3");
        assertThat(spec.seeds()).containsExactly(3L, 5L);
        assertThat(spec.folds()).isEqualTo(4);
        assertThat(spec.repeatsPerArm()).isEqualTo(8);
        var settings = spec.settingsFor(spec.arm("blocks 1-3"), 5);
        assertThat(settings.get("input")).isEqualTo("32");
        assertThat(settings.get("class-weights")).isEqualTo("true");
        assertThat(settings.get("group")).isEqualTo("_(photo\\d+)_");
        assertThat(settings.get("lr")).isEqualTo("1.0E-4");
        assertThat(settings.get("seed")).isEqualTo("5");
        assertThat(settings.toRequest().hyper().learningRate()).isEqualTo(1e-4);
    }

    @Test
    void theDocumentedExampleIsAValidStudyOnTheDemoDataset() throws IOException {
        StudySpec spec = StudySpecJson.read(Path.of("docs/study-example.json"));
        assertThat(spec.dataset()).isEqualTo(Path.of("datasets/demo-cells").toAbsolutePath().normalize());
        assertThat(spec.arms()).hasSize(2);
        assertThat(spec.settingsFor(spec.arms().get(0), 1).toRequest().split().groupPattern())
                .isEqualTo("_(photo\\d+)_");
    }

    @Test
    void aSeedCountMeansSeedsFromOne() throws IOException {
        assertThat(read(study("{}", ARMS, "3", "0")).seeds()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void writtenAndReadBackItIsTheSameStudy() throws IOException {
        StudySpec spec = read(study("{'model': 'vgg11'}", ARMS, "[1, 2]", "0"));
        Path copy = dir.resolve("copy/study.json");
        Files.createDirectories(copy.getParent());
        StudySpecJson.write(copy, spec);
        assertThat(StudySpecJson.read(copy)).isEqualTo(spec);
    }

    @Test
    void weightsTextPassesThroughToTheWeightsParsing() throws IOException {
        StudySpec spec = read(study("{}", "[{'label': 'from a model', 'settings': {'weights': "
                + "'model:/nowhere/best-model.zip'}}]", "1", "0"));
        assertThat(spec.settingsFor(spec.arms().get(0), 1).toRequest().weights().source().toString())
                .contains("best-model.zip");
        assertThatThrownBy(() -> read(study("{}", "[{'label': 'w', 'settings': {'weights': 'nonsense:x'}}]",
                "1", "0"))).hasMessageContaining("Arm 'w':");
        StudySpec warm = read(study("{'model': 'vgg16'}", "[{'label': 'warm', 'settings': {'weights': "
                + "'warmstart:vgg11'}}]", "1", "0"));
        assertThat(warm.settingsFor(warm.arm("warm"), 1).toRequest().weights().source().cliText())
                .isEqualTo("warmstart:vgg11");
        assertThatThrownBy(() -> read(study("{'model': 'vgg11'}", "[{'label': 'warm', 'settings': {'weights': "
                + "'warmstart:vgg11'}}]", "1", "0"))).hasMessageContaining("Arm 'warm':");
    }

    @Test
    void badFilesAreRefusedWithOneClearSentence() {
        assertThatThrownBy(() -> read("{'name': 'x', "))
                .hasMessageContaining("is not valid JSON (line 1");
        assertThatThrownBy(() -> read(study("{'modle': 'vgg11'}", ARMS, "1", "0")))
                .hasMessageContaining("Unknown setting 'modle' in \"base\"");
        assertThatThrownBy(() -> read(study("{}", "[{'label': 'a', 'settings': {'group': 'x'}}]", "1", "0")))
                .hasMessageContaining("Setting 'group' in arm 'a' must be the same for every arm");
        assertThatThrownBy(() -> read(study("{'seed': 3}", ARMS, "1", "0")))
                .hasMessageContaining("Setting 'seed' in \"base\" is set by the study");
        assertThatThrownBy(() -> read(study("{'epochs': 'ten'}", ARMS, "1", "0")))
                .hasMessageContaining("Arm 'frozen': Setting 'epochs' must be a whole number; got 'ten'.");
        assertThatThrownBy(() -> read(study("{}", "[]", "1", "0")))
                .hasMessageContaining("at least one arm");
        assertThatThrownBy(() -> read(study("{}", "[{'label': 'a'}, {'label': 'a'}]", "1", "0")))
                .hasMessageContaining("Two arms are labelled 'a'");
        assertThatThrownBy(() -> read(study("{}", ARMS, "[1, 1]", "0")))
                .hasMessageContaining("repeat a value");
        assertThatThrownBy(() -> read(study("{}", ARMS, "['a']", "0")))
                .hasMessageContaining("\"seeds\" must hold whole numbers");
        assertThatThrownBy(() -> read(study("{}", ARMS, "1", "1")))
                .hasMessageContaining("\"folds\" must be 0");
        assertThatThrownBy(() -> read(study("{}", ARMS, "1", "0").replace("data/cells", "data/none")))
                .hasMessageContaining("dataset folder").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> read(study("{}", ARMS, "1", "0").replace("'formatVersion': 1", "'formatVersion': 9")))
                .hasMessageContaining("format version 9");
        assertThatThrownBy(() -> StudySpecJson.read(dir.resolve("missing.json")))
                .hasMessageContaining("does not exist");
    }
}
