package org.transferworkbench.ui.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/** Asks what a new study compares and how often; the rest comes from the Dataset and Model tabs. */
final class NewStudyDialog {

    private NewStudyDialog() {
    }

    static Optional<StudyDraft> show(Window owner) {
        Dialog<StudyDraft> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("New study");
        dialog.setHeaderText("Repeat the run set up in the Dataset and Model tabs over several seeds (or folds),\n"
                + "once per freeze plan and network chosen here, and compare them.");
        TextField name = new TextField("freeze-comparison");
        name.setId("studyName");
        List<CheckBox> presets = new ArrayList<>();
        for (ArmPreset p : ArmPreset.values()) {
            CheckBox box = new CheckBox(p.label());
            box.setUserData(p);
            box.setSelected(p != ArmPreset.FINE_TUNE_ALL);
            presets.add(box);
        }
        CheckBox vgg16 = new CheckBox("VGG16");
        vgg16.setSelected(true);
        CheckBox vgg19 = new CheckBox("VGG19");
        Spinner<Integer> seeds = new Spinner<>(1, 50, 3);
        seeds.setId("studySeeds");
        seeds.setEditable(true);
        Spinner<Integer> folds = new Spinner<>(0, 20, 0);
        folds.setEditable(true);
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Freeze plans"), new HBox(10, presets.toArray(CheckBox[]::new)));
        form.addRow(2, new Label("Networks"), new HBox(10, vgg16, vgg19));
        form.addRow(3, new Label("Seeds per arm"), seeds);
        form.addRow(4, new Label("Folds (0 = one split per seed)"), folds);
        Label hint = new Label("With k folds, every seed runs k times, each fold being the test set once; "
                + "groups (Dataset tab) never straddle folds.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        form.add(hint, 0, 5, 2, 1);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        dialog.setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            try {
                return draft(name.getText(), presets, vgg16.isSelected(), vgg19.isSelected(), seeds.getValue(),
                        folds.getValue());
            } catch (IllegalArgumentException e) {
                Alert alert = new Alert(Alert.AlertType.WARNING, e.getMessage(), ButtonType.OK);
                alert.initOwner(owner);
                alert.setHeaderText("The study cannot start");
                alert.showAndWait();
                return null;
            }
        });
        return dialog.showAndWait();
    }

    private static StudyDraft draft(String name, List<CheckBox> presets, boolean vgg16, boolean vgg19, int seeds,
                                    int folds) {
        List<ArmPreset> chosen = presets.stream().filter(CheckBox::isSelected)
                .map(b -> (ArmPreset) b.getUserData()).toList();
        List<String> models = new ArrayList<>();
        if (vgg16) {
            models.add("vgg16");
        }
        if (vgg19) {
            models.add("vgg19");
        }
        return new StudyDraft(name, chosen, models, seeds, folds);
    }
}
