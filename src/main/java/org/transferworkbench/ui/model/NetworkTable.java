package org.transferworkbench.ui.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import org.controlsfx.control.ToggleSwitch;
import org.transferworkbench.engine.model.LayerGroup;
import org.transferworkbench.engine.model.LayerSpec;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.ui.fx.Formats;

/** The network grouped by block, with a frozen/trainable switch per block and for the dense head. */
final class NetworkTable {
    private final ModelViewModel vm;
    private final TreeTableView<LayerItem> table = new TreeTableView<>();

    NetworkTable(ModelViewModel vm) {
        this.vm = vm;
        table.setId("networkTable");
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Layer", LayerItem::name, 170));
        table.getColumns().add(column("Output shape", LayerItem::outputShape, 110));
        table.getColumns().add(column("Parameters", i -> i.params() == 0 ? "" : Formats.count(i.params()), 110));
        table.getColumns().add(stateColumn());
        vm.layoutProperty().addListener((obs, old, now) -> rebuild(now));
        rebuild(vm.layoutProperty().get());
    }

    TreeTableView<LayerItem> node() {
        return table;
    }

    private void rebuild(VggLayout layout) {
        Map<LayerGroup, List<LayerSpec>> groups = new LinkedHashMap<>();
        layout.layers().forEach(l -> groups.computeIfAbsent(l.group(), g -> new java.util.ArrayList<>()).add(l));
        TreeItem<LayerItem> root = new TreeItem<>();
        groups.forEach((group, layers) -> {
            long params = layers.stream().mapToLong(LayerSpec::paramCount).sum();
            LayerSpec last = layers.get(layers.size() - 1);
            TreeItem<LayerItem> item = new TreeItem<>(new LayerItem(title(group, layers.size()), last.shapeText(),
                    params, group, true));
            layers.forEach(l -> item.getChildren().add(new TreeItem<>(
                    new LayerItem(l.name(), l.shapeText(), l.paramCount(), group, false))));
            root.getChildren().add(item);
        });
        table.setRoot(root);
    }

    private static String title(LayerGroup group, int layers) {
        return switch (group.kind()) {
            case CONV_BLOCK -> "Block " + group.block() + " (" + (layers - 1) + " conv)";
            case FULLY_CONNECTED -> "Head (dense)";
            case OUTPUT -> "Output";
            case INPUT -> "Input";
        };
    }

    private BooleanProperty frozenProperty(LayerGroup group) {
        return switch (group.kind()) {
            case CONV_BLOCK -> vm.blockFrozenProperty(group.block());
            case FULLY_CONNECTED -> vm.fcFrozenProperty();
            default -> null;
        };
    }

    private TreeTableColumn<LayerItem, LayerItem> stateColumn() {
        TreeTableColumn<LayerItem, LayerItem> c = new TreeTableColumn<>("Frozen");
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue()));
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(LayerItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                BooleanProperty frozen = empty || item == null ? null : frozenProperty(item.group());
                if (frozen == null) {
                    setGraphic(null);
                } else if (item.isGroup()) {
                    ToggleSwitch toggle = new ToggleSwitch();
                    toggle.getStyleClass().add("freeze-toggle");
                    toggle.setId(item.group().kind() == LayerGroup.Kind.CONV_BLOCK
                            ? "freeze-block" + item.group().block() : "freeze-fc");
                    toggle.selectedProperty().bindBidirectional(frozen);
                    toggle.textProperty().bind(Bindings.when(frozen).then("frozen").otherwise("trained"));
                    setGraphic(toggle);
                } else if (item.params() > 0) {
                    Label state = new Label();
                    state.textProperty().bind(Bindings.when(frozen).then("frozen").otherwise("trained"));
                    state.getStyleClass().add("layer-state");
                    setGraphic(state);
                } else {
                    setGraphic(null);
                }
            }
        });
        c.setPrefWidth(130);
        return c;
    }

    private static TreeTableColumn<LayerItem, String> column(String title,
                                                             java.util.function.Function<LayerItem, String> value,
                                                             double width) {
        TreeTableColumn<LayerItem, String> c = new TreeTableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue() == null ? ""
                : value.apply(cell.getValue().getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
