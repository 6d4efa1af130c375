package org.transferworkbench.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.transferworkbench.engine.model.FreezePlan;
import org.transferworkbench.engine.model.HeadType;
import org.transferworkbench.engine.model.VggVariant;
import org.transferworkbench.engine.model.weights.WeightsSource;

class ModelViewModelTest {

    @Test
    void togglingABlockMovesItsParametersBetweenFrozenAndTrainable() {
        ModelViewModel vm = new ModelViewModel();
        vm.applyFeatureExtraction();
        long frozen = vm.frozenParamsProperty().get();
        long trainable = vm.trainableParamsProperty().get();

        vm.blockFrozenProperty(5).set(false);

        long block5 = frozen - vm.frozenParamsProperty().get();
        assertThat(block5).isPositive();
        assertThat(vm.trainableParamsProperty().get()).isEqualTo(trainable + block5);
        assertThat(vm.totalParamsProperty().get()).isEqualTo(frozen + trainable);
        assertThat(vm.freezePlanProperty().get()).isEqualTo(FreezePlan.parse("blocks:1-4"));
    }

    @Test
    void theWarmStartChoiceAsksForAVgg11ToBeTrainedFirst() {
        ModelViewModel vm = new ModelViewModel();
        assertThat(vm.weightsChoice().isRandom()).isTrue();

        vm.warmStartFromVgg11Property().set(true);

        assertThat(vm.weightsChoice().source()).isInstanceOfSatisfying(WeightsSource.WarmStart.class,
                w -> assertThat(w.trainsVgg11First()).isTrue());
        assertThat(vm.weightsChoice().source().cliText()).isEqualTo("warmstart:vgg11");
    }

    @Test
    void presetsSetEveryBlock() {
        ModelViewModel vm = new ModelViewModel();
        vm.applyFineTuneAll();
        assertThat(vm.frozenParamsProperty().get()).isZero();
        vm.applyFirstBlocksFrozen(3);
        assertThat(vm.freezePlanProperty().get()).isEqualTo(FreezePlan.firstBlocksFrozen(3));
        vm.applyFeatureExtraction();
        assertThat(vm.freezePlanProperty().get().isFeatureExtraction()).isTrue();
    }

    @Test
    void thePaperHeadHoldsMostOfTheParameters() {
        ModelViewModel vm = new ModelViewModel();
        vm.variantProperty().set(VggVariant.VGG16);
        vm.inputSizeProperty().set(224);
        vm.headProperty().set(HeadType.PAPER);
        assertThat(vm.headShareProperty().get()).isGreaterThan(0.8);
        assertThat(vm.totalParamsProperty().get()).isGreaterThan(130_000_000L);
        vm.headProperty().set(HeadType.COMPACT);
        assertThat(vm.headShareProperty().get()).isLessThan(0.05);
    }
}
