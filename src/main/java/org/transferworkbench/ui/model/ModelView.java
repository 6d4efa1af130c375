package org.transferworkbench.ui.model;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.training.Optimizer;
import org.transferworkbench.ui.fx.FormGrid;
import org.transferworkbench.ui.fx.Formats;

/** The Model tab: network choice, the layer table with freeze switches, and the hyper-parameters. */
public final class ModelView {
    static final String RANDOM_WEIGHTS = "Random initialisation";
    static final String IMAGENET_WEIGHTS = "ImageNet (coming)";
    /** The paper's scheme: a VGG11 run first, then this network from its first four convolutions and head. */
    static final String WARM_START_WEIGHTS = "Warm start from VGG11 (trains VGG11 first)";
    private final ModelViewModel vm;
    private final HyperparametersViewModel hyper;
    private final SplitPane root;

    public ModelView(ModelViewModel vm, HyperparametersViewModel hyper) {
        this.vm = vm;
        this.hyper = hyper;
        NetworkTable table = new NetworkTable(vm);
        VBox left = new VBox(8, networkForm(), presets(), table.node(), totals());
        VBox.setVgrow(table.node(), Priority.ALWAYS);
        left.getStyleClass().add("pane");
        ScrollPane right = new ScrollPane(hyperForm());
        right.setFitToWidth(true);
        right.getStyleClass().add("pane");
        root = new SplitPane(left, right);
        root.setDividerPositions(0.62);
        root.setId("modelView");
    }

    public Node root() {
        return root;
    }

    private Node networkForm() {
        ComboBox<VggVariant> variant = new ComboBox<>(FXCollections.observableArrayList(VggVariant.values()));
        variant.setId("variantChoice");
        variant.valueProperty().bindBidirectional(vm.variantProperty());
        ComboBox<String> weights = new ComboBox<>(FXCollections.observableArrayList(RANDOM_WEIGHTS,
                WARM_START_WEIGHTS, IMAGENET_WEIGHTS));
        weights.setId("weightsChoice");
        weights.setValue(vm.warmStartFromVgg11Property().get() ? WARM_START_WEIGHTS : RANDOM_WEIGHTS);
        weights.valueProperty().addListener((obs, old, now) ->
                vm.warmStartFromVgg11Property().set(WARM_START_WEIGHTS.equals(now)));
        vm.warmStartFromVgg11Property().addListener((obs, old, now) ->
                weights.setValue(now ? WARM_START_WEIGHTS : RANDOM_WEIGHTS));
        weights.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setDisable(IMAGENET_WEIGHTS.equals(item)); // hook: enabled once a weights source exists
            }
        });
        ComboBox<Integer> input = new ComboBox<>(FXCollections.observableArrayList(32, 64, 96, 128, 160, 192, 224));
        input.setId("inputSizeChoice");
        input.valueProperty().bindBidirectional(vm.inputSizeProperty());
        ComboBox<HeadType> head = new ComboBox<>(FXCollections.observableArrayList(HeadType.values()));
        head.setId("headChoice");
        head.valueProperty().bindBidirectional(vm.headProperty());
        ComboBox<Integer> hidden = new ComboBox<>(FXCollections.observableArrayList(0, 64, 128, 256, 512));
        hidden.setId("hiddenChoice");
        hidden.valueProperty().bindBidirectional(vm.hiddenUnitsProperty());
        hidden.disableProperty().bind(vm.headProperty().isEqualTo(HeadType.PAPER));
        FormGrid form = new FormGrid().section("Network");
        form.add("Model", new HBox(8, variant, new Label("weights"), weights));
        form.add("Input size (px)", new HBox(8, input, new Label("head"), head, new Label("dense units"), hidden));
        return form.node();
    }

    private Node presets() {
        Button features = new Button("Feature extraction");
        features.setId("presetFeatureExtraction");
        features.setOnAction(e -> vm.applyFeatureExtraction());
        Button all = new Button("Fine-tune all");
        all.setId("presetFineTuneAll");
        all.setOnAction(e -> vm.applyFineTuneAll());
        Spinner<Integer> k = new Spinner<>(1, VggVariant.BLOCK_COUNT - 1, 3);
        k.setPrefWidth(70);
        Button first = new Button("Freeze blocks 1..k");
        first.setOnAction(e -> vm.applyFirstBlocksFrozen(k.getValue()));
        CheckBox fc = new CheckBox("freeze the dense head too");
        fc.selectedProperty().bindBidirectional(vm.fcFrozenProperty());
        HBox box = new HBox(8, new Label("Presets:"), features, all, first, new Label("k ="), k, fc);
        box.getStyleClass().add("toolbar");
        return box;
    }

    private Node totals() {
        Label totals = new Label();
        totals.setId("totalsLabel");
        totals.getStyleClass().add("totals");
        totals.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.ROOT,
                        "Trainable %s · frozen %s · total %s parameters", Formats.count(vm.trainableParamsProperty().get()),
                        Formats.count(vm.frozenParamsProperty().get()), Formats.count(vm.totalParamsProperty().get())),
                vm.trainableParamsProperty(), vm.frozenParamsProperty(), vm.totalParamsProperty()));
        ProgressBar share = new ProgressBar();
        share.setId("headShareBar");
        share.getStyleClass().add("head-share");
        share.progressProperty().bind(vm.headShareProperty());
        share.setPrefWidth(220);
        Label shareText = new Label();
        shareText.setId("headShareLabel");
        shareText.textProperty().bind(Bindings.createStringBinding(() -> "Head (dense + output) holds "
                + Formats.percent(vm.headShareProperty().get()) + " of the parameters; convolutions "
                + Formats.percent(1 - vm.headShareProperty().get()), vm.headShareProperty()));
        return new VBox(4, totals, new HBox(8, share, shareText));
    }

    private Node hyperForm() {
        FormGrid form = new FormGrid().section("Training");
        ComboBox<Optimizer> optimizer = new ComboBox<>(FXCollections.observableArrayList(Optimizer.values()));
        optimizer.setId("optimizerChoice");
        optimizer.valueProperty().bindBidirectional(hyper.optimizerProperty());
        form.add("Optimiser", optimizer);
        form.addValidated("Learning rate", hyper.learningRate(), "learningRate", "Adam: 0.001 for a head on frozen blocks, 0.0001 when conv blocks train; SGD: 0.01");
        form.addValidated("Momentum", hyper.momentum(), "momentum", "Nesterov momentum, 0 to 1");
        form.addValidated("Batch size", hyper.batchSize(), "batchSize", "Images per step; lower it if memory runs out");
        form.addValidated("Epochs", hyper.epochs(), "epochs", "Passes over the training split");
        form.addValidated("Weight decay", hyper.weightDecay(), "weightDecay", "L2 penalty, 0 = off");
        form.addValidated("Early-stopping patience", hyper.patience(), "patience",
                "Epochs without better validation accuracy before stopping; 0 = off");
        form.addValidated("Conv learning-rate factor", hyper.convLrFactor(), "convLrFactor",
                "Multiplier for trained conv blocks, e.g. 0.1");
        form.addValidated("Seed", hyper.seed(), "seed", "Same seed, same weights and order");
        CheckBox weights = new CheckBox("weight the loss by inverse class frequency");
        weights.selectedProperty().bindBidirectional(hyper.classWeightsProperty());
        form.add("Class weights", weights);
        return form.node();
    }

}
