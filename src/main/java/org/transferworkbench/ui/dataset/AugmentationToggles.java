package org.transferworkbench.ui.dataset;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.transferworkbench.engine.data.AugmentationSettings;

/** On/off switches for the training augmentations, with fixed moderate strengths. */
public final class AugmentationToggles {
    static final double ROTATION = 15;
    static final double BRIGHTNESS = 0.2;
    static final double CONTRAST = 0.2;
    private final BooleanProperty horizontalFlip = new SimpleBooleanProperty();
    private final BooleanProperty verticalFlip = new SimpleBooleanProperty();
    private final BooleanProperty rotation = new SimpleBooleanProperty();
    private final BooleanProperty crop = new SimpleBooleanProperty();
    private final BooleanProperty brightness = new SimpleBooleanProperty();
    private final BooleanProperty contrast = new SimpleBooleanProperty();

    public BooleanProperty horizontalFlipProperty() {
        return horizontalFlip;
    }

    public BooleanProperty verticalFlipProperty() {
        return verticalFlip;
    }

    public BooleanProperty rotationProperty() {
        return rotation;
    }

    public BooleanProperty cropProperty() {
        return crop;
    }

    public BooleanProperty brightnessProperty() {
        return brightness;
    }

    public BooleanProperty contrastProperty() {
        return contrast;
    }

    public AugmentationSettings toSettings() {
        return new AugmentationSettings(horizontalFlip.get(), verticalFlip.get(), rotation.get() ? ROTATION : 0,
                crop.get(), brightness.get() ? BRIGHTNESS : 0, contrast.get() ? CONTRAST : 0);
    }

    public void load(AugmentationSettings s) {
        horizontalFlip.set(s.horizontalFlip());
        verticalFlip.set(s.verticalFlip());
        rotation.set(s.maxRotationDegrees() > 0);
        crop.set(s.randomCrop());
        brightness.set(s.brightness() > 0);
        contrast.set(s.contrast() > 0);
    }
}
