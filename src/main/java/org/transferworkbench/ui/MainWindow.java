package org.transferworkbench.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import org.transferworkbench.engine.experiment.ExperimentRequest;
import org.transferworkbench.engine.runs.RunDirectory;
import org.transferworkbench.engine.runs.RunConfig;
import org.transferworkbench.ui.dataset.DatasetView;
import org.transferworkbench.ui.dataset.DatasetViewModel;
import org.transferworkbench.ui.evaluation.EvaluationView;
import org.transferworkbench.ui.evaluation.EvaluationViewModel;
import org.transferworkbench.ui.explain.GradCamModels;
import org.transferworkbench.ui.fx.StatusBar;
import org.transferworkbench.ui.fx.WorkbenchContext;
import org.transferworkbench.ui.model.HyperparametersViewModel;
import org.transferworkbench.ui.model.ModelView;
import org.transferworkbench.ui.model.ModelViewModel;
import org.transferworkbench.ui.predict.PredictView;
import org.transferworkbench.ui.predict.PredictViewModel;
import org.transferworkbench.ui.runs.RunRow;
import org.transferworkbench.ui.runs.RunsView;
import org.transferworkbench.ui.runs.RunsViewModel;
import org.transferworkbench.ui.study.StudiesView;
import org.transferworkbench.ui.study.StudyRow;
import org.transferworkbench.ui.study.StudiesViewModel;
import org.transferworkbench.ui.training.TrainingView;
import org.transferworkbench.ui.training.TrainingViewModel;

/** Wires the feature view-models and views into one window of tabs. */
public final class MainWindow {
    private final WorkbenchContext context;
    private final DatasetViewModel dataset;
    private final ModelViewModel model = new ModelViewModel();
    private final HyperparametersViewModel hyper = new HyperparametersViewModel();
    private final TrainingViewModel training;
    private final RunsViewModel runs;
    private final StudiesViewModel studies;
    private final EvaluationViewModel evaluation;
    private final PredictViewModel predict;
    private final SettingsMemory memory;
    private final TabPane tabs = new TabPane();
    private final BorderPane root = new BorderPane();
    private final TrainingView trainingView;
    private final RunsView runsView;

    public MainWindow(WorkbenchContext context) {
        this.context = context;
        dataset = new DatasetViewModel(context);
        training = new TrainingViewModel(context, this::request);
        runs = new RunsViewModel(context);
        studies = new StudiesViewModel(context, this::request);
        GradCamModels gradCamModels = new GradCamModels();
        evaluation = new EvaluationViewModel(context, gradCamModels);
        predict = new PredictViewModel(context, gradCamModels);
        memory = new SettingsMemory(context.settings());
        memory.restore(dataset, model, hyper);
        wire();
        trainingView = new TrainingView(training);
        runsView = new RunsView(runs, this::showEvaluation);
        tabs.getTabs().addAll(tab("Dataset", new DatasetView(dataset).root()),
                tab("Model", new ModelView(model, hyper).root()),
                tab("Training", trainingView.root()),
                tab("Runs", runsView.root()),
                tab("Studies", new StudiesView(studies).root()),
                tab("Evaluation", new EvaluationView(evaluation).root()),
                tab("Predict", new PredictView(predict).root()));
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Label device = new Label();
        device.textProperty().bind(training.deviceProperty());
        root.setCenter(tabs);
        root.setBottom(new StatusBar(context.executor(), device).node());
        acceptDroppedFolders();
    }

    private void wire() {
        dataset.scanProperty().addListener((obs, old, scan) -> {
            if (scan != null) {
                model.classCountProperty().set(Math.max(2, scan.classNames().size()));
            }
        });
        training.inputsValidProperty().bind(dataset.readyProperty().and(hyper.validProperty()));
        training.lastEndProperty().addListener((obs, old, end) -> {
            runs.refresh();
            predict.refreshRuns();
            if (end != null && end.runId() != null) {
                try {
                    showEvaluationQuietly(context.runStore().open(end.runId()));
                } catch (java.io.IOException e) {
                    // the run folder is gone: nothing to show
                }
            }
        });
        runs.setNewRunHandler(this::newRunFrom);
        studies.setRunsChangedHandler(runs::refresh);
        runs.setResumeHandler(run -> {
            training.resume(run);
            // the resumed run's log, progress and charts show in the Training tab
            tabs.getTabs().stream().filter(t -> "Training".equals(t.getText())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        runs.rows().addListener((javafx.collections.ListChangeListener<RunRow>) c -> showNewestEvaluation());
    }

    /** So the Evaluation tab is not empty after a restart: the newest run with a test evaluation. */
    private void showNewestEvaluation() {
        if (evaluation.runProperty().get() == null) {
            runs.rows().stream().filter(r -> r.testAccuracy() != null && !Double.isNaN(r.testAccuracy()))
                    .findFirst().ifPresent(r -> evaluation.load(r.run()));
        }
    }

    /** Starts the window's first work: device lookup, runs, and the remembered (or no) dataset. */
    public void start() {
        training.detectDevice();
        runs.refresh();
        studies.refresh();
        predict.refreshRuns();
        String given = System.getProperty("tw.dataset");
        Path last = given != null ? Path.of(given) : dataset.rememberedFolder();
        if (last != null) {
            dataset.importFolder(last);
        }
        startDemoHooks();
    }

    /**
     * For scripts/screenshots.sh: -Dtw.tab=model selects a tab, -Dtw.autostart=true trains once data is ready,
     * -Dtw.compareRuns=true selects every run in the Runs tab, -Dtw.showStudy=true shows the newest study,
     * -Dtw.predict=FILE,FOLDER classifies with the newest run.
     */
    private void startDemoHooks() {
        String tab = System.getProperty("tw.tab");
        if (tab != null) {
            tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(tab)).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        }
        if (Boolean.getBoolean("tw.autostart")) {
            training.canStartProperty().addListener((obs, was, can) -> {
                if (can && training.epochs().isEmpty() && !training.runningProperty().get()) {
                    training.start();
                }
            });
        }
        if (Boolean.getBoolean("tw.compareRuns")) {
            runs.rows().addListener((javafx.collections.ListChangeListener<RunRow>) c -> runsView.selectAll());
        }
        if (Boolean.getBoolean("tw.showStudy")) {
            studies.rows().addListener((javafx.collections.ListChangeListener<StudyRow>) c -> {
                if (studies.selectedProperty().get() == null && !studies.rows().isEmpty()) {
                    studies.selectedProperty().set(studies.rows().get(0));
                }
            });
        }
        String toPredict = System.getProperty("tw.predict");
        if (toPredict != null && !toPredict.isBlank()) {
            predict.runProperty().addListener((obs, old, run) -> {
                if (run != null && old == null) {
                    predict.classify(java.util.Arrays.stream(toPredict.split(",")).map(Path::of).toList());
                }
            });
        }
    }

    private ExperimentRequest request() {
        if (dataset.scanProperty().get() == null) {
            throw new IllegalArgumentException("Import a dataset first.");
        }
        return new ExperimentRequest(dataset.scanProperty().get().root(), null, model.variantProperty().get(),
                model.inputSizeProperty().get(), model.headProperty().get(), model.hiddenUnitsProperty().get(),
                model.dropoutProperty().get(), model.freezePlanProperty().get(), hyper.toHyperparameters(),
                dataset.split().toSpec(), dataset.reuseSplitProperty().get(), dataset.augmentation().toSettings(),
                null, model.weightsChoice());
    }

    private void newRunFrom(RunConfig config) {
        SettingsMemory.load(config, dataset, model, hyper);
        Path data = Path.of(config.datasetRoot());
        if (Files.isDirectory(data) && (dataset.scanProperty().get() == null
                || !dataset.scanProperty().get().root().equals(data))) {
            dataset.importFolder(data);
        }
        tabs.getSelectionModel().select(1);
    }

    private void showEvaluation(RunDirectory run) {
        evaluation.load(run);
        tabs.getSelectionModel().select(4);
    }

    private void showEvaluationQuietly(RunDirectory run) {
        evaluation.load(run);
    }

    private void acceptDroppedFolders() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(File::isDirectory)) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        root.setOnDragDropped(e -> {
            e.getDragboard().getFiles().stream().filter(File::isDirectory).findFirst().ifPresent(dir -> {
                dataset.importFolder(dir.toPath());
                tabs.getSelectionModel().select(0);
            });
            e.setDropCompleted(true);
            e.consume();
        });
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
        return tab;
    }

    public Parent root() {
        return root;
    }

    /** Saves the forms, cancels running work and waits briefly so a training run is marked cancelled on disk. */
    public void close(Duration wait) {
        memory.save(dataset, model, hyper);
        trainingView.dispose();
        training.cancelForShutdown();
        context.executor().shutdown(wait);
    }

    DatasetViewModel dataset() {
        return dataset;
    }

    ModelViewModel model() {
        return model;
    }

    TrainingViewModel training() {
        return training;
    }
}
