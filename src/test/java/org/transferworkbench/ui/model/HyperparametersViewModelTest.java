package org.transferworkbench.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.transferworkbench.engine.training.Hyperparameters;

class HyperparametersViewModelTest {

    @Test
    void defaultsAreValidAndBuildHyperparameters() {
        HyperparametersViewModel vm = new HyperparametersViewModel();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.toHyperparameters()).isEqualTo(Hyperparameters.defaults());
    }

    @Test
    void eachInvalidValueGetsASentenceAndMakesTheFormInvalid() {
        HyperparametersViewModel vm = new HyperparametersViewModel();
        vm.learningRate().textProperty().set("fast");
        assertThat(vm.learningRate().errorProperty().get()).contains("Learning rate must be a number");
        assertThat(vm.validProperty().get()).isFalse();
        vm.learningRate().textProperty().set("0.001");
        vm.batchSize().textProperty().set("0");
        assertThat(vm.batchSize().errorProperty().get()).contains("Batch size must be from 1");
        assertThat(vm.validProperty().get()).isFalse();
        vm.batchSize().textProperty().set("8");
        vm.convLrFactor().textProperty().set("2");
        assertThat(vm.validProperty().get()).isFalse();
        vm.convLrFactor().textProperty().set("0.1");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.toHyperparameters().batchSize()).isEqualTo(8);
    }

    @Test
    void loadFillsTheFieldsFromAStoredRun() {
        HyperparametersViewModel vm = new HyperparametersViewModel();
        Hyperparameters h = Hyperparameters.defaults().withEpochs(3).withSeed(7);
        vm.load(h);
        assertThat(vm.toHyperparameters()).isEqualTo(h);
    }
}
