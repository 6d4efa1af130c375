package org.transferworkbench.ui.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.transferworkbench.engine.data.DatasetScan;
import org.transferworkbench.engine.data.DatasetScanner;
import org.transferworkbench.engine.data.DatasetSplitter;
import org.transferworkbench.engine.data.GroupingSummary;
import org.transferworkbench.engine.data.ImageRecord;
import org.transferworkbench.engine.data.SkippedFile;
import org.transferworkbench.engine.data.Split;
import org.transferworkbench.engine.data.SplitManifest;
import org.transferworkbench.engine.data.SplitSpec;
import org.transferworkbench.engine.demo.DemoDatasetGenerator;
import org.transferworkbench.engine.experiment.Errors;
import org.transferworkbench.ui.fx.BackgroundJob;
import org.transferworkbench.ui.fx.JobHandle;
import org.transferworkbench.ui.fx.WorkbenchContext;

/** The imported dataset, its split and its augmentation: everything the Dataset tab shows and edits. */
public final class DatasetViewModel {
    static final String LAST_DATASET = "dataset.last";
    private static final int SAMPLES_PER_CLASS = 8;

    private final WorkbenchContext context;
    private final ReadOnlyObjectWrapper<DatasetScan> scan = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty importing = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No dataset yet.");
    private final ReadOnlyStringWrapper warnings = new ReadOnlyStringWrapper("");
    private final ObservableList<ClassRow> classRows = FXCollections.observableArrayList();
    private final ObservableList<SkippedFile> skipped = FXCollections.observableArrayList();
    private final SplitSettings split = new SplitSettings();
    private final AugmentationToggles augmentation = new AugmentationToggles();
    private final ObjectProperty<Path> reuseSplit = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper groupPreview = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper splitError = new ReadOnlyStringWrapper("");
    private final ObservableList<SplitRow> splitRows = FXCollections.observableArrayList();
    private final AtomicLong previewGeneration = new AtomicLong();
    private final BooleanBinding ready;

    public DatasetViewModel(WorkbenchContext context) {
        this.context = context;
        ready = Bindings.createBooleanBinding(() -> scan.get() != null && scan.get().classNames().size() >= 2
                && splitError.get().isEmpty() && !importing.get(), scan, splitError, importing);
        Observable[] inputs = {split.trainProperty(), split.validationProperty(), split.testProperty(),
            split.seedProperty(), split.groupPatternProperty(), reuseSplit, scan};
        for (Observable input : inputs) {
            input.addListener(o -> refreshSplitPreview());
        }
    }

    /** The folder remembered from the last session, if it still exists. */
    public Path rememberedFolder() {
        String last = context.settings().get(LAST_DATASET, null);
        return last != null && Files.isDirectory(Path.of(last)) ? Path.of(last) : null;
    }

    public Path demoFolder() {
        return DemoDatasetGenerator.defaultLocation(context.home());
    }

    public JobHandle importFolder(Path folder) {
        importing.set(true);
        status.set("Scanning " + folder + " …");
        return context.executor().submit(BackgroundJob.<DatasetScan>titled("Importing " + folder.getFileName(),
                (progress, cancel) -> new DatasetScanner().scan(folder, progress, cancel))
                .onSucceeded(this::accept)
                .onFailed(e -> {
                    importing.set(false);
                    status.set("Import failed: " + Errors.sentence(e));
                })
                .onCancelled(() -> {
                    importing.set(false);
                    status.set("Import cancelled.");
                })
                .build());
    }

    /** The embedded demo dataset, generated first when this checkout lacks it. */
    public JobHandle useDemoDataset() {
        Path demo = demoFolder();
        if (Files.isDirectory(demo)) {
            return importFolder(demo);
        }
        importing.set(true);
        return context.executor().submit(BackgroundJob.<Path>titled("Generating the demo dataset",
                (progress, cancel) -> {
                    new DemoDatasetGenerator().generate(demo, DemoDatasetGenerator.Settings.defaults(), progress,
                            cancel);
                    return demo;
                }).onSucceeded(this::importFolder)
                .onFailed(e -> {
                    importing.set(false);
                    status.set("Could not generate the demo dataset: " + Errors.sentence(e));
                }).build());
    }

    private void accept(DatasetScan result) {
        List<ClassRow> rows = new ArrayList<>();
        int total = result.images().size();
        for (Map.Entry<String, Integer> e : result.countsByClass().entrySet()) {
            List<Path> samples = result.images().stream().filter(i -> i.className().equals(e.getKey()))
                    .limit(SAMPLES_PER_CLASS).map(ImageRecord::relativePath).map(result.root()::resolve).toList();
            rows.add(new ClassRow(e.getKey(), e.getValue(), total == 0 ? 0 : (double) e.getValue() / total, samples));
        }
        classRows.setAll(rows);
        skipped.setAll(result.skipped());
        warnings.set(String.join("\n", result.warnings()));
        status.set(total + " images in " + result.classNames().size() + " classes, " + result.skipped().size()
                + " files skipped — " + result.root());
        if (result.root().equals(demoFolder()) && split.groupPatternProperty().get().isBlank()) {
            split.groupPatternProperty().set(DemoDatasetGenerator.GROUP_PATTERN);
        }
        importing.set(false);
        scan.set(result);
        context.settings().put(LAST_DATASET, result.root().toString());
    }

    private void refreshSplitPreview() {
        DatasetScan current = scan.get();
        if (current == null) {
            return;
        }
        long generation = previewGeneration.incrementAndGet();
        Path reuse = reuseSplit.get();
        SplitSpec spec;
        try {
            spec = split.toSpec();
        } catch (IllegalArgumentException e) {
            showSplit(generation, List.of(), "", e.getMessage());
            return;
        }
        context.executor().submit(BackgroundJob.<SplitPreview>titled("Previewing the split", (progress, cancel) -> {
            GroupingSummary groups = new DatasetSplitter().summarizeGroups(current, spec.groupPattern());
            SplitManifest manifest;
            if (reuse != null) {
                manifest = SplitManifest.read(reuse);
                manifest.verifyAgainst(current);
            } else {
                manifest = new DatasetSplitter().split(current, spec);
            }
            return new SplitPreview(groups, manifest);
        }).onSucceeded(p -> showSplit(generation, rowsOf(p.manifest()), groupText(p.groups(), spec), ""))
                .onFailed(e -> showSplit(generation, List.of(), "", Errors.sentence(e)))
                .build());
    }

    private record SplitPreview(GroupingSummary groups, SplitManifest manifest) { }

    private static String groupText(GroupingSummary g, SplitSpec spec) {
        if (spec.groupPattern() == null) {
            return "No group pattern: each image is its own group (" + g.groupCount() + ").";
        }
        return g.groupCount() + " groups; " + g.unmatchedFileCount() + " files do not match and stand alone.";
    }

    private void showSplit(long generation, List<SplitRow> rows, String groups, String error) {
        if (generation != previewGeneration.get()) {
            return; // a newer preview is on its way
        }
        splitRows.setAll(rows);
        groupPreview.set(groups);
        splitError.set(error == null ? "" : error);
    }

    private static List<SplitRow> rowsOf(SplitManifest manifest) {
        List<SplitRow> rows = new ArrayList<>();
        manifest.countsByClass().forEach((name, counts) -> rows.add(new SplitRow(name, counts.get(Split.TRAIN),
                counts.get(Split.VALIDATION), counts.get(Split.TEST))));
        return rows;
    }

    public ReadOnlyObjectProperty<DatasetScan> scanProperty() {
        return scan.getReadOnlyProperty();
    }

    public BooleanProperty importingProperty() {
        return importing;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    public ObservableList<ClassRow> classRows() {
        return classRows;
    }

    public ObservableList<SkippedFile> skipped() {
        return skipped;
    }

    public SplitSettings split() {
        return split;
    }

    public AugmentationToggles augmentation() {
        return augmentation;
    }

    public ObjectProperty<Path> reuseSplitProperty() {
        return reuseSplit;
    }

    public ReadOnlyStringProperty groupPreviewProperty() {
        return groupPreview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty splitErrorProperty() {
        return splitError.getReadOnlyProperty();
    }

    public ObservableList<SplitRow> splitRows() {
        return splitRows;
    }

    /** True when a dataset with at least two classes is imported and the split settings are valid. */
    public BooleanBinding readyProperty() {
        return ready;
    }
}
