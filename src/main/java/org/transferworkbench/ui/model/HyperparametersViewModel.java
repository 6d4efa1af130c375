package org.transferworkbench.ui.model;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.transferworkbench.engine.training.Hyperparameters;
import org.transferworkbench.engine.training.Optimizer;
import org.transferworkbench.ui.fx.ValidatedField;

/** The training settings form: one validated field per hyper-parameter. */
public final class HyperparametersViewModel {
    private final ObjectProperty<Optimizer> optimizer = new SimpleObjectProperty<>(Optimizer.ADAM);
    private final ValidatedField<Double> learningRate =
            new ValidatedField<>("0.001", ValidatedField.decimal("Learning rate", 0, false, 10));
    private final ValidatedField<Double> momentum =
            new ValidatedField<>("0.9", ValidatedField.decimal("Momentum", 0, true, 1));
    private final ValidatedField<Long> batchSize =
            new ValidatedField<>("16", ValidatedField.whole("Batch size", 1, 4096));
    private final ValidatedField<Long> epochs = new ValidatedField<>("10", ValidatedField.whole("Epochs", 1, 100_000));
    private final ValidatedField<Double> weightDecay =
            new ValidatedField<>("0", ValidatedField.decimal("Weight decay", 0, true, 1));
    private final ValidatedField<Long> patience =
            new ValidatedField<>("5", ValidatedField.whole("Early-stopping patience", 0, 100_000));
    private final ValidatedField<Double> convLrFactor =
            new ValidatedField<>("1", ValidatedField.decimal("Conv learning-rate factor", 0, false, 1));
    private final ValidatedField<Long> seed =
            new ValidatedField<>("42", ValidatedField.whole("Seed", Long.MIN_VALUE, Long.MAX_VALUE));
    private final BooleanProperty classWeights = new SimpleBooleanProperty();
    private final BooleanBinding valid;

    public HyperparametersViewModel() {
        List<ValidatedField<?>> all = fields();
        valid = Bindings.createBooleanBinding(() -> all.stream().allMatch(f -> f.validProperty().get())
                && optimizer.get() != null, all.stream().map(ValidatedField::validProperty)
                .toArray(javafx.beans.Observable[]::new));
    }

    public List<ValidatedField<?>> fields() {
        return List.of(learningRate, momentum, batchSize, epochs, weightDecay, patience, convLrFactor, seed);
    }

    /** @throws IllegalArgumentException when a field is invalid */
    public Hyperparameters toHyperparameters() {
        return new Hyperparameters(optimizer.get(), learningRate.value(), momentum.value(),
                batchSize.value().intValue(), epochs.value().intValue(), weightDecay.value(), seed.value(),
                patience.value().intValue(), convLrFactor.value(), classWeights.get());
    }

    public void load(Hyperparameters h) {
        optimizer.set(h.optimizer());
        learningRate.textProperty().set(plain(h.learningRate()));
        momentum.textProperty().set(plain(h.momentum()));
        batchSize.textProperty().set(Integer.toString(h.batchSize()));
        epochs.textProperty().set(Integer.toString(h.epochs()));
        weightDecay.textProperty().set(plain(h.weightDecay()));
        patience.textProperty().set(Integer.toString(h.earlyStoppingPatience()));
        convLrFactor.textProperty().set(plain(h.convLearningRateFactor()));
        seed.textProperty().set(Long.toString(h.seed()));
        classWeights.set(h.classWeights());
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.10g", v)).stripTrailingZeros().toPlainString();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public ObjectProperty<Optimizer> optimizerProperty() {
        return optimizer;
    }

    public ValidatedField<Double> learningRate() {
        return learningRate;
    }

    public ValidatedField<Double> momentum() {
        return momentum;
    }

    public ValidatedField<Long> batchSize() {
        return batchSize;
    }

    public ValidatedField<Long> epochs() {
        return epochs;
    }

    public ValidatedField<Double> weightDecay() {
        return weightDecay;
    }

    public ValidatedField<Long> patience() {
        return patience;
    }

    public ValidatedField<Double> convLrFactor() {
        return convLrFactor;
    }

    public ValidatedField<Long> seed() {
        return seed;
    }

    public BooleanProperty classWeightsProperty() {
        return classWeights;
    }
}
