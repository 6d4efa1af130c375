package org.transferworkbench.ui.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.transferworkbench.engine.experiment.ExperimentListener;
import org.transferworkbench.engine.experiment.ExperimentRunner;
import org.transferworkbench.engine.explain.Explanation;
import org.transferworkbench.engine.jobs.CancellationToken;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunStore;
import org.transferworkbench.testing.ShapesDataset;
import org.transferworkbench.testing.TinyRuns;
import org.transferworkbench.ui.evaluation.EvaluationViewModel;
import org.transferworkbench.ui.evaluation.TestPrediction;
import org.transferworkbench.ui.fx.CurrentThreadTaskExecutor;
import org.transferworkbench.ui.fx.WorkbenchContext;
import org.transferworkbench.ui.fx.WorkbenchSettings;
import org.transferworkbench.ui.predict.PredictViewModel;

/** Grad-CAM from the Evaluation gallery and the Predict list, on a real tiny run, with a synchronous executor. */
class GradCamViewModelTest {

    @TempDir
    Path tmp;

    @Test
    void showsThePredictedClassMapFirstThenFollowsLayerAndClassChoicesAndExports() throws Exception {
        Path data = ShapesDataset.write(tmp.resolve("shapes"), 8, 32, 4);
        RunStore store = new RunStore(tmp.resolve("runs"));
        RunDirectory run = new ExperimentRunner(store).run(TinyRuns.request(data, "cam", 1),
                new ExperimentListener() { }, CancellationToken.none()).run();
        WorkbenchContext context = new WorkbenchContext(tmp, store,
                new WorkbenchSettings(Preferences.userRoot().node("tw-test-gradcam")), new CurrentThreadTaskExecutor());
        GradCamModels models = new GradCamModels();
        EvaluationViewModel evaluation = new EvaluationViewModel(context, models);
        Path image = data.resolve("red_disc").resolve("img_002.png");
        assertThat(evaluation.gradCam(image)).as("no run shown yet").isNull();
        evaluation.load(run);
        // the gallery holds the wrong answers, or the right ones: together every test image, once
        java.util.List<TestPrediction> wrong = java.util.List.copyOf(evaluation.gallery());
        evaluation.galleryShowsCorrectProperty().set(true);
        java.util.List<TestPrediction> right = java.util.List.copyOf(evaluation.gallery());
        assertThat(wrong).noneMatch(TestPrediction::correct);
        assertThat(right).isNotEmpty().allMatch(TestPrediction::correct);
        assertThat(wrong.size() + right.size()).isEqualTo(evaluation.reportProperty().get().images());
        assertThat(right).extracting(TestPrediction::confidence).isSorted();

        GradCamViewModel cam = evaluation.gradCam(image);
        cam.open();

        assertThat(cam.layers()).containsExactly("block1_conv1", "block2_conv1", "block3_conv1", "block3_conv2",
                "block4_conv1", "block4_conv2", "block5_conv1", "block5_conv2");
        assertThat(cam.layerProperty().get()).isEqualTo("block5_conv2");
        assertThat(cam.classChoices()).containsExactly(GradCamViewModel.PREDICTED, "blue_triangle", "green_square",
                "red_disc");
        Explanation first = cam.resultProperty().get();
        assertThat(first.targetClass()).isEqualTo(first.predictedClass());
        assertThat(first.map().height()).isEqualTo(2); // 32 px after four poolings
        assertThat(cam.messageProperty().get()).startsWith("Predicted " + first.predictedClass() + " (")
                .contains("at block5_conv2");
        assertThat(cam.busyProperty().get()).isFalse();

        cam.layerProperty().set("block3_conv1");
        assertThat(cam.resultProperty().get().map().layer()).isEqualTo("block3_conv1");
        assertThat(cam.resultProperty().get().map().height()).isEqualTo(8);
        String other = first.predictedClass().equals("green_square") ? "blue_triangle" : "green_square";
        cam.classChoiceProperty().set(other);
        assertThat(cam.resultProperty().get().targetClass()).isEqualTo(other);
        assertThat(cam.messageProperty().get()).contains("map for " + other);

        Path export = tmp.resolve("figures").resolve(cam.suggestedFileName());
        cam.exportPng(export);
        assertThat(export).isRegularFile().hasFileName("img_002.gradcam.png");
        assertThat(export.resolveSibling("img_002.gradcam-raw.png")).isRegularFile();
        assertThat(cam.messageProperty().get()).startsWith("Saved " + export);

        // the Predict tab explains with the model that classified the row, and shares the loaded model
        PredictViewModel predict = new PredictViewModel(context, models);
        predict.runProperty().set(run);
        predict.classify(List.of(image));
        assertThat(predict.gradCamOfSelected()).as("nothing selected").isNull();
        predict.selectedProperty().set(predict.results().get(0));
        GradCamViewModel fromPredict = predict.gradCamOfSelected();
        fromPredict.open();
        assertThat(fromPredict.run().id()).isEqualTo(run.id());
        assertThat(fromPredict.resultProperty().get().map().values()).isEqualTo(first.map().values());
        assertThat(models.forRun(run)).isSameAs(models.forRun(run));

        Path junk = Files.writeString(tmp.resolve("notes.png"), "not an image");
        GradCamViewModel broken = evaluation.gradCam(junk);
        broken.open();
        assertThat(broken.resultProperty().get()).isNull();
        assertThat(broken.messageProperty().get()).startsWith("Could not compute the Grad-CAM: ");
        assertThat(broken.busyProperty().get()).isFalse();
    }
}
