package org.transferworkbench.ui.model;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.ModelSpec;
import org.transferworkbench.engine.model.ModelSummary;
import org.transferworkbench.engine.model.VggLayout;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.model.weights.WeightsChoice;
import org.transferworkbench.engine.model.weights.WeightsSource;

/**
 * The network choice and its freeze plan. The layer table comes from {@link VggLayout} (analytic, instant), so
 * totals follow every toggle at once.
 */
public final class ModelViewModel {
    private final ObjectProperty<VggVariant> variant = new SimpleObjectProperty<>(VggVariant.VGG16);
    private final ObjectProperty<Integer> inputSize = new SimpleObjectProperty<>(64);
    private final ObjectProperty<HeadType> head = new SimpleObjectProperty<>(HeadType.COMPACT);
    private final ObjectProperty<Integer> hiddenUnits = new SimpleObjectProperty<>(256);
    private final ObjectProperty<Double> dropout = new SimpleObjectProperty<>(0.5);
    private final IntegerProperty classCount = new SimpleIntegerProperty(4);
    private final BooleanProperty[] blockFrozen = new BooleanProperty[VggVariant.BLOCK_COUNT];
    private final BooleanProperty fcFrozen = new SimpleBooleanProperty();
    private final BooleanProperty warmStartFromVgg11 = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<VggLayout> layout = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FreezePlan> freezePlan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper totalParams = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper trainableParams = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper frozenParams = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper headShare = new ReadOnlyDoubleWrapper();

    public ModelViewModel() {
        for (int b = 0; b < blockFrozen.length; b++) {
            blockFrozen[b] = new SimpleBooleanProperty(true);
            blockFrozen[b].addListener(o -> refreshTotals());
        }
        fcFrozen.addListener(o -> refreshTotals());
        for (Observable shape : new Observable[] {variant, inputSize, head, hiddenUnits, dropout, classCount}) {
            shape.addListener(o -> refreshLayout());
        }
        refreshLayout();
    }

    private void refreshLayout() {
        layout.set(VggLayout.of(modelSpec()));
        refreshTotals();
    }

    private void refreshTotals() {
        boolean[] frozen = new boolean[VggVariant.BLOCK_COUNT];
        for (int b = 0; b < frozen.length; b++) {
            frozen[b] = blockFrozen[b].get();
        }
        FreezePlan plan = new FreezePlan(frozen, fcFrozen.get());
        freezePlan.set(plan);
        if (layout.get() == null) {
            return;
        }
        ModelSummary summary = new ModelSummary(layout.get(), plan);
        totalParams.set(summary.totalParams());
        frozenParams.set(summary.frozenParams());
        trainableParams.set(summary.trainableParams());
        headShare.set((double) summary.headParams() / Math.max(1, summary.totalParams()));
    }

    public ModelSpec modelSpec() {
        return new ModelSpec(variant.get(), inputSize.get(), Math.max(2, classCount.get()), head.get(),
                hiddenUnits.get(), dropout.get());
    }

    public void applyFeatureExtraction() {
        loadPlan(FreezePlan.featureExtraction().withFcFrozen(fcFrozen.get()));
    }

    public void applyFineTuneAll() {
        loadPlan(FreezePlan.fineTuneAll().withFcFrozen(fcFrozen.get()));
    }

    /** Blocks 1..k frozen, the others trained. */
    public void applyFirstBlocksFrozen(int k) {
        loadPlan(FreezePlan.firstBlocksFrozen(k).withFcFrozen(fcFrozen.get()));
    }

    public void loadPlan(FreezePlan plan) {
        for (int b = 1; b <= VggVariant.BLOCK_COUNT; b++) {
            blockFrozen[b - 1].set(plan.isBlockFrozen(b));
        }
        fcFrozen.set(plan.isFcFrozen());
    }

    /** @param block 1-based */
    public BooleanProperty blockFrozenProperty(int block) {
        return blockFrozen[block - 1];
    }

    public BooleanProperty fcFrozenProperty() {
        return fcFrozen;
    }

    /** The paper's warm start: train a VGG11 first and start this network from it (two runs). */
    public BooleanProperty warmStartFromVgg11Property() {
        return warmStartFromVgg11;
    }

    /** The starting weights the Model tab offers: random, or the warm start from a VGG11 trained first. */
    public WeightsChoice weightsChoice() {
        return warmStartFromVgg11.get()
                ? new WeightsChoice(WeightsSource.parse("warmstart:" + WeightsSource.WarmStart.TRAIN_VGG11_FIRST),
                false, null)
                : WeightsChoice.RANDOM;
    }

    public ObjectProperty<VggVariant> variantProperty() {
        return variant;
    }

    public ObjectProperty<Integer> inputSizeProperty() {
        return inputSize;
    }

    public ObjectProperty<HeadType> headProperty() {
        return head;
    }

    public ObjectProperty<Integer> hiddenUnitsProperty() {
        return hiddenUnits;
    }

    public ObjectProperty<Double> dropoutProperty() {
        return dropout;
    }

    /** Classes of the imported dataset; shapes the output layer. */
    public IntegerProperty classCountProperty() {
        return classCount;
    }

    public ReadOnlyObjectProperty<VggLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<FreezePlan> freezePlanProperty() {
        return freezePlan.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalParamsProperty() {
        return totalParams.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty trainableParamsProperty() {
        return trainableParams.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty frozenParamsProperty() {
        return frozenParams.getReadOnlyProperty();
    }

    /** Share of all parameters in the fully connected head and output layer, 0..1. */
    public ReadOnlyDoubleProperty headShareProperty() {
        return headShare.getReadOnlyProperty();
    }
}
